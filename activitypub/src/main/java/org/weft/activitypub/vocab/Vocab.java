package org.weft.activitypub.vocab;

/** ActivityStreams constants: contexts, the Public collection and the media types ActivityPub uses. */
public final class Vocab {

    /** The ActivityStreams 2.0 context URL; every document Weft sends or accepts lists it. */
    public static final String AS_CONTEXT = "https://www.w3.org/ns/activitystreams";
    /** The security vocabulary context, which defines {@code publicKey}, {@code owner} and {@code publicKeyPem}. */
    public static final String SECURITY_CONTEXT = "https://w3id.org/security/v1";
    /** The special collection that makes an object public when addressed in {@code to} (or unlisted in cc). */
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    /** The ActivityPub media type, the one Weft sends. */
    public static final String ACTIVITY_JSON = "application/activity+json";
    /** The JSON-LD media type with the ActivityStreams profile, equivalent to {@link #ACTIVITY_JSON}. */
    public static final String LD_JSON_AS = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    /** The WebFinger media type. */
    public static final String JRD_JSON = "application/jrd+json";
    /** The host-meta media type. */
    public static final String XRD_XML = "application/xrd+xml";

    private Vocab() {
    }

    /**
     * Whether an address is the Public collection, in any spelling Mastodon accepts.
     *
     * @param address an entry of {@code to}, {@code cc} or {@code audience}
     * @return true for {@code Public}, {@code as:Public} and the full URI
     */
    public static boolean isPublic(String address) {
        return PUBLIC.equals(address) || "as:Public".equals(address) || "Public".equals(address);
    }

    /**
     * Rewrites the short spellings of the Public collection to the full URI and leaves other addresses alone.
     *
     * @param address an address as received
     * @return the address, with Public normalised
     */
    public static String normalizeAddress(String address) {
        return isPublic(address) ? PUBLIC : address;
    }
}
