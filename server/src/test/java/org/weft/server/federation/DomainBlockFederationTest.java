package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weft.activitypub.client.FetchException;
import org.weft.activitypub.vocab.Activities;
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.model.DomainSeverity;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Domain blocks seen from the blocked server (a Mastodon-shaped WireMock that counts every request it gets): once
 * suspended, its Follow, Create and Flag are refused before any signature check or key fetch, and Weft sends it nothing
 * and fetches nothing from it; its follow is gone and its post hidden. A silenced server's post waits for a moderator
 * even though it follows the community, and never matches once let on the board.
 */
class DomainBlockFederationTest {

    @Test
    void aSuspendedServerIsRefusedAndNeverContacted() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ActorEntity amina = weft.server().localActors().createMember("amina", "Amina", "correct horse battery", false);
            URI inbox = URI.create(weft.base() + "/inbox");
            follow(weft, rosa, inbox);
            String post = rosa.fixture("mastodon/create-note-public.json");
            assertEquals(202, rosa.deliver(inbox, post).statusCode());
            WaitFor.inboundDone(weft, TestHttp.json(post).path("id").asText());
            String noteId = TestHttp.json(post).path("object").path("id").asText();
            assertEquals(ProposalEntity.Moderation.VISIBLE, proposal(weft, noteId).getModeration(), "before: on the board");
            // The Accept of her follow has reached her before the suspension (on a loaded machine it was still on its
            // way when the requests were counted, and was taken for one sent after): what follows counts only those.
            WaitFor.deliveriesDrained(weft);

            String domain = URI.create(rosa.origin()).getAuthority();
            DomainBlocks.Outcome outcome = weft.server().safety().domains().block(
                    new DomainBlocks.Block(domain, DomainSeverity.SUSPEND, false, "Scams", false));
            assertEquals(1, outcome.followsRemoved());
            assertEquals(1, outcome.proposalsHidden());
            assertEquals(0L, follows(weft, rosa.actor()), "rosa no longer follows block3");
            assertEquals(ProposalEntity.Moderation.REJECTED, proposal(weft, noteId).getModeration(), "her post is hidden");
            int requestsBefore = rosa.wireMock().getAllServeEvents().size();

            // Follow, Create and Flag: refused at the door, none stored.
            String again = rosa.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", weft.base() + "/groups/block3")
                    .replace("7d3b2f10", "7d3b2f12");
            String another = post.replace("116205812345678901", "116205812345679999");
            String flag = rosa.fixture("mastodon/moderation-and-polls/flag.json");
            for (String activity : List.of(again, another)) {
                HttpResponse<String> refused = rosa.deliver(inbox, activity);
                assertEquals(403, refused.statusCode(), refused.body());
            }
            HttpResponse<String> flagged = rosa.deliver(inbox, flag.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                    MastodonPeer.privateKey("keys/mastodon-instance.pem"), rosa.origin() + "/actor#main-key");
            assertEquals(403, flagged.statusCode(), flagged.body());
            // A user of that server whose key Weft never saw: refused before the key is fetched.
            PrivateKey malloryKey = rosa.addUser("mallory");
            String malloryFollow = again.replace(rosa.actor(), rosa.actorOf("mallory")).replace("7d3b2f12", "7d3b2f13");
            assertEquals(403, rosa.deliver(inbox, malloryFollow.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                    malloryKey, rosa.actorOf("mallory") + "#main-key").statusCode());
            for (String activity : List.of(again, another, flag, malloryFollow)) {
                assertEquals(0L, inboundRows(weft, TestHttp.json(activity).path("id").asText()), "nothing stored");
            }

            // Nothing goes out to it: a delivery already queued is given up without a request, a fetch is refused.
            weft.server().db().run(s -> weft.server().outbox().send(s, s.find(ActorEntity.class, amina.getId()),
                    Activities.follow(weft.server().outbox().newActivityId(), amina.getUri(), rosa.actor()),
                    List.of(ActorRepository.byUri(s, rosa.actor()).orElseThrow()), false));
            WaitFor.deliveriesDrained(weft);
            assertEquals(1L, givenUp(weft), "the delivery to the suspended server was dropped");
            IllegalStateException followRefused = assertThrows(IllegalStateException.class,
                    () -> rethrow(() -> weft.server().follows().follow("amina", rosa.actorOf("somebody"))));
            assertTrue(followRefused.getCause() instanceof FetchException f
                    && f.reason() == FetchException.Reason.FORBIDDEN_ADDRESS, String.valueOf(followRefused.getCause()));
            assertEquals(requestsBefore, rosa.wireMock().getAllServeEvents().size(),
                    "not one request reached the suspended server: " + rosa.wireMock().getAllServeEvents());

            // Lifted: it may follow again (what was hidden stays hidden, as Mastodon deletes on suspension).
            assertTrue(weft.server().safety().domains().unblock(domain));
            follow(weft, rosa, inbox, again);
            assertEquals(ProposalEntity.Moderation.REJECTED, proposal(weft, noteId).getModeration());
        }
    }

    @Test
    void aSilencedServersPostWaitsForAModeratorAndNeverMatches() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            URI inbox = URI.create(weft.base() + "/inbox");
            follow(weft, rosa, inbox);
            weft.server().safety().domains().block(new DomainBlocks.Block(URI.create(rosa.origin()).getAuthority(),
                    DomainSeverity.SILENCE, false, null, false));
            assertEquals(1L, follows(weft, rosa.actor()), "silencing keeps followers");

            String post = rosa.fixture("mastodon/create-note-public.json");
            assertEquals(202, rosa.deliver(inbox, post).statusCode(), "a silenced server is heard");
            WaitFor.inboundDone(weft, TestHttp.json(post).path("id").asText());
            ProposalEntity kept = proposal(weft, TestHttp.json(post).path("object").path("id").asText());
            assertEquals(ProposalEntity.Moderation.PENDING, kept.getModeration(), "it waits although rosa follows block3");
            assertEquals(1, weft.server().proposals().moderation().pending("block3").size());
            assertEquals(0L, announces(weft), "the community does not boost it");

            // Counted before approving: the matcher may hear of the approval before the next line runs.
            long applied = weft.server().matching().matcher().applied();
            weft.server().proposals().moderation().approve(kept.getId());
            WaitFor.condition("the matcher heard of the approval", () -> weft.server().matching().matcher().applied() > applied);
            assertFalse(weft.server().matching().matcher().index().get(kept.getId()) != null
                    && weft.server().matching().matcher().index().get(kept.getId()).open(), "on the board, but never matching");
        }
    }

    private static void follow(TestServers.Instance weft, MastodonPeer rosa, URI inbox) {
        follow(weft, rosa, inbox, rosa.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina",
                weft.base() + "/groups/block3"));
    }

    private static void follow(TestServers.Instance weft, MastodonPeer rosa, URI inbox, String follow) {
        assertEquals(202, rosa.deliver(inbox, follow).statusCode());
        WaitFor.condition("rosa follows block3", () -> follows(weft, rosa.actor()) == 1);
    }

    private static long follows(TestServers.Instance weft, String actor) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.follower.uri = :r and f.state = :a", Long.class)
                .setParameter("r", actor).setParameter("a", FollowEntity.State.ACCEPTED).getSingleResult());
    }

    private static ProposalEntity proposal(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).uniqueResult());
    }

    private static long inboundRows(TestServers.Instance weft, String activityId) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from InboundActivityEntity where activityUri = :u", Long.class)
                .setParameter("u", activityId).getSingleResult());
    }

    private static long givenUp(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from DeliveryEntity where state = :g", Long.class)
                .setParameter("g", DeliveryEntity.State.GAVE_UP).getSingleResult());
    }

    private static long announces(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where activityType = 'Announce'", Long.class).getSingleResult());
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
