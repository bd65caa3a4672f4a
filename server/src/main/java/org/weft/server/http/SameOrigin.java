package org.weft.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Whether a submitted form came from this site: the browser's {@code Origin} header, or when it sent none its
 * {@code Referer}, must name this instance's own origin (its base URL). A request with neither passes: some privacy
 * tools strip both, and the form's CSRF token still protects it. {@code Origin: null} (a sandboxed frame, a
 * redirect through another site) counts as foreign.
 */
public final class SameOrigin {
    private final String origin;

    /** @param base this instance's public origin, as {@code WEFT_BASE_URL} normalises it */
    public SameOrigin(URI base) {
        this.origin = originOf(base).orElseThrow(() -> new IllegalArgumentException("not an origin: " + base));
    }

    public boolean allows(ServerRequest req) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent()) {
            return same(origin.get());
        }
        return req.headers().first(HeaderNames.REFERER).map(this::same).orElse(true);
    }

    /** Whether a URL (an Origin or a Referer value) has this instance's scheme, host and port. */
    boolean same(String url) {
        try {
            return originOf(new URI(url.strip())).map(origin::equals).orElse(false);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<String> originOf(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80)) {
            port = -1;
        }
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port));
    }
}
