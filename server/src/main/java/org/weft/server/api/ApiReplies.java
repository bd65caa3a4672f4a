package org.weft.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * How the API answers: JSON, never cached (answers depend on who asks), never sniffed as HTML;
 * errors as {@code {"error": "code", "message": "...", "field": "..."}} with the status that says what kind of error:
 * a stable English code for programs, a sentence in the caller's language for people, the field at fault if any.
 */
final class ApiReplies {
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private ApiReplies() {
    }

    static void ok(ServerResponse res, JsonNode body) {
        send(res, Status.OK_200, body);
    }

    static void created(ServerResponse res, String location, JsonNode body) {
        res.header(HeaderNames.LOCATION, location);
        send(res, Status.CREATED_201, body);
    }

    /** 202: the request was taken and goes on elsewhere (a Follow sent to another server). */
    static void accepted(ServerResponse res, JsonNode body) {
        send(res, Status.ACCEPTED_202, body);
    }

    static void noContent(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.status(Status.NO_CONTENT_204).send();
    }

    static void error(ServerResponse res, Status status, String code, String message, String field) {
        ObjectNode body = ApiJson.object().put("error", code).put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        send(res, status, body);
    }

    private static void send(ServerResponse res, Status status, JsonNode body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(ApiJson.write(body));
    }
}
