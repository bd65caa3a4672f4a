package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.ModerationActionEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Account blocks seen from both sides. A community's block reaches the blocked Mastodon account as a {@code Block}
 * from the Group (Lemmy's community ban), removes its follow, and from then on its posts and follows are refused there;
 * the public log shows it. A member's own block tells the account nothing, and its replies and direct messages no
 * longer reach the member.
 */
class AccountBlockTest {

    @Test
    void aCommunityBlocksAnAccountTheLemmyWay() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            ActorEntity group = weft.server().localActors().createGroup("block3", "Block 3", null);
            URI inbox = URI.create(weft.base() + "/inbox");
            String follow = rosa.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group.getUri());
            assertEquals(202, rosa.deliver(inbox, follow).statusCode());
            WaitFor.condition("rosa follows block3", () -> follows(weft, rosa.actor()) == 1);

            rethrow(() -> weft.server().safety().accounts().blockForCommunity("block3", rosa.actor(), Optional.empty(),
                    "Asks for money in advance"));
            JsonNode block = WaitFor.value("the Block reaches Mastodon", () -> delivered(rosa, "Block"));
            assertEquals(group.getUri(), block.path("actor").asText());
            assertEquals(rosa.actor(), block.path("object").asText());
            assertEquals(group.getUri(), block.path("target").asText());
            assertEquals("Asks for money in advance", block.path("summary").asText());
            assertEquals(0L, follows(weft, rosa.actor()), "her follow is gone");

            // Her next post for the community and her next follow change nothing there.
            String post = rosa.fixture("mastodon/create-note-public.json");
            assertEquals(202, rosa.deliver(inbox, post).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(post).path("id").asText());
            assertNull(proposal(weft, TestHttp.json(post).path("object").path("id").asText()), "no post on the board");
            String again = follow.replace("7d3b2f10", "7d3b2f14");
            assertEquals(202, rosa.deliver(inbox, again).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(again).path("id").asText());
            assertEquals(0L, follows(weft, rosa.actor()), "she cannot follow again");

            List<ModerationActionEntity> log = weft.server().safety().log().forCommunity(group.getId());
            assertEquals(ModerationActionKind.ACCOUNT_BLOCKED, log.get(0).getKind());
            assertEquals(rosa.actor(), log.get(0).getTarget());
            assertEquals("Asks for money in advance", log.get(0).getReason());

            assertTrue(weft.server().safety().accounts().unblockForCommunity("block3", rosa.actor(), Optional.empty()));
            JsonNode undo = WaitFor.value("the Undo reaches Mastodon", () -> delivered(rosa, "Undo"));
            assertEquals(block.path("id").asText(), undo.path("object").path("id").asText());
        }
    }

    @Test
    void aMembersBlockStopsRepliesAndMessagesAndTellsNobody() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String path = "/proposals/" + offer.path("id").asLong() + "/responses";
            URI inbox = URI.create(weft.base() + "/inbox");
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(inbox, reply).statusCode());
            WaitFor.condition("rosa's reply reaches amina", () -> expect(200, amina.get(path)).path("items").size() == 1);

            long aminaId = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina").orElseThrow()
                    .getId());
            rethrow(() -> weft.server().safety().accounts().blockForMember(aminaId, rosa.actor()));

            String second = reply.replace("116205830011223344", "116205830011229999");
            assertEquals(202, rosa.deliver(inbox, second).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(second).path("id").asText());
            assertEquals(0, expect(200, amina.get(path)).path("items").size(),
                    "the second reply does not reach her, and the first waits out of sight while she blocks rosa");
            assertEquals(1L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from ResponseEntity", Long.class).getSingleResult()), "the second was not kept");

            String direct = rosa.directNote("rosa", 116205900000000002L, null, weft.base() + "/users/amina",
                    "@amina@" + weft.domain(), "Are you home?");
            assertEquals(202, rosa.deliver(inbox, direct).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(direct).path("id").asText());
            assertEquals(0L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from MessageEntity", Long.class).getSingleResult()), "no message kept for her");

            WaitFor.deliveriesDrained(weft);
            assertNull(delivered(rosa, "Block"), "a member's block is not told to the blocked account");
        }
    }

    private static JsonNode delivered(MastodonPeer peer, String type) {
        return peer.inboxPosts().stream().map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                .filter(j -> type.equals(j.path("type").asText())).findFirst().orElse(null);
    }

    private static long follows(TestServers.Instance weft, String actor) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.follower.uri = :r and f.state = :a", Long.class)
                .setParameter("r", actor).setParameter("a", FollowEntity.State.ACCEPTED).getSingleResult());
    }

    private static Object proposal(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select id from ProposalEntity where uri = :u",
                Long.class).setParameter("u", uri).uniqueResult());
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void rethrow(Work work) {
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
