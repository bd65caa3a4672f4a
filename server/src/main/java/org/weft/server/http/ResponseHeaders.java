package org.weft.server.http;

import java.time.Clock;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The headers every response carries, set in this one place: pages, the API, ActivityPub documents, WebFinger,
 * static files, redirects and errors alike.
 * <ul>
 *   <li>{@code Date} in IMF-fixdate, written just before the response goes out (Helidon writes its own only when
 *       none is set, and its own has a one-digit day);</li>
 *   <li>{@code Referrer-Policy: same-origin}: a link from a member's page to another site does not tell that site
 *       which page (a proposal, a member's list) it was followed from;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser never runs a JSON or text answer as a script or page.</li>
 * </ul>
 * As a routing {@link Filter} it covers everything routed, 404s and error handlers included; as
 * {@link DirectHandlers} it covers what Helidon answers before routing (a malformed request line or header).
 */
public final class ResponseHeaders implements Filter {
    public static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    private final Clock clock;

    public ResponseHeaders(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        ServerResponseHeaders headers = res.headers();
        setAll(headers);
        res.beforeSend(() -> headers.set(HeaderNames.DATE, HttpDate.format(clock.instant())));
        chain.proceed();
    }

    /** Helidon's own answers to requests it cannot route, with the same headers. */
    public DirectHandlers directHandlers() {
        DirectHandler withHeaders = this::direct;
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, withHeaders);
        }
        return builder.build();
    }

    private DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request, DirectHandler.EventType type,
                                                   Status status, ServerResponseHeaders headers, String message) {
        DirectHandler.TransportResponse response = DirectHandler.defaultHandler()
                .handle(request, type, status, headers, message);
        setAll(response.headers());
        return response;
    }

    private void setAll(ServerResponseHeaders headers) {
        headers.set(HeaderNames.DATE, HttpDate.format(clock.instant()));
        headers.set(REFERRER_POLICY, "same-origin");
        headers.set(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    }
}
