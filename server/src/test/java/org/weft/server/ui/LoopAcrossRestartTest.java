package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The people's loop across a restart of the server (an upgrade, a reboot of the camp's machine): what each member had
 * stays as it was, nobody is told again of what they were told before, a member who was logged in still is, and the
 * loop goes on: a new offer after the restart meets the request from before it. "Nobody is told again" is checked once
 * the moment it would have happened has passed: the matcher has loaded its index and applied the first change after
 * the restart, on the same single thread the start-up load ran on.
 */
class LoopAcrossRestartTest {
    @Test
    void matchesNotificationsAndSessionsOutliveARestartAndTheLoopGoesOn() {
        TestServers.Instance weft = TestServers.start();
        try {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            long amina = weft.server().localActors().createMember("amina", "Amina", "amina-password", false).getId();
            long boris = weft.server().localActors().createMember("boris", "Boris", "boris-password", false).getId();
            long chen = weft.server().localActors().createMember("chen", "Chen", "chen-password", false).getId();
            long before = weft.server().matching().matcher().applied();
            create(weft, "amina", Purpose.REQUEST, "We need a pram", "For a few weeks.");
            create(weft, "boris", Purpose.OFFER, "A pram to give", "Blue, folds.");
            TestServers.Instance first = weft;
            WaitFor.condition("the request and the offer are matched", () -> first.server().matching().matcher().applied() >= before + 2);
            WaitFor.condition("both members are told", () -> notifications(first, amina) == 1 && notifications(first, boris) == 1);
            PageClient aminaPage = new PageClient(weft.base());
            aminaPage.login("amina", "amina-password");
            String matchesBefore = aminaPage.get("/me/matches").body();
            assertTrue(matchesBefore.contains("A pram to give"), matchesBefore);
            Map<Long, Long> told = Map.of(amina, notifications(weft, amina), boris, notifications(weft, boris));

            weft = weft.restart();
            TestServers.Instance restarted = weft;
            WaitFor.condition("the matcher has loaded its index", Duration.ofSeconds(20),
                    () -> restarted.server().matching().matcher().ready());
            long afterStart = restarted.server().matching().matcher().applied();
            create(restarted, "chen", Purpose.OFFER, "Second pram, grey", "Has a rain cover.");
            WaitFor.condition("the new offer is matched", () -> restarted.server().matching().matcher().applied() > afterStart
                    && notifications(restarted, chen) == 1);
            restarted.server().matching().matcher().settled().join();

            assertEquals(told.get(amina) + 1, notifications(restarted, amina),
                    "Amina is told of the new offer, and not again of Boris's");
            assertEquals(told.get(boris), notifications(restarted, boris), "Boris is not told again");
            String matchesAfter = aminaPage.get("/me/matches").body();
            assertFalse(matchesAfter.contains("name=\"password\""), "still logged in after the restart: " + matchesAfter);
            assertTrue(matchesAfter.contains("A pram to give") && matchesAfter.contains("Second pram, grey"),
                    "both offers, the one from before the restart and the new one: " + matchesAfter);
            assertEquals(List.of(2L, 1L, 1L), List.of(matches(restarted, amina), matches(restarted, boris),
                    matches(restarted, chen)), "matches of Amina, Boris and Chen, each stored once");
        } finally {
            weft.close();
        }
    }

    private static void create(TestServers.Instance weft, String member, Purpose purpose, String title, String text) {
        weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp").purpose(purpose)
                .language("en").title(title).description(text).categories("prams").build());
    }

    /** What the member was told, item by item (a match within the hour of another is counted into its notification). */
    private static long notifications(TestServers.Instance weft, long member) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select coalesce(sum(count), 0) from NotificationEntity where memberId = :m", Long.class)
                .setParameter("m", member).getSingleResult());
    }

    private static long matches(TestServers.Instance weft, long member) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from MatchEntity m,"
                        + " ProposalEntity r, ProposalEntity o where r.id = m.requestId and o.id = m.offerId"
                        + " and (r.author.id = :m or o.author.id = :m)", Long.class).setParameter("m", member)
                .getSingleResult());
    }
}
