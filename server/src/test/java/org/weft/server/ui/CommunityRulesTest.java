package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.TestHttp;
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
        assertTrue(olga.get("/admin/communities").body().contains("Old about"));
        assertEquals(303, olga.submit("/admin", "/admin/texts", Map.of("community", "camp",
                "about", "Help between neighbours", "rules", "Be kind.\n<b>No selling.</b>")).statusCode());
        String page = new PageClient(weft.base()).get("/groups/camp").body();
        assertTrue(page.contains("Help between neighbours"), page);
        assertFalse(page.contains("Old about"), page);
        assertTrue(page.contains("<h2>Rules</h2>"), page);
        assertTrue(page.contains("Be kind.\n&lt;b&gt;No selling.&lt;/b&gt;"), page);
        assertTrue(olga.get("/admin/communities").body().contains("&lt;b&gt;No selling."), "the form shows the stored rules");
    }

    @Test
    void onlyOperatorsEditAndTooLongIsRefused() {
        weft.server().localActors().createGroup("street", "Street", null); // its own: the other test edits camp
        PageClient olga = new PageClient(weft.base());
        olga.login("olga", "olga-password");
        assertEquals(303, olga.submit("/admin", "/admin/texts", Map.of("community", "street",
                "about", "Kept about", "rules", "Kept rules.")).statusCode());

        PageClient amina = new PageClient(weft.base());
        amina.login("amina", "amina-password");
        HttpResponse<String> forbidden = amina.submit("/account", "/admin/texts",
                Map.of("community", "street", "about", "x", "rules", "y"));
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("You cannot do that."), forbidden.body());
        assertUnchanged();

        HttpResponse<String> tooLong = olga.submit("/admin", "/admin/texts", Map.of("community", "street", "about", "a",
                "rules", "r".repeat(4001)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("The text can be at most 4,000 characters."), "the page says why: " + tooLong.body());
        assertUnchanged();
    }

    /** A refusal changes nothing: the community page, its actor document and the stored rules are as before. */
    private static void assertUnchanged() {
        String page = new PageClient(weft.base()).get("/groups/street").body();
        assertTrue(page.contains("Kept about") && page.contains("Kept rules."), page);
        assertTrue(TestHttp.activityJson(weft.base() + "/groups/street").path("summary").asText().contains("Kept about"));
        String rules = weft.server().db().inTransaction(s -> s.createSelectionQuery("select c.rules from"
                + " CommunitySettingEntity c, ActorEntity a where c.actorId = a.id and a.username = 'street'", String.class)
                .getSingleResult());
        assertEquals("Kept rules.", rules);
    }
}
