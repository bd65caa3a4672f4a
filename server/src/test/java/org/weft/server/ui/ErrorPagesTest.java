package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.http.SameOrigin;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.auth.FormSubmissions;
import org.weft.server.ui.auth.SessionCookies;
import org.weft.server.ui.auth.SessionStore;
import org.weft.server.ui.auth.Visitors;

/**
 * Missing, gone, forbidden and broken are pages for a browser, in its language, with a way back; API and
 * ActivityPub clients keep getting JSON. Never Helidon's plain-text English "Endpoint not found".
 */
class ErrorPagesTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        weft.server().localActors().createMember("olga", "Olga", "olga-password", false);
        new Operators(weft.server().db()).setAdmin("olga", true);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void anUnknownAddressIsAPageInTheVisitorsLanguageOrJsonForPrograms() {
        HttpResponse<String> arabic = get("/no/such/page", BROWSER, "ar");
        assertEquals(404, arabic.statusCode());
        assertTrue(arabic.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), arabic.headers().map()
                .toString());
        assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">"), arabic.body());
        assertTrue(arabic.body().contains("<h1>غير موجود</h1>") && arabic.body().contains("لا يوجد شيء هنا أو أنه حُذف."),
                arabic.body());
        assertTrue(arabic.body().contains("href=\"/\""), "a way back: " + arabic.body());
        assertFalse(arabic.body().contains("Endpoint not found"), arabic.body());

        // Wants decides, as for every URL with two audiences: ActivityPub clients get JSON; a client asking for
        // nothing in particular (curl, */*) gets the page, as it would at a proposal's or an actor's address.
        for (String accept : new String[] {"application/activity+json", "application/ld+json"}) {
            HttpResponse<String> program = get("/no/such/page", accept, "ar");
            assertEquals(404, program.statusCode());
            assertEquals("not_found", TestHttp.json(program.body()).path("error").asText(), accept + ": " + program.body());
        }
        for (String accept : new String[] {"*/*", ""}) {
            HttpResponse<String> bare = get("/no/such/page", accept, "en");
            assertEquals(404, bare.statusCode());
            assertTrue(bare.body().contains("<h1>Not found</h1>"), accept + ": " + bare.body());
        }
        HttpResponse<String> api = get("/api/v1/nothing-here", BROWSER, "fr");
        assertEquals(404, api.statusCode());
        assertEquals("not_found", TestHttp.json(api.body()).path("error").asText(), "the API answers JSON even to a browser");
        assertEquals(404, get("/static/nothing.css", BROWSER, "en").statusCode());
    }

    @Test
    void aDeletedProposalIsAGonePageForBrowsersAndATombstoneForServers() {
        ProposalEntity p = weft.server().proposals().service().create("amina", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("A wheelchair").categories("mobility-aids").build());
        weft.server().proposals().service().delete("amina", p.getId());
        String path = URI.create(p.getUri()).getPath();
        HttpResponse<String> page = get(path, BROWSER, "fa");
        assertEquals(410, page.statusCode());
        assertTrue(page.body().matches("(?s).*این درخواست در [^<]+ حذف شد\\..*"), "deleted on its date, in Persian: "
                + page.body());
        assertFalse(page.body().contains("A wheelchair"), "nothing of what was removed");
        HttpResponse<String> note = get(path, "application/activity+json", "fa");
        assertEquals(410, note.statusCode());
        assertEquals("Tombstone", TestHttp.json(note.body()).path("type").asText(), note.body());
        assertEquals(404, get("/proposals/00000000-0000-0000-0000-000000000000", BROWSER, "en").statusCode());
    }

    @Test
    void aMemberOnAnOperatorPageGetsAForbiddenPage() {
        PageClient amina = new PageClient(weft.base()).language("uk");
        amina.login("amina", "amina-password");
        HttpResponse<String> refused = amina.get("/admin/members");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Ви не можете цього зробити."), refused.body());
        HttpResponse<String> visitor = new PageClient(weft.base()).get("/admin/invites");
        assertEquals(303, visitor.statusCode());
        assertEquals("/login?next=%2Fadmin%2Finvites", visitor.headers().firstValue("Location").orElseThrow(),
                "a visitor logs in first and comes back");
    }

    /** A fault in a handler: the routing's error handler answers, on a small server wired like the real one. */
    @Test
    void aFaultIsAServerErrorPageThatSaysNothingInternal() {
        Pages pages = new Pages(new Templates(), new Visitors(new SessionStore(weft.server().db(), Clock.systemUTC()),
                new SessionCookies(false)), new SameOrigin(URI.create("http://localhost")),
                new NotificationService(weft.server().db(), Clock.systemUTC()), new FormSubmissions(weft.server().db(), Clock.systemUTC()),
                weft.server().db());
        ErrorPages errors = new ErrorPages(pages);
        WebServer server = WebServer.builder().host("127.0.0.1").port(0).routing(HttpRouting.builder()
                .get("/broken", (req, res) -> {
                    throw new IllegalStateException("secret internal detail");
                })
                .any(errors::notFound)
                .error(Throwable.class, errors::fault)).build().start();
        try {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> page = TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/broken"))
                    .header("Accept", BROWSER).header("Accept-Language", "es").GET().build());
            assertEquals(500, page.statusCode());
            assertTrue(page.body().contains("Algo salió mal") && page.body().contains("href=\"/\""), page.body());
            assertFalse(page.body().contains("secret internal detail"), page.body());
            HttpResponse<String> json = TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/broken"))
                    .header("Accept", "application/activity+json").GET().build());
            assertEquals(500, json.statusCode());
            assertEquals("server_error", TestHttp.json(json.body()).path("error").asText(), json.body());
            assertFalse(json.body().contains("secret"), json.body());
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(String path, String accept, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(weft.base() + path)).header("Accept-Language", language);
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        return TestHttp.send(request.GET().build());
    }
}
