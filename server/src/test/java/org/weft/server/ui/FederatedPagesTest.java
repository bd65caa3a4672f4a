package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/** Pages that reach another instance: a member's fediverse account, and the operator's instance links. */
class FederatedPagesTest {
    private static TestServers.Instance other;
    private static TestServers.Instance here;

    @BeforeAll
    static void start() {
        int otherPort = TestServers.freePort();
        other = TestServers.start(Map.of("WEFT_PORT", String.valueOf(otherPort),
                "WEFT_BASE_URL", "http://localhost:" + otherPort));
        here = TestServers.start(Map.of("WEFT_FEDERATION_LINK_ALLOW", "localhost:" + otherPort));
        other.server().localActors().createGroup("town", "Town", null);
        other.server().localActors().createMember("bruno", "Bruno", "bruno-password", false);
        here.server().localActors().createGroup("camp", "Camp Board", null);
        here.server().localActors().createMember("amina", "Amina", "amina-password", false);
        here.server().localActors().createMember("olga", "Olga", "olga-password", false);
        new Operators(here.server().db()).setAdmin("olga", true);
    }

    @AfterAll
    static void stop() {
        // Closing while a delivery (the unlink's Undo) is being recorded interrupts H2 mid-write and fails the close;
        // let the queue drain first.
        for (TestServers.Instance i : new TestServers.Instance[] {here, other}) {
            WaitFor.condition("the delivery queue is empty",
                    () -> new DeliveryQueue(i.server().db()).stats(Instant.now()).pending() == 0);
        }
        here.close();
        other.close();
    }

    @Test
    void aMemberSetsAndRemovesTheirFediverseAccount() {
        PageClient amina = new PageClient(here.base());
        amina.login("amina", "amina-password");
        assertEquals(403, amina.post("/account/fediverse", Map.of("account", "@bruno@" + other.domain())).statusCode());
        HttpResponse<String> unknown = amina.submit("/account", "/account/fediverse",
                Map.of("account", "@nobody@" + other.domain()));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("could not be found"), unknown.body());
        assertEquals(303, amina.submit("/account", "/account/fediverse", Map.of("account", "@bruno@" + other.domain()))
                .statusCode());
        assertTrue(amina.get("/account").body().contains("@bruno@" + other.domain()));
        assertEquals(303, amina.submit("/account", "/account/fediverse/remove", Map.of()).statusCode());
        assertFalse(amina.get("/account").body().contains("@bruno@" + other.domain()));
    }

    @Test
    void theOperatorLinksAndUnlinksACommunityAndTheAllowListRefusalReadsClearly() {
        PageClient olga = new PageClient(here.base());
        olga.login("olga", "olga-password");
        HttpResponse<String> refused = olga.submit("/admin", "/admin/links",
                Map.of("community", "camp", "target", "@city@elsewhere.example"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Linking to " + Messages.isolateLeftToRight("elsewhere.example") + " is not allowed"),
                refused.body());

        assertEquals(303, olga.submit("/admin", "/admin/links", Map.of("community", "camp", "target", "@town@" + other.domain()))
                .statusCode());
        WaitFor.condition("the other community accepts the follow", () -> here.server().matching().links().links("camp")
                .stream().anyMatch(CommunityLink::accepted));
        String admin = olga.get("/admin/links").body();
        assertTrue(admin.contains("@town@" + other.domain()), admin);
        assertTrue(admin.contains("linked"), admin);
        String community = new PageClient(here.base()).get("/groups/camp").body();
        assertTrue(community.contains("Linked communities") && community.contains("@town@" + other.domain()), community);

        PageClient amina = new PageClient(here.base());
        amina.login("amina", "amina-password");
        assertEquals(403, amina.submit("/account", "/admin/links", Map.of("community", "camp", "target", "@x@y")).statusCode());

        String camp = here.base() + "/groups/camp";
        String followers = other.base() + "/groups/town/followers";
        assertEquals(List.of(camp), items(followers), "town lists camp among its followers");
        HttpResponse<String> asked = olga.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "camp", "target", "@town@" + other.domain()));
        assertEquals(200, asked.statusCode(), "unlinking asks first");
        assertEquals(1, here.server().matching().links().links("camp").size(), "asking changed nothing");
        assertEquals(303, olga.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "camp", "target", "@town@" + other.domain(), "confirm", "yes")).statusCode());
        assertTrue(here.server().matching().links().links("camp").isEmpty());
        // The other instance's view: once camp's Undo arrives, town no longer lists camp among its followers.
        WaitFor.condition("town no longer lists camp among its followers", () -> !items(followers).contains(camp));
    }

    /** The items of a public collection (its first page), as any server reads them. */
    private static List<String> items(String collection) {
        JsonNode first = TestHttp.activityJson(collection);
        if (first.path("totalItems").asInt() == 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        TestHttp.activityJson(first.path("first").asText()).path("orderedItems").forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
