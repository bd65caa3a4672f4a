package org.weft.activitypub.webfinger;

/** Small checks on an instance origin ({@code https://host[:port]}), shared by the discovery documents. */
final class Origins {

    private Origins() {
    }

    /** The origin without a trailing slash, after checking it is an http(s) origin with no path. */
    static String strip(String origin) {
        String o = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        boolean http = o.startsWith("https://") || o.startsWith("http://");
        if (!http || o.indexOf('/', o.indexOf("//") + 2) >= 0 || o.contains("?") || o.contains("#")) {
            throw new IllegalArgumentException("not an origin (https://host[:port]): " + origin);
        }
        return o;
    }
}
