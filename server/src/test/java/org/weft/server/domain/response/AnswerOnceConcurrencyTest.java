package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/**
 * Omar taps "send" on his answer to Layla's offer many times at once (a double tap, several tabs, a flaky network
 * sending the form again). However the submissions interleave, Layla finds one answer from him and is told once; every
 * other submission is refused as already answered. Several offers, so that a race has several chances to show.
 */
class AnswerOnceConcurrencyTest {
    private static final int AT_ONCE = 8;
    private static final int OFFERS = 5;
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void answersSentAtTheSameMomentLeaveOneAnswerAndOneNotification() throws Exception {
        ResponseService responses = weft.server().proposals().responses();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < OFFERS; round++) {
                ProposalEntity offer = weft.server().proposals().service().create("layla", ProposalDraft.builder()
                        .community("camp").purpose(Purpose.OFFER).language("en").title("A pram, round " + round)
                        .categories("bedding").build());
                CountDownLatch ready = new CountDownLatch(AT_ONCE);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> sent = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    String text = "Could I borrow it in May? (" + i + ")";
                    sent.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        try {
                            responses.respond("omar", offer.getId(), text);
                            return true;
                        } catch (ConflictException alreadyAnswered) {
                            return false;
                        }
                    }));
                }
                ready.await(10, TimeUnit.SECONDS);
                go.countDown();
                int kept = 0;
                for (Future<Boolean> f : sent) {
                    kept += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, kept, "one submission goes through, the others are refused");
                assertEquals(1L, count("ResponseEntity", offer), "Layla finds one answer from Omar");
                assertEquals(1L, count("NotificationEntity", offer), "and is told once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(String entity, ProposalEntity p) {
        String proposal = entity.equals("ResponseEntity") ? "proposal.id" : "proposalId";
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from " + entity + " where " + proposal + " = :p", Long.class)
                .setParameter("p", p.getId()).getSingleResult());
    }
}
