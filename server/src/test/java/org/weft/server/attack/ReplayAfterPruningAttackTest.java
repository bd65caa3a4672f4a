package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Inbound bodies are pruned hours after processing, but the unique activity id is what makes a redelivery a no-op.
 * So the row outlives its body ({@code weft.retention.inbound-ids-hours}): a Follow that was undone, pruned and then
 * delivered again (a sender retrying, or someone replaying it with a fresh signature) does not come back while its
 * id is remembered. After that window the same id is new again; Mastodon and Weft stop retrying well before.
 */
class ReplayAfterPruningAttackTest {

    @Test
    void anUndoneFollowDeliveredAgainAfterItsBodyWasPrunedStaysUndone() {
        TestClock clock = new TestClock();
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            URI inbox = URI.create(weft.base() + "/inbox");
            String follow = rosa.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina",
                    weft.base() + "/groups/block3");
            String undo = rosa.fixture("mastodon/undo-follow.json").replace(weft.base() + "/users/amina",
                    weft.base() + "/groups/block3");
            String followId = rosa.origin() + "/7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19";

            assertEquals(202, send(rosa, inbox, clock, follow));
            WaitFor.condition("rosa follows block3", () -> follows(weft, rosa) == 1);
            assertEquals(202, send(rosa, inbox, clock, undo));
            WaitFor.condition("the follow is undone", () -> follows(weft, rosa) == 0);
            WaitFor.condition("both rows are finished", () -> weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from InboundActivityEntity where state = :done", Long.class)
                    .setParameter("done", InboundActivityEntity.State.DONE).getSingleResult()) == 2);
            long accepts = accepts(weft);

            clock.advance(Duration.ofHours(7));
            weft.server().pruner().runOnce();
            InboundActivityEntity pruned = row(weft, followId);
            assertNotNull(pruned.getPrunedAt(), "the Follow's body is gone");

            assertEquals(202, send(rosa, inbox, clock, follow), "a redelivery is answered as always");
            InboundActivityEntity after = row(weft, followId);
            assertEquals(InboundActivityEntity.State.DONE, after.getState(), "not queued again: nothing will process it");
            assertEquals(pruned.getId(), after.getId());
            // Let the worker finish whatever it has (a fresh activity), then look: no follow, no second Accept.
            String like = rosa.fixture("mastodon/like.json");
            assertEquals(202, send(rosa, inbox, clock, like));
            WaitFor.condition("the Like is processed", () -> row(weft, rosa.origin() + "/users/rosa#likes/4417093")
                    .getState() != InboundActivityEntity.State.PENDING);
            assertEquals(0, follows(weft, rosa));
            assertEquals(accepts, accepts(weft));

            // After the ids window the row goes, and the same id would be a new activity.
            clock.advance(Duration.ofHours(weft.config().retention().inboundIdsHours()).plusMinutes(1));
            weft.server().pruner().runOnce();
            assertEquals(0L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from InboundActivityEntity where activityUri = :u", Long.class)
                    .setParameter("u", followId).getSingleResult()));
        }
    }

    private static int send(MastodonPeer peer, URI inbox, TestClock clock, String json) {
        return peer.deliver(inbox, json.getBytes(StandardCharsets.UTF_8), clock.now(), peer.key(), peer.keyId()).statusCode();
    }

    private static InboundActivityEntity row(TestServers.Instance weft, String activityUri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "from InboundActivityEntity where activityUri = :u", InboundActivityEntity.class)
                .setParameter("u", activityUri).getSingleResult());
    }

    private static long follows(TestServers.Instance weft, MastodonPeer peer) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.follower.uri = :r", Long.class)
                .setParameter("r", peer.actor()).getSingleResult());
    }

    private static long accepts(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where activityType = 'Accept'", Long.class).getSingleResult());
    }
}
