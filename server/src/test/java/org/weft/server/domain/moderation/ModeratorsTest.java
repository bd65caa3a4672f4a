package org.weft.server.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.account.Operators;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Who moderates which community, seen by the services that ask and by the other servers and visitors who read the
 * community: the operator moderates everywhere, a chosen member only where chosen; moderators choose others and may
 * remove only those chosen after them; the Group's moderators collection and the community page name them all.
 */
class ModeratorsTest {
    private static TestServers.Instance weft;
    private static Moderators moderators;
    private static long block3;
    private static long block4;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        var actors = weft.server().localActors();
        block3 = actors.createGroup("block3", "Block 3", "Help between neighbours").getId();
        block4 = actors.createGroup("block4", "Block 4", "Next street").getId();
        for (String name : List.of("olga", "amina", "bilal", "carla", "dina")) {
            actors.createMember(name, name.substring(0, 1).toUpperCase() + name.substring(1), "correct horse battery", false);
        }
        new Operators(weft.server().db()).setAdmin("olga", true);
        moderators = weft.server().moderators();
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theOperatorModeratesEveryCommunityAndAChosenMemberOnlyTheirs() {
        moderators.add("block3", "amina", Optional.empty());
        assertTrue(moderators.moderates(id("olga"), block3));
        assertTrue(moderators.moderates(id("olga"), block4));
        assertTrue(moderators.moderates(id("amina"), block3));
        assertFalse(moderators.moderates(id("amina"), block4), "chosen for block3 only");
        assertFalse(moderators.moderates(id("carla"), block3));
        assertFalse(moderators.moderates(block3, block3), "a community is not a member");
        assertEquals(List.of("block3"), moderators.communitiesOf(id("amina")).stream().map(a -> a.getUsername()).toList());
        assertEquals(List.of("block3", "block4"),
                moderators.communitiesOf(id("olga")).stream().map(a -> a.getUsername()).toList());
    }

    @Test
    void aModeratorChoosesAnotherAndANonModeratorCannot() {
        moderators.add("block4", "bilal", Optional.of(id("olga")));
        moderators.add("block4", "carla", Optional.of(id("bilal")));
        assertTrue(moderators.moderates(id("carla"), block4));

        assertThrows(ForbiddenException.class, () -> moderators.add("block4", "dina", Optional.of(id("dina"))));
        assertFalse(moderators.moderates(id("dina"), block4), "a refused choice stores nothing");
        assertThrows(IllegalArgumentException.class, () -> moderators.add("block4", "nobody", Optional.empty()));
        assertThrows(NotFoundException.class, () -> moderators.add("block9", "dina", Optional.empty()));
        assertEquals(List.of("bilal", "carla", "olga"), names(block4));

        // carla came after bilal: she may not remove him, he may remove her; she may step down herself.
        assertThrows(ForbiddenException.class, () -> moderators.remove("block4", "bilal", Optional.of(id("carla"))));
        assertTrue(moderators.moderates(id("bilal"), block4), "a refused removal changes nothing");
        assertThrows(ForbiddenException.class, () -> moderators.remove("block4", "carla", Optional.of(id("dina"))));
        assertTrue(moderators.remove("block4", "carla", Optional.of(id("bilal"))));
        assertFalse(moderators.moderates(id("carla"), block4));
        moderators.add("block4", "carla", Optional.of(id("bilal")));
        assertTrue(moderators.remove("block4", "carla", Optional.of(id("carla"))));
        assertTrue(moderators.remove("block4", "bilal", Optional.of(id("olga"))), "an operator removes anyone");
        assertEquals(List.of("olga"), names(block4), "the operator stays, not being chosen");
    }

    @Test
    void theGroupPublishesItsModeratorsAndItsPageNamesThem() {
        moderators.add("block3", "amina", Optional.empty());
        moderators.add("block3", "dina", Optional.empty());
        String group = weft.base() + "/groups/block3";
        JsonNode actor = TestHttp.activityJson(group);
        assertEquals(group + "/moderators", actor.path("attributedTo").asText());
        JsonNode collection = TestHttp.activityJson(group + "/moderators");
        assertEquals("OrderedCollection", collection.path("type").asText());
        List<String> items = new java.util.ArrayList<>();
        collection.path("orderedItems").forEach(i -> items.add(i.asText()));
        // Chosen moderators first, in the order chosen, then the operator (as Lemmy reads them: Person ids inline).
        assertTrue(items.containsAll(List.of(weft.base() + "/users/amina", weft.base() + "/users/dina")), items.toString());
        assertEquals(weft.base() + "/users/olga", items.getLast());
        assertEquals(items.size(), collection.path("totalItems").asInt());
        assertFalse(items.contains(weft.base() + "/users/carla"));

        HttpResponse<String> page = TestHttp.get(group, "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Moderators"), "the page has a moderators section");
        assertTrue(page.body().contains("@dina@" + weft.domain()));
        assertTrue(page.body().contains("@olga@" + weft.domain()) && page.body().contains("runs this server"));
        assertFalse(page.body().contains("@carla@" + weft.domain()));
    }

    @Test
    void moderatorsChooseAndRemoveEachOtherOnTheModerationPage() {
        long block7 = weft.server().localActors().createGroup("block7", "Block 7", null).getId();
        moderators.add("block7", "amina", Optional.empty());
        PageClient amina = new PageClient(weft.base());
        amina.login("amina", "correct horse battery");
        HttpResponse<String> page = amina.get("/moderate/block7");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Moderation of " + Messages.isolate("Block 7")) && page.body().contains("@olga@" + weft.domain()));
        assertTrue(TestHttp.get(weft.base() + "/groups/block7", "text/html").body().contains("Moderators"));

        assertEquals(303, amina.submit("/moderate/block7", "/moderate/block7/moderators", Map.of("username", "carla"))
                .statusCode());
        assertTrue(moderators.moderates(id("carla"), block7));
        HttpResponse<String> unknown = amina.submit("/moderate/block7", "/moderate/block7/moderators",
                Map.of("username", "nobody"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("There is no member with that username here."));
        assertEquals(List.of("amina", "carla", "olga"), names(block7), "a refused choice stores nothing");

        // Carla came after amina: she may not remove her. Dina moderates nothing here: she may neither look nor act.
        PageClient carla = new PageClient(weft.base());
        carla.login("carla", "correct horse battery");
        // Removing asks first (carla moderates, so she is asked); confirming is still refused.
        HttpResponse<String> carlaAsked = carla.submit("/moderate/block7", "/moderate/block7/moderators/remove",
                Map.of("username", "amina"));
        assertEquals(200, carlaAsked.statusCode());
        assertEquals(403, carla.post("/moderate/block7/moderators/remove",
                PageClient.hiddenFields(carlaAsked.body(), "/moderate/block7/moderators/remove")).statusCode());
        PageClient dina = new PageClient(weft.base());
        dina.login("dina", "correct horse battery");
        assertEquals(403, dina.get("/moderate/block7").statusCode());
        assertEquals(403, dina.submit("/account", "/moderate/block7/moderators", Map.of("username", "dina")).statusCode());
        assertEquals(List.of("amina", "carla", "olga"), names(block7), "refusals change nothing");
        assertFalse(dina.get("/groups/block7").body().contains("href=\"/moderate/block7\""),
                "the community page offers moderation to its moderators only");
        assertTrue(amina.get("/groups/block7").body().contains("href=\"/moderate/block7\""));

        HttpResponse<String> asked = amina.submit("/moderate/block7", "/moderate/block7/moderators/remove",
                Map.of("username", "carla"));
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Remove this moderator?") && asked.body().contains("name=\"confirm\" value=\"yes\""),
                asked.body());
        assertEquals(List.of("amina", "carla", "olga"), names(block7), "asking changes nothing");
        Map<String, String> confirmation = PageClient.hiddenFields(asked.body(), "/moderate/block7/moderators/remove");
        assertEquals(303, amina.post("/moderate/block7/moderators/remove", confirmation).statusCode());
        assertEquals(List.of("amina", "olga"), names(block7));
        // The same confirmation sent again (its one-time token repeated) is sent on and changes nothing more.
        assertEquals(303, amina.post("/moderate/block7/moderators/remove", confirmation).statusCode());
        assertEquals(List.of("amina", "olga"), names(block7));
    }

    private static List<String> names(long community) {
        return moderators.list(community).stream().map(Moderator::username).sorted().toList();
    }

    private static long id(String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow().getId());
    }
}
