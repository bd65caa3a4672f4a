package org.weft.activitypub.jsonld;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The context URLs Weft recognises, and the spelling rules that make {@code http://…/activitystreams#} and
 * {@code https://…/activitystreams.jsonld} the same document.
 */
final class ContextUrls {

    static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
    static final String SECURITY_V1 = "https://w3id.org/security/v1";
    static final String LEMMY = "https://join-lemmy.org/context.json";

    /**
     * External contexts whose terms never change the meaning of the ActivityStreams and security terms Weft reads,
     * in canonical spelling. A document using only these (plus harmless inline maps) is read as it is.
     */
    private static final Set<String> KNOWN = Set.of(
            canonical(ACTIVITY_STREAMS),
            canonical(SECURITY_V1),
            canonical(LEMMY),
            canonical("https://w3id.org/security/data-integrity/v1"),
            canonical("https://w3id.org/security/data-integrity/v2"),
            canonical("https://w3id.org/security/multikey/v1"),
            canonical("https://litepub.social/litepub/context.jsonld"),
            canonical("https://purl.archive.org/socialweb/webfinger"),
            canonical("https://gotosocial.org/ns"));

    /** Pleroma and Akkoma serve their LitePub context from each instance, so it is matched by path. */
    private static final String LITEPUB_INSTANCE_PATH = "/schemas/litepub-0.1";

    private ContextUrls() {
    }

    /**
     * Reduces a context URL to one spelling: https, no trailing {@code #}, {@code /} or {@code .jsonld}.
     */
    static String canonical(String url) {
        String s = url.trim();
        if (s.regionMatches(true, 0, "http://", 0, 7)) {
            s = "https://" + s.substring(7);
        }
        int schemeEnd = s.indexOf("://");
        if (schemeEnd > 0) {
            int pathStart = s.indexOf('/', schemeEnd + 3);
            String authority = pathStart < 0 ? s.substring(schemeEnd + 3) : s.substring(schemeEnd + 3, pathStart);
            String rest = pathStart < 0 ? "" : s.substring(pathStart);
            s = "https://" + authority.toLowerCase(Locale.ROOT) + rest;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : List.of("#", "/", ".jsonld")) {
                if (s.endsWith(suffix)) {
                    s = s.substring(0, s.length() - suffix.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    /** Whether the URL is the ActivityStreams context in any of its spellings. */
    static boolean isActivityStreams(String url) {
        return canonical(url).equals(canonical(ACTIVITY_STREAMS));
    }

    /** Whether the URL names a context that is safe to read without JSON-LD processing. */
    static boolean isKnown(String url) {
        String c = canonical(url);
        return KNOWN.contains(c) || c.endsWith(LITEPUB_INSTANCE_PATH);
    }

    /** Every spelling under which a bundled document is registered with the JSON-LD loader. */
    static List<String> spellings(String url) {
        String tail = url.substring("https://".length());
        return List.of("https://" + tail, "http://" + tail,
                "https://" + tail + "#", "http://" + tail + "#",
                "https://" + tail + ".jsonld", "http://" + tail + ".jsonld",
                "https://" + tail + "/", "http://" + tail + "/");
    }
}
