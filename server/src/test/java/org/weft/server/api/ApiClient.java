package org.weft.server.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/** The member API as a script sees it: real HTTP to a test instance, with or without a token. */
public final class ApiClient {
    public static final String JSON = "application/json";
    private final String api;
    private final String token;

    private ApiClient(String api, String token) {
        this.api = api;
        this.token = token;
    }

    public static ApiClient anonymous(TestServers.Instance weft) {
        return new ApiClient(weft.base() + ApiRoutes.PREFIX, null);
    }

    /** Creates a member and a token for it, the way {@code weft member create} and {@code weft token create} do. */
    public static ApiClient newMember(TestServers.Instance weft, String username, String displayName) {
        weft.server().localActors().createMember(username, displayName, "a long enough password", false);
        return withToken(weft, new ApiTokens(weft.server().db(), Clock.systemUTC()).create(username, "test"));
    }

    public static ApiClient withToken(TestServers.Instance weft, String token) {
        return new ApiClient(weft.base() + ApiRoutes.PREFIX, token);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, JSON, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Any request; a null body sends none (and no content type unless one is given). */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).method(method, content);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        return TestHttp.send(request.build());
    }

    /** Asserts the status and returns the parsed JSON body. */
    public static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.statusCode() + " for "
                    + response.request().method() + " " + response.request().uri() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : TestHttp.json(response.body());
    }
}
