package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Captured or doctored signed deliveries sent again: every one is refused with 401 and changes nothing. Each
 * signature is made with the peer's real key, so what refuses them is the time window, the Host rule and the
 * one-use rule, not a bad signature.
 */
class SignatureReplayAttackTest {
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static LemmyPeer lemmy;
    private static URI inbox;
    private static String group;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        mastodon = new MastodonPeer(weft.base());
        lemmy = new LemmyPeer(weft.base());
        inbox = URI.create(weft.base() + "/inbox");
        group = weft.base() + "/groups/block3";
    }

    @AfterAll
    static void stop() {
        lemmy.close();
        mastodon.close();
        weft.close();
    }

    private static String rosaFollows(String id) {
        return mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group)
                .replace("7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", id);
    }

    @Test
    void aThirteenHourOldRequestWithCreatedAppendedIsRefused() {
        // Issue 9: `,created=<now>` appended (unsigned) once made a stale Date count as fresh, with rsa-sha256 too.
        Instant stale = Instant.now().minus(Duration.ofHours(13));
        AttackRequest mastodonShaped = AttackRequest.post(inbox, rosaFollows("stale-1")).signedBy(mastodon).date(stale)
                .appendToSignature(",created=" + Instant.now().getEpochSecond());
        Refused.assertRefused(weft, mastodonShaped::send, 401, "DATE_OUT_OF_WINDOW");

        long now = Instant.now().getEpochSecond();
        AttackRequest lemmyShaped = AttackRequest.post(inbox, lemmy.fixture("lemmy/follow.json"))
                .signedBy(lemmy, "hs2019", LemmyPeer.SIGNED_HEADERS).date(stale)
                .appendToSignature(",created=" + now + ",expires=" + (now + 300));
        Refused.assertRefused(weft, lemmyShaped::send, 401, "DATE_OUT_OF_WINDOW");
    }

    @Test
    void aDeliveryCapturedAtAnotherServersInboxIsRefusedHere() {
        // Rosa's server delivers to another server's shared inbox, which answers 202 and keeps the bytes...
        URI elsewhere = URI.create(mastodon.origin() + "/inbox");
        AttackRequest captured = AttackRequest.post(elsewhere, rosaFollows("captured-elsewhere")).signedBy(mastodon);
        assertEquals(202, captured.send().status());
        // ...and replays them here: same name, another port.
        Refused.assertRefused(weft, () -> captured.sendTo(weft.server().port()), 401, "HOST_MISMATCH");

        AttackRequest otherName = AttackRequest.post(inbox, rosaFollows("captured-other-name")).signedBy(mastodon)
                .host("mastodon.example");
        Refused.assertRefused(weft, otherName::send, 401, "HOST_MISMATCH");
    }

    @Test
    void aPostWhoseSignatureLeavesOutHostIsRefused() {
        AttackRequest unsignedHost = AttackRequest.post(inbox, rosaFollows("no-host")).signedBy(mastodon)
                .signing(List.of("(request-target)", "date", "digest", "content-type"));
        Refused.assertRefused(weft, unsignedHost::send, 401, "HOST_NOT_SIGNED");
    }

    @Test
    void aCapturedDeliveryIsAcceptedOnceEvenAfterItsRowIsGone() {
        AttackRequest follow = AttackRequest.post(inbox, rosaFollows("follow-once")).signedBy(mastodon);
        long processed = weft.server().inboundWorker().processed();
        assertEquals(202, follow.send().status());
        WaitFor.condition("rosa's Follow is processed", () -> weft.server().inboundWorker().processed() > processed);
        WaitFor.condition("the Accept reached rosa's server", () -> !mastodon.inboxPosts().isEmpty());
        assertEquals(FollowEntity.State.ACCEPTED, followState());

        Refused.assertRefused(weft, follow::send, 401, "REPLAYED");

        // Rosa unfollows; processed rows are later pruned, so the activity id no longer stops a second Follow.
        String undo = mastodon.fixture("mastodon/undo-follow.json").replace(weft.base() + "/users/amina", group)
                .replace("7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", "follow-once");
        assertEquals(202, AttackRequest.post(inbox, undo).signedBy(mastodon).send().status());
        WaitFor.condition("the Undo took effect", () -> followState() == null);
        weft.server().db().run(s -> s.createMutationQuery("delete from InboundActivityEntity").executeUpdate());

        Refused.assertRefused(weft, follow::send, 401, "REPLAYED");
        assertNull(followState(), "rosa was not made to follow again");
    }

    private static FollowEntity.State followState() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select f.state from FollowEntity f where f.follower.uri = :a and f.followee.uri = :g",
                        FollowEntity.State.class)
                .setParameter("a", mastodon.rosa()).setParameter("g", group).uniqueResultOptional().orElse(null));
    }
}
