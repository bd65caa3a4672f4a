package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;

/**
 * A form posted from another site is refused with 403 and a page in the member's language, and changes nothing,
 * even when it carries a valid CSRF token (one leaked, or read by a page on a sibling host): the browser's
 * {@code Origin}, or its {@code Referer} when it sends no Origin, must be this instance's own origin. A form with
 * neither passes (privacy tools strip them) and the token still guards it.
 */
class ForeignFormTest {
    private static final Map<String, String> OFFER = Map.of("purpose", "offer", "community", "camp", "title", "Soup",
            "category", "other", "kind", "GIFT", "audience", "PUBLIC");
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", "Help between neighbours");
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        weft.server().localActors().createMember("olga", "Olga", "olga-password", false);
        new Operators(weft.server().db()).setAdmin("olga", true);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    private static long proposals() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity", Long.class)
                .getSingleResult());
    }

    private static PageClient amina() {
        PageClient amina = new PageClient(weft.base());
        amina.login("amina", "amina-password");
        return amina;
    }

    @Test
    void aForeignOriginIsRefusedInTheMembersLanguageAndNothingIsStored() {
        PageClient amina = amina().language("fr");
        long before = proposals();
        for (String foreign : new String[] {"https://evil.example", "null", weft.base().replace("localhost", "127.0.0.1"),
                weft.base().replace("http:", "https:"), weft.base() + "0"}) {
            amina.header("Origin", foreign);
            HttpResponse<String> res = amina.submit("/new?purpose=offer", "/new", OFFER);
            assertEquals(403, res.statusCode(), foreign);
            assertTrue(res.body().contains("<html lang=\"fr\""), res.body());
            assertTrue(res.body().contains("envoyé depuis un autre site"), res.body());
            assertFalse(res.body().contains("foreignOrigin"), "no raw key on the page");
            assertEquals(before, proposals(), foreign + ": nothing stored");
        }
        amina.header("Origin", weft.base());
        assertEquals(303, amina.submit("/new?purpose=offer", "/new", OFFER).statusCode(), "its own origin passes");
        assertEquals(before + 1, proposals());
    }

    @Test
    void withoutAnOriginAForeignRefererIsRefused() {
        PageClient amina = amina().language("ar");
        long before = proposals();
        for (String foreign : new String[] {"https://evil.example/page", "http://evil@localhost:1/", "not a url",
                weft.base().replace("localhost", "attacker.localhost") + "/new"}) {
            amina.header("Referer", foreign);
            HttpResponse<String> res = amina.submit("/new?purpose=offer", "/new", OFFER);
            assertEquals(403, res.statusCode(), foreign);
            assertTrue(res.body().contains("<html lang=\"ar\" dir=\"rtl\">"), res.body());
            assertTrue(res.body().contains("من موقع آخر"), res.body());
            assertEquals(before, proposals(), foreign + ": nothing stored");
        }
        amina.header("Referer", weft.base() + "/new?purpose=offer");
        assertEquals(303, amina.submit("/new?purpose=offer", "/new", OFFER).statusCode(), "its own page passes");
        assertEquals(before + 1, proposals());
    }

    @Test
    void anOriginOfThisSiteWinsOverAnyReferer() {
        PageClient amina = amina().header("Origin", weft.base()).header("Referer", "https://elsewhere.example/");
        long before = proposals();
        assertEquals(303, amina.submit("/new?purpose=offer", "/new", OFFER).statusCode());
        assertEquals(before + 1, proposals());
        amina.header("Origin", "https://elsewhere.example").header("Referer", weft.base() + "/new");
        assertEquals(403, amina.submit("/new?purpose=offer", "/new", OFFER).statusCode(), "a foreign Origin decides");
        assertEquals(before + 1, proposals());
    }

    @Test
    void withNeitherHeaderTheTokenStillDecides() {
        PageClient amina = amina();
        long before = proposals();
        assertEquals(303, amina.submit("/new?purpose=offer", "/new", OFFER).statusCode());
        assertEquals(403, amina.post("/new", OFFER).statusCode(), "no token");
        assertEquals(before + 1, proposals());
    }

    @Test
    void aForeignLoginStartsNoSessionAndAForeignDeletionDeletesNothing() {
        PageClient visitor = new PageClient(weft.base()).header("Origin", "https://evil.example");
        HttpResponse<String> login = visitor.submit("/login", "/login", Map.of("username", "amina",
                "password", "amina-password"));
        assertEquals(403, login.statusCode());
        assertTrue(login.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("weft_session=")),
                "no session cookie");

        PageClient amina = amina().header("Referer", "https://evil.example/");
        HttpResponse<String> delete = amina.submit("/account", "/account/delete", Map.of("password", "amina-password"));
        assertEquals(403, delete.statusCode());
        ActorEntity still = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina")).orElseThrow();
        assertFalse(still.isDeleted(), "the account is still there");
        amina.header("Referer", null);
        assertTrue(amina.get("/account").body().contains("@amina@"), "and its session still works");
    }

    @Test
    void anOperatorFormFromElsewhereCreatesNoCommunity() {
        PageClient olga = new PageClient(weft.base());
        olga.login("olga", "olga-password");
        olga.header("Origin", "https://evil.example");
        HttpResponse<String> res = olga.submit("/admin", "/admin/communities", Map.of("name", "forged",
                "display", "Forged", "about", "x"));
        assertEquals(403, res.statusCode());
        assertTrue(weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "forged")).isEmpty());
        olga.header("Origin", weft.base());
        assertEquals(303, olga.submit("/admin", "/admin/communities", Map.of("name", "real", "display", "Real",
                "about", "x")).statusCode());
        assertTrue(weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "real")).isPresent());
    }
}
