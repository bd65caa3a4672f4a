package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * When the operator changes a community's "about", its followers' servers get a signed {@code Update} of the
 * {@code Group} at once (Mastodon would otherwise show the old text until it refetches); saving the same text
 * again, or only the rules (which are not in the actor document), sends nothing.
 */
class CommunityAboutUpdateTest {

    @Test
    void followersGetAnUpdateOfTheGroupWhenItsAboutChanges() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("camp", "Camp", "Old about");
            weft.server().localActors().createMember("olga", "Olga", "olga-password", false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            rosa.deliver(URI.create(weft.base() + "/inbox"), rosa.fixture("mastodon/follow.json")
                    .replace(weft.base() + "/users/amina", weft.base() + "/groups/camp"));
            WaitFor.condition("the follow is accepted", () -> posted(rosa, "Accept").size() == 1);

            PageClient olga = new PageClient(weft.base());
            olga.login("olga", "olga-password");
            assertEquals(303, olga.submit("/admin", "/admin/texts",
                    Map.of("community", "camp", "about", "Help between neighbours", "rules", "Be kind.")).statusCode());

            JsonNode update = WaitFor.value("the Update reaches the follower",
                    () -> posted(rosa, "Update").stream().findFirst().orElse(null));
            String group = weft.base() + "/groups/camp";
            assertEquals(group, update.path("actor").asText());
            assertEquals("Group", update.path("object").path("type").asText());
            assertEquals(group, update.path("object").path("id").asText());
            assertTrue(update.path("object").path("summary").asText().contains("Help between neighbours"), update.toString());
            assertTrue(rosa.inboxPosts().stream().filter(r -> r.getBodyAsString().contains("\"Update\""))
                    .allMatch(r -> IndependentRfc9421.keyIdOf(r::getHeader).equals(group + "#main-key")));

            // The same about again, and a change of rules only: nothing more is sent.
            assertEquals(303, olga.submit("/admin", "/admin/texts",
                    Map.of("community", "camp", "about", "Help between neighbours", "rules", "Be kind. Be patient.")).statusCode());
            assertEquals(303, olga.submit("/admin", "/admin/texts",
                    Map.of("community", "camp", "about", "Help between neighbours, again", "rules", "Be kind.")).statusCode());
            assertEquals(2L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from OutboundActivityEntity where activityType = 'Update'", Long.class)
                    .getSingleResult()), "one Update per change of the about, none for the rules");
            WaitFor.condition("the second change reaches the follower", () -> posted(rosa, "Update").stream()
                    .anyMatch(u -> u.path("object").path("summary").asText().contains("again")));
        }
    }

    private static List<JsonNode> posted(MastodonPeer peer, String type) {
        return peer.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(j -> type.equals(j.path("type").asText())).toList();
    }
}
