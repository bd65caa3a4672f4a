package org.weft.activitypub.nodeinfo;

/** The NodeInfo schema versions Weft serves, with their link relations and media types. */
public enum NodeInfoVersion {
    /** NodeInfo 2.0: what Mastodon serves; {@code software} has only name and version. */
    V2_0("2.0"),
    /** NodeInfo 2.1: adds {@code software.repository} and {@code software.homepage}. */
    V2_1("2.1");

    private final String number;

    NodeInfoVersion(String number) {
        this.number = number;
    }

    /**
     * The version string written in the document's {@code version}.
     *
     * @return {@code 2.0} or {@code 2.1}
     */
    public String number() {
        return number;
    }

    /**
     * The relation used in {@code /.well-known/nodeinfo} links.
     *
     * @return e.g. {@code http://nodeinfo.diaspora.software/ns/schema/2.1}
     */
    public String rel() {
        return "http://nodeinfo.diaspora.software/ns/schema/" + number;
    }

    /**
     * The {@code Content-Type} to serve the document with.
     *
     * @return e.g. {@code application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"}
     */
    public String mediaType() {
        return "application/json; profile=\"" + rel() + "#\"";
    }

    /**
     * Looks a version up by its number.
     *
     * @param number {@code 2.0} or {@code 2.1}
     * @return the version
     * @throws IllegalArgumentException for any other number
     */
    public static NodeInfoVersion ofNumber(String number) {
        for (NodeInfoVersion v : values()) {
            if (v.number.equals(number)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unsupported NodeInfo version " + number);
    }
}
