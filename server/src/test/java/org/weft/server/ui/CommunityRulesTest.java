package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.auth.Operators;
import org.weft.server.testing.TestServers;

/** An operator edits a community's "about" and rules on /admin; the community page shows both, escaped. */
class CommunityRulesTest {
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", "Old about");
        weft.server().localActors().createMember("olga", "Olga", "olga-password", false);
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        new Operators(weft.server().db()).setAdmin("olga", true);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theOperatorEditsAboutAndRulesAndTheCommunityPageShowsThem() {
        PageClient olga = new PageClient(weft.base());
        olga.login("olga", "olga-password");
        assertTrue(olga.get("/admin").body().contains("Old about"));
        assertEquals(303, olga.submit("/admin", "/admin/texts", Map.of("community", "camp",
                "about", "Help between neighbours", "rules", "Be kind.\n<b>No selling.</b>")).statusCode());
        String page = new PageClient(weft.base()).get("/groups/camp").body();
        assertTrue(page.contains("Help between neighbours"), page);
        assertFalse(page.contains("Old about"), page);
        assertTrue(page.contains("<h2>Rules</h2>"), page);
        assertTrue(page.contains("Be kind.\n&lt;b&gt;No selling.&lt;/b&gt;"), page);
        assertTrue(olga.get("/admin").body().contains("&lt;b&gt;No selling."), "the form shows the stored rules");
    }

    @Test
    void onlyOperatorsEditAndTooLongIsRefused() {
        PageClient amina = new PageClient(weft.base());
        amina.login("amina", "amina-password");
        assertEquals(403, amina.submit("/account", "/admin/texts", Map.of("community", "camp", "about", "x", "rules", "y"))
                .statusCode());
        PageClient olga = new PageClient(weft.base());
        olga.login("olga", "olga-password");
        assertEquals(400, olga.submit("/admin", "/admin/texts", Map.of("community", "camp", "about", "a",
                "rules", "r".repeat(4001))).statusCode());
    }
}
