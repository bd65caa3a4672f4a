package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/** The pages' security over real HTTP: CSRF, escaping, ownership, login rate limit, cookie flags. */
class PageSecurityTest {
    private static TestServers.Instance instance;

    @BeforeAll
    static void start() {
        instance = TestServers.start(Map.of("WEFT_SIGNUP", "open"));
        instance.server().localActors().createGroup("camp", "Camp Board", "Help between neighbours");
        instance.server().localActors().createMember("amina", "Amina", "amina-password", false);
        instance.server().localActors().createMember("boris", "Boris", "boris-password", false);
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static long proposalCount() {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity", Long.class)
                .getSingleResult());
    }

    private static ProposalEntity post(String member, String title) {
        return instance.server().proposals().service().create(member, ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).title(title).description("<img src=x onerror=alert(1)> soup").language("en")
                .categories("other").build());
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndChangesNothing() {
        PageClient amina = new PageClient(instance.base());
        amina.login("amina", "amina-password");
        long before = proposalCount();
        HttpResponse<String> res = amina.post("/new", Map.of("purpose", "offer", "community", "camp", "title", "Soup",
                "category", "other", "kind", "GIFT", "audience", "PUBLIC"));
        assertEquals(403, res.statusCode());
        assertEquals(before, proposalCount());
        HttpResponse<String> forged = amina.post("/new", Map.of("csrf", "forged-token", "purpose", "offer",
                "community", "camp", "title", "Soup", "category", "other"));
        assertEquals(403, forged.statusCode());
        assertEquals(before, proposalCount());
        // With the token from the page the same form works: the refusal was the token's doing.
        HttpResponse<String> ok = amina.submit("/new?purpose=offer", "/new", Map.of("purpose", "offer", "community", "camp",
                "title", "Soup", "category", "other", "kind", "GIFT", "audience", "PUBLIC"));
        assertEquals(303, ok.statusCode());
        assertEquals(before + 1, proposalCount());
    }

    @Test
    void theLoginFormNeedsItsTokenToo() {
        PageClient visitor = new PageClient(instance.base());
        HttpResponse<String> res = visitor.post("/login", Map.of("username", "amina", "password", "amina-password"));
        assertEquals(403, res.statusCode());
        assertTrue(res.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("weft_session=")));
    }

    @Test
    void hostileHtmlInAProposalRendersInert() {
        ProposalEntity p = post("amina", "<script>alert('x')</script>Blankets");
        String html = new PageClient(instance.base()).get(path(p)).body();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;script&gt;"));
        String board = new PageClient(instance.base()).get("/board/camp").body();
        assertFalse(board.contains("<script>"));
        assertTrue(board.contains("&lt;script&gt;"));
    }

    @Test
    void aSecondAccountCannotChangeTheFirstsProposals() {
        ProposalEntity p = post("amina", "Rice");
        PageClient boris = new PageClient(instance.base());
        boris.login("boris", "boris-password");
        HttpResponse<String> status = boris.submit(path(p), path(p) + "/status", Map.of("status", "withdrawn"));
        assertEquals(403, status.statusCode());
        assertEquals(404, boris.get(path(p) + "/edit").statusCode());
        HttpResponse<String> edit = boris.submit(path(p), path(p) + "/edit", Map.of("title", "Mine now", "category", "other"));
        assertEquals(404, edit.statusCode());
        ProposalEntity after = instance.server().db().inTransaction(s -> s.find(ProposalEntity.class, p.getId()));
        assertEquals(ProposalStatus.OPEN, after.getStatus());
        assertEquals("Rice", after.getTitle());
        assertFalse(boris.get(path(p)).body().contains("/status\""), "no status buttons for another member");
    }

    @Test
    void failedLoginsHoldBackNewBrowsersForThatAccountOnly() {
        PageClient guesser = new PageClient(instance.base());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, guesser.submit("/login", "/login", Map.of("username", "zora", "password", "wrong-" + i))
                    .statusCode());
        }
        instance.server().localActors().createMember("zora", "Zora", "zora-password", false);
        // The right password waits too, from a browser that never signed in as zora (the member's own browser
        // does not: see attack/LoginGuessingTest).
        assertEquals(429, guesser.submit("/login", "/login", Map.of("username", "zora", "password", "zora-password"))
                .statusCode());
        // Another name from the same address is not held up (five failures are far from the address's limit).
        assertEquals(303, guesser.submit("/login", "/login", Map.of("username", "amina", "password", "amina-password"))
                .statusCode());
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() {
        PageClient amina = new PageClient(instance.base());
        HttpResponse<String> res = amina.submit("/login", "/login", Map.of("username", "amina", "password", "amina-password"));
        String cookie = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("weft_session=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http test instance: " + cookie);
        String policy = amina.get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'none'"), policy);
    }

    @Test
    void sessionCookieIsSecureBehindHttps() {
        int port = TestServers.freePort();
        try (TestServers.Instance https = TestServers.start(Map.of("WEFT_PORT", String.valueOf(port),
                "WEFT_BASE_URL", "https://localhost:" + port))) {
            https.server().localActors().createMember("carla", "Carla", "carla-password", false);
            PageClient carla = new PageClient("http://127.0.0.1:" + port);
            String page = carla.get("/login").body();
            HttpResponse<String> res = carla.post("/login", Map.of("username", "carla", "password", "carla-password",
                    "csrf", PageClient.csrf(page)));
            assertEquals(303, res.statusCode());
            List<String> cookies = res.headers().allValues("Set-Cookie");
            assertFalse(cookies.isEmpty());
            assertTrue(cookies.stream().allMatch(c -> c.contains("; Secure")), cookies.toString());
        }
    }

    @Test
    void languageComesFromTheMemberThenTheBrowserThenEnglish() {
        PageClient visitor = new PageClient(instance.base());
        assertTrue(visitor.get("/").body().contains("<html lang=\"en\" dir=\"ltr\">"));
        String arabic = visitor.language("ar-SY,ar;q=0.9,en;q=0.5").get("/board/camp").body();
        assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), arabic);
        assertTrue(arabic.contains("العروض والطلبات"));
        assertTrue(visitor.language("de,uk;q=0.8").get("/").body().contains("<html lang=\"uk\" dir=\"ltr\">"));

        PageClient boris = new PageClient(instance.base()).language("fr");
        boris.login("boris", "boris-password");
        assertTrue(boris.get("/account").body().contains("lang=\"fr\""));
        assertEquals(303, boris.submit("/account", "/language", Map.of("lang", "fa")).statusCode());
        String persian = boris.get("/account").body();
        assertTrue(persian.contains("<html lang=\"fa\" dir=\"rtl\">"), persian);
    }

    @Test
    void signupByInviteUsesTheCodeOnce() {
        try (TestServers.Instance invite = TestServers.start(Map.of("WEFT_SIGNUP", "invite"))) {
            String code = new org.weft.server.domain.account.Invites(invite.server().db(), java.time.Clock.systemUTC())
                    .create("for Dana", null).getCode();
            PageClient dana = new PageClient(invite.base());
            Map<String, String> form = Map.of("invite", code, "username", "dana", "password", "dana-password-1");
            HttpResponse<String> badCode = dana.submit("/signup", "/signup", Map.of("invite", "nope", "username", "dana",
                    "password", "dana-password-1"));
            assertEquals(400, badCode.statusCode());
            assertTrue(badCode.body().contains("That invite code is not valid or was already used."), badCode.body());
            assertFalse(accountExists(invite, "dana"), "a refused sign-up creates no account");
            assertEquals(303, dana.submit("/signup", "/signup", form).statusCode());
            assertTrue(dana.get("/account").body().contains("@dana@"));
            PageClient eve = new PageClient(invite.base());
            HttpResponse<String> usedCode = eve.submit("/signup", "/signup", Map.of("invite", code, "username", "eve",
                    "password", "eve-password-1"));
            assertEquals(400, usedCode.statusCode());
            assertTrue(usedCode.body().contains("That invite code is not valid or was already used."), usedCode.body());
            assertFalse(accountExists(invite, "eve"), "the used code made no second account");
            assertEquals(401, eve.submit("/login", "/login", Map.of("username", "eve", "password", "eve-password-1"))
                    .statusCode());
        }
    }

    private static boolean accountExists(TestServers.Instance instance, String username) {
        return instance.server().db().inTransaction(s -> org.weft.server.persistence.ActorRepository
                .localByUsername(s, username)).isPresent();
    }

    private static String path(ProposalEntity p) {
        return p.getUri().substring(instance.base().length());
    }
}
