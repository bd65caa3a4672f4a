package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.testing.LockWaits;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Another server's offer changes (promised) and its Accept of our member's answer arrive separately; the matcher's look
 * at the change can run while the Accept is being kept. Here the Accept is held still inside its transaction (the
 * answer decided, not yet committed) while the matcher withdraws the member's match with that offer: the member must not
 * be told the match is gone, for it is gone because it was promised to them. Before the matcher read the answers
 * under their row locks it read the answer as still waiting, wrote "match gone", and the Accept's take-back of such a
 * notice had already run. Local proposals stand in for the remote copy: the rule is the same for both. H2 and MariaDB.
 */
class GoneWhilePromisedTest {
    private static final String PASSWORD = "a long enough password";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("lina", "Lina", PASSWORD, false);
        weft.server().localActors().createMember("omar", "Omar", PASSWORD, false);
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @Test
    void aMatchWithdrawnWhileTheAnswerIsBeingAcceptedIsNotToldAsGone() throws Exception {
        Database db = weft.server().db();
        Matcher matcher = weft.server().matching().matcher();
        ProposalEntity offer = post("lina", Purpose.OFFER, "I can babysit on Saturdays");
        post("omar", Purpose.REQUEST, "Someone to mind my son on Saturday");
        matcher.settled().get(20, TimeUnit.SECONDS);
        long omar = memberId("omar");
        ResponseEntity answer = weft.server().proposals().responses().respond("omar", offer.getId(),
                "I would be glad of it, Saturday morning?");

        // tellGone uses neither the direct messages nor the match reasons (only a new match's notice does).
        MatchNotifier notifier = new MatchNotifier(null, null, Clock.systemUTC());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch decided = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> accept = threads.submit(() -> db.run(s -> {
                ResponseEntity r = s.find(ResponseEntity.class, answer.getId());
                ResponseRepository.lock(s, r);
                r.decide(ResponseEntity.State.ACCEPTED, Instant.now());
                s.flush();
                decided.countDown();
                await(release);
            }));
            assertEquals(true, decided.await(20, TimeUnit.SECONDS), "the Accept is being kept");
            Future<Integer> withdrawn = threads.submit(() -> db.inTransaction(s -> {
                List<MatchEntity> gone = new MatchStore().withdrawAllOf(s, offer.getId(), Instant.now());
                notifier.tellGone(s, gone, offer.getId());
                return gone.size();
            }));
            // The matcher's look either waits for the Accept (read under the answer's lock) or, reading past it, has
            // already written its notice: this is the moment the notice would have been written.
            WaitFor.condition(() -> "the matcher waits for the answer's row, or is done: " + withdrawn.isDone(),
                    Duration.ofSeconds(30), Duration.ofMillis(250), () -> withdrawn.isDone() || LockWaits.now(db) >= 1);
            release.countDown();
            accept.get(20, TimeUnit.SECONDS);
            assertEquals(1, withdrawn.get(20, TimeUnit.SECONDS), "Omar's match with the offer was withdrawn");
        } finally {
            threads.shutdownNow();
        }

        assertEquals(0L, goneNotices(omar), "Omar is not told the match is gone: it was promised to him");
        PageClient page = new PageClient(weft.base());
        page.login("omar", PASSWORD);
        String notifications = page.get("/notifications").body();
        assertFalse(notifications.contains("no longer"), notifications);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProposalEntity post(String member, Purpose purpose, String title) {
        return weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description("Near block 3.").categories("babysitting")
                .audience(Audience.PUBLIC).build());
    }

    private static long memberId(String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow().getId());
    }

    private static long goneNotices(long memberId) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from NotificationEntity n where n.memberId = :m and n.kind = :k", Long.class)
                .setParameter("m", memberId).setParameter("k", NotificationKind.MATCH_GONE.wire()).getSingleResult());
    }
}
