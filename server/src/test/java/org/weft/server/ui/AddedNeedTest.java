package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A need the classifier's examples added, seen by the people it concerns (issue 14, "Session 34: recall"): a Mastodon
 * follower asks for formula, nappies and a jacket; the word list reads baby food only and the examples add the nappies
 * ({@code ExampleCheckTest} pins both readings). Amina, who offers nappies here, is matched with the request and told;
 * a visitor finds it on the board under nappies, in Arabic; the follower's server sees it announced. When the follower
 * edits the nappies out, the post is read again: it leaves the nappies' board and Amina is told the match is gone. Put
 * back, the match returns; deleted, it is gone again, and so is the post from the board.
 */
class AddedNeedTest {

    @Test
    void theMemberWhoOffersTheAddedNeedIsMatchedUntilTheWriterTakesItOutOrDeletesThePost() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Two packs of nappies, size 4",
                     "categories": ["diapers"], "kind": "gift"}"""));
            HeldPosts posts = HeldPosts.following(weft, mastodon, "block3");

            ProposalEntity request = posts.receive(HeldPosts.NEED_THE_EXAMPLES_ADD);
            assertEquals(ProposalEntity.Moderation.VISIBLE, request.getModeration(), "placed at once");
            assertEquals(List.of(uri(weft, "baby-food"), uri(weft, "diapers")), request.getCategories());

            // Amina's side: the match, and a notification in her language leading to it.
            weft.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
            JsonNode matches = expect(200, amina.get("/me/matches")).path("matches");
            assertEquals(1, matches.size(), matches.toString());
            assertTrue(matches.toString().contains("\"uri\":\"" + request.getUri() + "\""), matches.toString());
            JsonNode told = notification(amina, "match");
            assertTrue(told != null, "Amina is told of the match");
            PageClient aminaPage = new PageClient(weft.base()).language("ar");
            aminaPage.login("amina", "a long enough password");
            String notifications = aminaPage.get("/me/notifications").body();
            assertTrue(notifications.contains(Messages.forLanguage("ar").get("notification.match", 1,
                    Messages.isolate("Two packs of nappies, size 4"))), notifications);

            // A visitor's side: the request is on the board under nappies, in Arabic with the Arabic label.
            PageClient visitor = new PageClient(weft.base()).language("ar");
            String nappies = visitor.get("/board/block3?category=diapers").body();
            assertTrue(nappies.contains(request.getTitle()), "listed under the added need: " + nappies);
            Taxonomy taxonomy = weft.server().proposals().taxonomy();
            assertTrue(nappies.contains(taxonomy.label(taxonomy.byId("diapers").orElseThrow(), "ar")), nappies);

            // The follower's server: the community announced the post.
            WaitFor.condition("the request is announced", () -> mastodon.inboxPosts().stream()
                    .anyMatch(r -> r.getBodyAsString().contains("\"Announce\"")
                            && r.getBodyAsString().contains(request.getUri())));

            // Over time: the follower edits the nappies out. Read again, the post leaves the nappies' board, and the
            // match Amina was told of is withdrawn, and she is told that too.
            ProposalEntity edited = posts.edit(request, "need baby formula and a warm jacket for my son");
            assertFalse(edited.getCategories().contains(uri(weft, "diapers")), edited.getCategories().toString());
            WaitFor.condition("Amina is told the match is gone", () -> notification(amina, "match-gone") != null);
            assertEquals(0, expect(200, amina.get("/me/matches")).path("matches").size());
            String after = visitor.get("/board/block3?category=diapers").body();
            assertFalse(after.contains(request.getTitle()), "no longer under nappies: " + after);

            // She puts them back: the match is new again; then she deletes the post, and the match is gone for good.
            posts.edit(request, HeldPosts.NEED_THE_EXAMPLES_ADD);
            WaitFor.condition("the match is back", () -> expect(200, amina.get("/me/matches")).path("matches").size() == 1);
            posts.delete(request);
            WaitFor.condition("Amina is told again that it is gone", () -> count(amina, "match-gone") == 2);
            assertEquals(0, expect(200, amina.get("/me/matches")).path("matches").size());
            assertFalse(visitor.get("/board/block3").body().contains(request.getTitle()), "off the board");
        }
    }

    private static int count(ApiClient member, String kind) {
        int n = 0;
        for (JsonNode item : expect(200, member.get("/me/notifications")).path("items")) {
            n += kind.equals(item.path("kind").asText()) ? 1 : 0;
        }
        return n;
    }

    private static JsonNode notification(ApiClient member, String kind) {
        for (JsonNode n : expect(200, member.get("/me/notifications")).path("items")) {
            if (kind.equals(n.path("kind").asText())) {
                return n;
            }
        }
        return null;
    }

    private static String uri(TestServers.Instance weft, String conceptId) {
        return weft.server().proposals().taxonomy().byId(conceptId).map(Concept::uri).orElseThrow();
    }
}
