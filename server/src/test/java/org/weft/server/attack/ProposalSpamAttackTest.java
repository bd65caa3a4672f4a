package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.queue.Outbox;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.moderation.ModerationService;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Hardening issue, case 3: one actor nobody follows, with the community in {@code cc}, pushed 2,000 FEP-0837 proposals
 * and a member got 10,340 match notifications. Now proposals from an actor nobody here follows (and that no linked
 * community brought) wait for a moderator and match nothing: 2,000 of them make no match and no notification. A
 * moderator's approval, here or from the command line, lets one match like any other.
 */
class ProposalSpamAttackTest {
    private static final int SPAM = 2_000;

    @Test
    void twoThousandProposalsFromAStrangerWaitForAModeratorAndNotifyNobody() throws Exception {
        // The quotas would stop this sender first (1,000 activities an hour); turned off to see the moderation alone.
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_INBOX_ACTOR_ACTIVITIES_PER_HOUR", "0",
                "WEFT_INBOX_HOST_ACTIVITIES_PER_HOUR", "0", "WEFT_INBOX_HOST_RATE", "0"));
             MastodonPeer stranger = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
            weft.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.REQUEST).language("en").title("We need a tent").description("For a family of five.")
                    .categories("tents").build());
            WaitFor.condition("amina's request is in the index", () -> weft.server().matching().matcher().applied() >= 1);
            long applied = weft.server().matching().matcher().applied();

            URI inbox = URI.create(weft.base() + "/inbox");
            String group = weft.base() + "/groups/block3";
            // Eight at a time from the first one on: first contact with the unknown sender is made under concurrency.
            try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < SPAM; i++) {
                    String body = TentOffers.create(stranger.origin(), stranger.rosa(), String.valueOf(i), "Tent " + i,
                            group);
                    answers.add(senders.submit(() -> stranger.deliver(inbox, body)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    assertEquals(202, answer.get().statusCode(), answer.get().body());
                }
            }
            // Every Create processed, and every proposal it stored handed to the matcher and applied.
            WaitFor.condition(SPAM + " Creates processed", Duration.ofSeconds(240),
                    () -> Attacks.inboundPending(weft, stranger.actor()) == 0);
            WaitFor.condition("the matcher applied them", Duration.ofSeconds(120),
                    () -> weft.server().matching().matcher().applied() >= applied + SPAM);

            List<ProposalEntity> kept = spam(weft, stranger.actor());
            assertEquals(SPAM, kept.size());
            assertTrue(kept.stream().allMatch(p -> p.getModeration() == ProposalEntity.Moderation.PENDING));
            assertEquals(SPAM, weft.server().proposals().moderation().pending("block3").size(), "on the moderator's list");
            assertEquals(0, count(weft, "select count(*) from MatchEntity"), "no match");
            assertEquals(0, count(weft, "select count(*) from NotificationEntity"), "no notification");

            // A moderator lets one in: it matches amina's request, and she hears of it once.
            long before = weft.server().matching().matcher().applied();
            weft.server().proposals().moderation().approve(kept.get(0).getId());
            WaitFor.condition("the approved one is matched", () -> count(weft, "select count(*) from MatchEntity") == 1);
            WaitFor.condition("amina is told", () -> count(weft, "select count(*) from NotificationEntity") == 1);

            // Approved from the command line (another process: no matcher there), it matches once the server hears.
            ModerationService cli = new ModerationService(weft.server().db(),
                    new CommunityBoosts(new Outbox(weft.server().urls(), new JsonLdCodec(), Clock.systemUTC()),
                            weft.server().urls()), Clock.systemUTC());
            cli.approve(kept.get(1).getId());
            WaitFor.condition("the server heard the decision", () -> weft.server().hearModerationDecisions() >= 1);
            WaitFor.condition("the second approved one is matched", () -> count(weft, "select count(*) from MatchEntity") == 2);
            assertTrue(weft.server().matching().matcher().applied() > before);
            assertEquals(1, count(weft, "select count(*) from NotificationEntity"), "within the hour: one notification");
            assertEquals(2L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select n.count from NotificationEntity n", Integer.class).getSingleResult()), "counting two matches");
        }
    }

    private static List<ProposalEntity> spam(TestServers.Instance weft, String actor) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ProposalEntity p where p.author.uri = :a order by p.id", ProposalEntity.class)
                .setParameter("a", actor).getResultList());
    }

    private static long count(TestServers.Instance weft, String query) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(query, Long.class).getSingleResult());
    }
}
