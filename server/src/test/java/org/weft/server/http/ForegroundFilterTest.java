package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.queue.ForegroundRequests;
import org.weft.server.testing.WaitFor;

/**
 * On a bare Helidon server with the filter: while a page, an API read, an actor fetch or a member's form is being
 * answered, someone is counted as waiting; while a delivery to an inbox is, nobody is; and once any of them has been
 * answered, even by an error, the count is back to none.
 */
class ForegroundFilterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ForegroundRequests FOREGROUND = new ForegroundRequests();
    /** What each route saw while it was handling its request: was someone counted as waiting? */
    private static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(HttpRouting.builder().addFilter(new ForegroundFilter(FOREGROUND))
                        .get("/board/camp", seeing("GET board"))
                        .get("/api/v1/groups/camp/proposals", seeing("GET api"))
                        .get("/groups/camp", seeing("GET actor"))
                        .post("/proposals/new", seeing("POST form"))
                        .post("/groups/camp/inbox", seeing("POST group inbox"))
                        .post("/inbox", seeing("POST shared inbox"))
                        .get("/fails", (req, res) -> {
                            throw new IllegalStateException("boom");
                        }))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Handler seeing(String name) {
        return (req, res) -> {
            SEEN.put(name, FOREGROUND.busy());
            res.send("ok");
        };
    }

    @Test
    void someoneWaitsOnEverythingButADeliveryToAnInbox() throws Exception {
        send("GET", "/board/camp");
        send("GET", "/api/v1/groups/camp/proposals");
        send("GET", "/groups/camp");
        send("POST", "/proposals/new");
        send("POST", "/groups/camp/inbox");
        send("POST", "/inbox");
        assertEquals(Map.of("GET board", true, "GET api", true, "GET actor", true, "POST form", true,
                "POST group inbox", false, "POST shared inbox", false), SEEN);
        // The filter counts the request out just after the answer is on the wire, so the client may read it first.
        WaitFor.condition("every request answered: nobody waits", () -> !FOREGROUND.busy());
    }

    @Test
    void aRequestThatFailsStopsCountingToo() throws Exception {
        assertEquals(500, send("GET", "/fails"));
        WaitFor.condition("the failed request no longer counts", () -> !FOREGROUND.busy());
    }

    private static int send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
