package org.weft.server.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.signature.IncomingRequest;

/**
 * A Helidon request as the signature verifier needs it: the raw path and query as they arrived (a
 * decoded or re-encoded path would break {@code (request-target)}) and every header value unchanged.
 */
final class IncomingRequests {
    private IncomingRequests() {
    }

    static IncomingRequest of(ServerRequest req, String method, byte[] body) {
        String query = req.prologue().query().rawValue();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : req.headers()) {
            headers.computeIfAbsent(header.name(), k -> new ArrayList<>()).addAll(header.allValues());
        }
        return new IncomingRequest(method, req.prologue().uriPath().rawPath(), query.isEmpty() ? null : query, headers, body);
    }
}
