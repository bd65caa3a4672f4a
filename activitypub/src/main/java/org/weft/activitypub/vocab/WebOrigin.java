package org.weft.activitypub.vocab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of a URL (RFC 6454: scheme, host and port), the one test Weft uses for "on the same server": an
 * activity's id and its actor, a post and its sender, an Agreement and the responder who offers it, a form and this
 * instance. Scheme and host are compared without case, and a default port (443 for https, 80 for http) is the same
 * as none. A URL with no scheme or host, with user info ({@code https://someone@host/}), or that does not parse, has
 * no origin, and is on no server's.
 */
public final class WebOrigin {

    private WebOrigin() {
    }

    /**
     * @param url a URL, possibly null
     * @return its origin as {@code scheme://host[:port]}, lower case and without a default port; empty when it has none
     */
    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return of(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * @param uri a URI
     * @return its origin as {@code scheme://host[:port]}, lower case and without a default port; empty when it has none
     */
    public static Optional<String> of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }

    /**
     * @param a a URL, possibly null
     * @param b another, possibly null
     * @return whether both have an origin and it is the same
     */
    public static boolean same(String a, String b) {
        Optional<String> origin = of(a);
        return origin.isPresent() && origin.equals(of(b));
    }
}
