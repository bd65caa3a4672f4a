package org.weft.server.http;

import java.net.URI;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.vocab.WebOrigin;

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
        this.origin = WebOrigin.of(base).orElseThrow(() -> new IllegalArgumentException("not an origin: " + base));
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
        return WebOrigin.of(url.strip()).map(origin::equals).orElse(false);
    }
}
