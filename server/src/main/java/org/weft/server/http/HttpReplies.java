package org.weft.server.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.vocab.Vocab;

/**
 * How Weft answers over HTTP: ActivityPub JSON with the content type Mastodon insists on, and errors
 * as a small JSON body with a message a developer can act on.
 */
public final class HttpReplies {

    private HttpReplies() {
    }

    /** An ActivityPub document; {@code Vary: Accept} because the same URL serves HTML to browsers. */
    public static void activityJson(ServerResponse res, JsonNode document) {
        res.header(HeaderNames.VARY, "Accept");
        json(res, Status.OK_200, ContentTypes.ACTIVITY_JSON_UTF8, document);
    }

    /** As {@link #activityJson(ServerResponse, JsonNode)}, for a document already serialised. */
    public static void activityJson(ServerResponse res, byte[] document) {
        res.header(HeaderNames.VARY, "Accept");
        json(res, Status.OK_200, ContentTypes.ACTIVITY_JSON_UTF8, document);
    }

    public static void json(ServerResponse res, Status status, String contentType, JsonNode document) {
        json(res, status, contentType, bytes(document));
    }

    /** A JSON document already serialised (kept bytes are sent as they are, never changed). */
    public static void json(ServerResponse res, Status status, String contentType, byte[] document) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.send(document);
    }

    /** An error with a stable code for programs and a sentence for people: {@code {"error": code, "message": …}}. */
    public static void error(ServerResponse res, Status status, String code, String message) {
        ObjectNode body = PlainJson.object().put("error", code).put("message", message);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.send(bytes(body));
    }

    public static void error(ServerResponse res, Status status, String message) {
        ObjectNode body = PlainJson.object().put("error", message);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.send(bytes(body));
    }

    public static byte[] bytes(JsonNode document) {
        return PlainJson.bytes(document);
    }

    public static void text(ServerResponse res, Status status, String contentType, String body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Content types Weft sends. */
    static final class ContentTypes {
        static final String ACTIVITY_JSON_UTF8 = Vocab.ACTIVITY_JSON + "; charset=utf-8";

        private ContentTypes() {
        }
    }
}
