package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.http.SameOrigin;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.auth.FormSubmissions;
import org.weft.server.ui.auth.SessionCookies;
import org.weft.server.ui.auth.SessionStore;
import org.weft.server.ui.auth.Visitor;
import org.weft.server.ui.auth.Visitors;

/**
 * A page rendered inside its transaction (the proposal page, which marks the reader's notifications read there) reaches
 * the browser only once that transaction has committed, and not at all when it rolls back: the routing's error page
 * answers instead. Checked on a small server wired like the real one, whose handlers hold the transaction open.
 */
class PagesAfterCommitTest {
    private static final String BROWSER = "text/html,application/xhtml+xml";
    private static TestServers.Instance weft;
    private static WebServer server;
    private static final CountDownLatch RENDERED = new CountDownLatch(1);
    private static final CountDownLatch MAY_COMMIT = new CountDownLatch(1);

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        Database db = weft.server().db();
        Pages pages = new Pages(new Templates(), new Visitors(new SessionStore(db, Clock.systemUTC()),
                new SessionCookies(false)), new SameOrigin(URI.create("http://localhost")),
                new NotificationService(db, Clock.systemUTC()), new FormSubmissions(db, Clock.systemUTC()), db);
        ErrorPages errors = new ErrorPages(pages);
        server = WebServer.builder().host("127.0.0.1").port(0).routing(HttpRouting.builder()
                .get("/held", (req, res) -> {
                    Visitor v = pages.visitor(req, res);
                    db.run(s -> {
                        pages.notFound(res, s, v);
                        RENDERED.countDown();
                        await(MAY_COMMIT);
                    });
                })
                .get("/failing", (req, res) -> {
                    Visitor v = pages.visitor(req, res);
                    db.run(s -> {
                        pages.notFound(res, s, v);
                        throw new IllegalStateException("failed after rendering");
                    });
                })
                .error(Throwable.class, errors::fault)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        weft.close();
    }

    @Test
    void aPageRenderedInATransactionIsSentOnlyOnceItHasCommitted() throws Exception {
        CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient().sendAsync(page("/held"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(RENDERED.await(30, TimeUnit.SECONDS), "the handler rendered its page");
        // The moment a page sent at render time would have arrived: the handler has rendered and holds its transaction.
        assertThrows(TimeoutException.class, () -> response.get(500, TimeUnit.MILLISECONDS),
                "nothing reaches the browser while the page's transaction is open");
        MAY_COMMIT.countDown();

        HttpResponse<String> page = response.get(30, TimeUnit.SECONDS);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("<h1>Not found</h1>"), page.body());
    }

    @Test
    void aPageWhoseTransactionRollsBackIsNotSentAndTheErrorPageIs() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(page("/failing"), HttpResponse.BodyHandlers.ofString());

        assertEquals(500, page.statusCode(), page.body());
        assertFalse(page.body().contains("<h1>Not found</h1>"), page.body());
    }

    private static HttpRequest page(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Accept", BROWSER)
                .header("Accept-Language", "en").GET().build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
