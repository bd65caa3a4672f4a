package org.weft.activitypub.signature;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code Host} a signed request must name to be accepted here: this server's own authority, as its
 * public base URL gives it. A signature covers {@code Host}, so a request signed for another server, or for
 * another port on the same name, cannot be replayed at this one.
 *
 * <p>Host names compare without regard to case; a port the request leaves out is the scheme's default
 * (80 for http, 443 for https), so {@code camp.example} and {@code camp.example:443} both name
 * {@code https://camp.example}. Nothing else is tolerated: no trailing dot, no user info, no second value.
 *
 * <p>It also gives the {@code @scheme} and {@code @authority} from which RFC 9421 derives the target of a
 * request received here ({@link #scheme()}, {@link #authority()}): this server's own, never the request's.
 */
public final class ExpectedHost {

    private final String scheme;
    private final String host;
    private final int port;
    private final int defaultPort;

    private ExpectedHost(String scheme, String host, int port, int defaultPort) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.defaultPort = defaultPort;
    }

    /**
     * @param baseUrl the server's public origin, e.g. {@code https://camp.example} or {@code http://localhost:8080}
     * @return the authority requests must name
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL with a host
     */
    public static ExpectedHost of(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> throw new IllegalArgumentException("not an http(s) base URL: " + baseUrl);
        };
        if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
            throw new IllegalArgumentException("base URL without a host: " + baseUrl);
        }
        int port = baseUrl.getPort() == -1 ? defaultPort : baseUrl.getPort();
        return new ExpectedHost(scheme, baseUrl.getHost().toLowerCase(Locale.ROOT), port, defaultPort);
    }

    /**
     * @param hostHeader the {@code Host} header exactly as received (several values joined, if sent so)
     * @return true if it names this server
     */
    public boolean matches(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String value = hostHeader.trim();
        String name;
        String portText;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = value.substring(0, close + 1);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = value.indexOf(':');
            if (colon != value.lastIndexOf(':')) {
                return false;
            }
            name = colon < 0 ? value : value.substring(0, colon);
            portText = colon < 0 ? null : value.substring(colon + 1);
        }
        return name.equalsIgnoreCase(host) && portOf(portText) == port;
    }

    private int portOf(String text) {
        if (text == null) {
            return defaultPort;
        }
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(text);
    }

    /**
     * The RFC 9421 {@code @scheme} of requests to this server: the base URL's, whatever the request arrived
     * over (behind a TLS-terminating proxy it arrives as plain http).
     *
     * @return {@code https} or {@code http}
     */
    public String scheme() {
        return scheme;
    }

    /**
     * The RFC 9421 {@code @authority} of requests to this server (§2.2.3: lower case, default port left out).
     *
     * @return e.g. {@code camp.example} or {@code localhost:8080}
     */
    public String authority() {
        return port == defaultPort ? host : host + ":" + port;
    }

    /** @return the authority as a request should name it, e.g. {@code camp.example} or {@code localhost:8080} */
    @Override
    public String toString() {
        return authority();
    }
}
