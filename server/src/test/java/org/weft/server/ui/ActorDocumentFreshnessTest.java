package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Other servers read the actor documents and WebFinger answers from memory; an edit or a deletion made on the pages
 * must show on the very next GET, as it did when every GET read the database.
 */
class ActorDocumentFreshnessTest {
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
    void theOperatorsNewAboutIsInTheNextActorDocument() {
        String id = weft.base() + "/groups/camp";
        assertTrue(TestHttp.activityJson(id).path("summary").asText().contains("Old about"));
        PageClient olga = new PageClient(weft.base());
        olga.login("olga", "olga-password");
        assertEquals(303, olga.submit("/admin", "/admin/texts", Map.of("community", "camp",
                "about", "Help between neighbours", "rules", "Be kind.")).statusCode());
        String summary = TestHttp.activityJson(id).path("summary").asText();
        assertTrue(summary.contains("Help between neighbours"), summary);
        assertFalse(summary.contains("Old about"), summary);
    }

    @Test
    void aDeletedAccountIs410OnTheNextGet() {
        String id = weft.base() + "/users/amina";
        String acct = "acct:amina@" + weft.domain();
        assertEquals(200, TestHttp.get(id, "application/activity+json").statusCode());
        assertEquals(200, webfinger(acct).statusCode());
        assertEquals(2L, users("2.1"), "olga and amina");
        PageClient amina = new PageClient(weft.base());
        amina.login("amina", "amina-password");
        assertEquals(303, amina.submit("/account", "/account/delete", Map.of("password", "amina-password")).statusCode());
        assertEquals(410, TestHttp.get(id, "application/activity+json").statusCode());
        assertEquals(410, TestHttp.get(id, "text/html").statusCode());
        assertEquals(410, webfinger(acct).statusCode());
        assertEquals(410, webfinger(id).statusCode());
        assertEquals(1L, users("2.0"), "NodeInfo counts only olga now");
    }

    @Test
    void aNewCommunityIsInNodeInfoAtOnce() {
        JsonNode before = TestHttp.activityJson(weft.base() + "/nodeinfo/2.1");
        assertFalse(before.path("metadata").toString().contains("/groups/new9"));
        weft.server().localActors().createGroup("new9", "New 9", null);
        JsonNode after = TestHttp.activityJson(weft.base() + "/nodeinfo/2.1");
        assertTrue(after.path("metadata").toString().contains(weft.base() + "/groups/new9"), after.toString());
    }

    private static long users(String version) {
        return TestHttp.activityJson(weft.base() + "/nodeinfo/" + version).path("usage").path("users").path("total").asLong();
    }

    private static HttpResponse<String> webfinger(String resource) {
        return TestHttp.get(weft.base() + "/.well-known/webfinger?resource=" + resource, "application/jrd+json");
    }
}
