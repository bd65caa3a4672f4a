package org.weft.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import org.weft.server.queue.ForegroundRequests;

/**
 * Counts every request but an inbox POST as one someone is waiting on, from routing until it has been answered, so
 * the work queues step aside while it is served ({@link ForegroundRequests} says why). An inbox POST is the other
 * way round: a server delivering an activity, which only needs it stored, and the work it brings is what the queues
 * are for.
 */
public final class ForegroundFilter implements Filter {
    private final ForegroundRequests foreground;

    public ForegroundFilter(ForegroundRequests foreground) {
        this.foreground = foreground;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (isDelivery(req)) {
            chain.proceed();
            return;
        }
        foreground.begin();
        try {
            chain.proceed();
        } finally {
            foreground.end();
        }
    }

    static boolean isDelivery(RoutingRequest req) {
        return req.prologue().method() == Method.POST && req.path().path().endsWith("/inbox");
    }
}
