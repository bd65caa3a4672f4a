package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Safety issue, item 6: one remote account cannot flood a community's board. Even a follower's posts wait for a
 * moderator (and are not boosted) past {@code weft.moderation.posts-per-hour} in an hour; an hour later they show at
 * once again.
 */
class BoardFloodAttackTest {

    @Test
    void aFollowersSixthPostInAnHourWaitsForAModerator() {
        TestClock clock = new TestClock();
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            URI inbox = URI.create(weft.base() + "/inbox");
            send(rosa, inbox, clock, rosa.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina",
                    weft.base() + "/groups/block3"));
            WaitFor.condition("rosa follows block3", () -> weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from FollowEntity f where f.follower.uri = :r and f.state = :a", Long.class)
                    .setParameter("r", rosa.actor()).setParameter("a", FollowEntity.State.ACCEPTED).getSingleResult()) == 1);
            int limit = weft.config().moderationPostsPerHour();

            for (int i = 0; i < limit; i++) {
                assertEquals(ProposalEntity.Moderation.VISIBLE, post(weft, rosa, inbox, clock, i).getModeration(), "post " + i);
            }
            assertEquals(ProposalEntity.Moderation.PENDING, post(weft, rosa, inbox, clock, limit).getModeration(),
                    "one post too many this hour");
            assertEquals(limit, boosts(weft), "the community boosted only the ones on its board");
            assertEquals(1, weft.server().proposals().moderation().pending("block3").size());

            clock.advance(Duration.ofMinutes(61));
            assertEquals(ProposalEntity.Moderation.VISIBLE, post(weft, rosa, inbox, clock, limit + 1).getModeration(),
                    "a new hour");
        }
    }

    /** Rosa's post offering help, mentioning block3 (Mastodon's shape), as stored once processed. */
    private static ProposalEntity post(TestServers.Instance weft, MastodonPeer rosa, URI inbox, TestClock clock, int n) {
        String status = "11620581234567" + (1000 + n);
        String json = rosa.fixture("mastodon/create-note-public.json").replace("116205812345678901", status);
        send(rosa, inbox, clock, json);
        String noteId = rosa.actor() + "/statuses/" + status;
        return WaitFor.value("post " + n + " is kept", () -> weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ProposalEntity where uri = :u", ProposalEntity.class).setParameter("u", noteId).uniqueResult()));
    }

    private static void send(MastodonPeer peer, URI inbox, TestClock clock, String json) {
        assertEquals(202, peer.deliver(inbox, json.getBytes(StandardCharsets.UTF_8), clock.now(), peer.key(), peer.keyId())
                .statusCode());
    }

    /** The community's Announces, queued in the transaction that put a post on its board. */
    private static long boosts(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where activityType = 'Announce'", Long.class).getSingleResult());
    }
}
