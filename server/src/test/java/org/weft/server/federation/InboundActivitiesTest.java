package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/** What happens to follows when Mastodon and Lemmy send Undo, Delete, Update, and when keys rotate. */
class InboundActivitiesTest {
    private TestServers.Instance weft;
    private MastodonPeer mastodon;
    private URI inbox;
    private String group;

    @BeforeEach
    void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        mastodon = new MastodonPeer(weft.base());
        inbox = URI.create(weft.base() + "/inbox");
        group = weft.base() + "/groups/block3";
    }

    @AfterEach
    void stop() {
        mastodon.close();
        weft.close();
    }

    @Test
    void undoFollowRemovesTheFollower() {
        followAndWaitForAccept();
        assertEquals(202, mastodon.deliver(inbox, undoFollow()).statusCode());
        WaitFor.condition("rosa no longer follows", () -> followState(mastodon.rosa(), group) == null);
    }

    @Test
    void nobodyCanUndoSomeoneElsesFollow() {
        followAndWaitForAccept();
        String mallory = mastodon.origin() + "/users/mallory";
        mastodon.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/users/mallory")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/activity+json")
                        .withBody(mastodon.fixture("mastodon/actor.json").replace("/users/rosa", "/users/mallory"))));
        // Mallory's own, correctly signed Undo, embedding rosa's Follow.
        String undo = undoFollow().replace("\"actor\": \"" + mastodon.rosa() + "\",\n  \"object\"",
                "\"actor\": \"" + mallory + "\",\n  \"object\"").replace("/users/rosa#follows", "/users/mallory#follows");
        assertEquals(202, mastodon.deliver(inbox, undo.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                mastodon.key(), mallory + "#main-key").statusCode());
        WaitFor.inboundDone(weft, TestHttp.json(undo).path("id").asText());
        assertEquals(FollowEntity.State.ACCEPTED, followState(mastodon.rosa(), group));
    }

    @Test
    void deleteOfAnActorRemovesItsFollows() {
        followAndWaitForAccept();
        assertEquals(202, mastodon.deliver(inbox, mastodon.fixture("mastodon/delete-actor.json")).statusCode());
        WaitFor.condition("rosa's follow is gone", () -> followState(mastodon.rosa(), group) == null);
        assertNotNull(weft.server().db().inTransaction(
                s -> ActorRepository.byUri(s, mastodon.rosa()).orElseThrow().getDeletedAt()));
    }

    @Test
    void aRotatedKeyIsFetchedAgainExactlyOnce() {
        followAndWaitForAccept();
        KeyPair rotated = RsaKeys.generate();
        mastodon.serveActor(actorWithKey(RsaKeys.toPem(rotated.getPublic())).toString());
        int fetchesBefore = actorFetches();

        var response = mastodon.deliver(inbox, undoFollow().getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                rotated.getPrivate(), mastodon.keyId());
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(fetchesBefore + 1, actorFetches(), "one refetch after the stored key failed");
        WaitFor.condition("the Undo signed with the new key took effect", () -> followState(mastodon.rosa(), group) == null);
    }

    @Test
    void anUpdateOfTheActorReplacesItsKeyWithoutAFetch() {
        followAndWaitForAccept();
        KeyPair rotated = RsaKeys.generate();
        ObjectNode newActor = actorWithKey(RsaKeys.toPem(rotated.getPublic()));
        newActor.put("name", "Rosa R.");
        ObjectNode update = TestHttp.JSON.createObjectNode();
        update.set("@context", newActor.get("@context"));
        update.put("id", mastodon.rosa() + "#updates/1").put("type", "Update").put("actor", mastodon.rosa());
        update.set("object", newActor);
        assertEquals(202, mastodon.deliver(inbox, update.toString()).statusCode());
        WaitFor.condition("the new name is stored", () -> "Rosa R.".equals(weft.server().db().inTransaction(
                s -> ActorRepository.byUri(s, mastodon.rosa()).orElseThrow().getDisplayName())));

        int fetchesBefore = actorFetches();
        var response = mastodon.deliver(inbox, undoFollow().getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                rotated.getPrivate(), mastodon.keyId());
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(fetchesBefore, actorFetches(), "the key from the Update was used as is");
    }

    @Test
    void aMemberWhoApprovesFollowersDecidesLater() {
        weft.server().localActors().createMember("amina", "Amina", "a long enough password", true);
        String amina = weft.base() + "/users/amina";
        String follow = mastodon.fixture("mastodon/follow.json");
        assertEquals(202, mastodon.deliver(inbox, follow).statusCode());
        WaitFor.inboundDone(weft, TestHttp.json(follow).path("id").asText());
        assertEquals(FollowEntity.State.PENDING, followState(mastodon.rosa(), amina));
        // An Accept would have been queued in the Follow's own transaction: none was, and nothing reached rosa's server.
        assertEquals(0L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where activityType = 'Accept'", Long.class).getSingleResult()));
        WaitFor.deliveriesDrained(weft);
        assertTrue(mastodon.inboxPosts().isEmpty(), "no Accept before the member decides");

        weft.server().followers().approve("amina", mastodon.rosa());
        var accept = WaitFor.value("the Accept", () -> mastodon.inboxPosts().stream().findFirst().orElse(null));
        assertEquals("Accept", TestHttp.json(accept.getBodyAsString()).path("type").asText());
        assertEquals(FollowEntity.State.ACCEPTED, followState(mastodon.rosa(), amina));

        weft.server().followers().remove("amina", mastodon.rosa());
        WaitFor.condition("a Reject is sent", () -> mastodon.inboxPosts().stream()
                .anyMatch(r -> TestHttp.json(r.getBodyAsString()).path("type").asText().equals("Reject")));
        assertEquals(null, followState(mastodon.rosa(), amina));
    }

    @Test
    void aLemmyUserFollowsWithAnHs2019Signature() {
        try (LemmyPeer lemmy = new LemmyPeer(weft.base())) {
            var response = lemmy.deliver(inbox, lemmy.fixture("lemmy/follow.json"));
            assertEquals(202, response.statusCode(), response.body());
            var accept = WaitFor.value("the Accept to Lemmy", () -> lemmy.inboxPosts().stream().findFirst().orElse(null));
            var json = TestHttp.json(accept.getBodyAsString());
            assertEquals("Accept", json.path("type").asText());
            assertEquals(lemmy.actor(), json.path("object").path("actor").asText());
            assertEquals(FollowEntity.State.ACCEPTED, followState(lemmy.actor(), group));
        }
    }

    private void followAndWaitForAccept() {
        String follow = mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group);
        assertEquals(202, mastodon.deliver(inbox, follow).statusCode());
        WaitFor.condition("rosa follows block3", () -> followState(mastodon.rosa(), group) == FollowEntity.State.ACCEPTED);
    }

    private String undoFollow() {
        return mastodon.fixture("mastodon/undo-follow.json").replace(weft.base() + "/users/amina", group);
    }

    private ObjectNode actorWithKey(String pem) {
        ObjectNode actor = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/actor.json"));
        ((ObjectNode) actor.get("publicKey")).put("publicKeyPem", pem);
        return actor;
    }

    private int actorFetches() {
        return (int) mastodon.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("GET") && e.getRequest().getUrl().equals("/users/rosa"))
                .count();
    }

    private FollowEntity.State followState(String follower, String followee) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select f.state from FollowEntity f where f.follower.uri = :a and f.followee.uri = :b",
                        FollowEntity.State.class)
                .setParameter("a", follower).setParameter("b", followee).uniqueResultOptional().orElse(null));
    }
}
