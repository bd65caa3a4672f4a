package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Amina, on A, answers Bruno's pram on B from A's copy of it, and Bruno accepts. B sends two things: the acceptance to
 * Amina and the news that the pram is promised to A's community, which follows B's. Deliveries run side by side, so the
 * news can reach A first: the pram is promised and no longer matches Amina's request, and for a moment A cannot tell
 * that it was promised to her. When the acceptance follows, she must be left with "accepted", not also with "your match
 * is gone", which would tell her the pram is lost just as it is hers.
 */
class AcceptOvertakenTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aMatchGoneNoticeOvertakenByTheAcceptanceIsTakenBack() throws Exception {
        int portB = TestServers.freePort();
        TestServers.Instance b = TestServers.start(Map.of("WEFT_PORT", String.valueOf(portB),
                "WEFT_BASE_URL", "http://localhost:" + portB));
        TestServers.Instance running = b;
        try (TestServers.Instance a = TestServers.start(Map.of("WEFT_FEDERATION_LINK_ALLOW", "localhost:" + portB))) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", PASSWORD, false);
            a.server().matching().links().link("block3", "@town@" + b.domain());
            WaitFor.condition("town accepts the link", () -> a.server().matching().links().links("block3").stream()
                    .anyMatch(l -> l.actorUri().endsWith("/groups/town") && l.accepted()));

            ProposalEntity pram = b.server().proposals().service().create("bruno", ProposalDraft.builder()
                    .community("town").purpose(Purpose.OFFER).language("en").title("A pram, almost new")
                    .description("A pram, almost new").categories("prams").build());
            long copy = WaitFor.value("A keeps B's pram", () -> copyOn(a, pram.getUri()));
            ProposalEntity request = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).language("en").title("We need a pram")
                    .description("For our baby.").categories("prams").build());
            long match = WaitFor.value("her request matches the pram", () -> matchOf(a, request.getId()));
            ResponseEntity aminas = a.server().proposals().agreements().offer("amina", copy,
                    "We could fetch it on Sunday.", null);
            long onB = WaitFor.value("B keeps her answer", () -> b.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select id from ResponseEntity where uri = :u", Long.class).setParameter("u", aminas.getUri())
                    .uniqueResultOptional().orElse(null)));
            WaitFor.deliveriesDrained(b);

            // Bruno accepts while B sends nothing; the acceptance is held back, the rest goes after a restart.
            b.server().deliveryWorker().stopClaiming();
            b.server().proposals().responses().accept("bruno", onB, null);
            dueAccept(b, Instant.now().plus(1, ChronoUnit.DAYS));
            TestServers.Instance restarted = b.restart();
            running = restarted;
            WaitFor.condition("A hears the pram is promised", () -> a.server().db().inTransaction(s ->
                    s.find(ProposalEntity.class, copy).getStatus()) == ProposalStatus.PROMISED);
            WaitFor.condition("and her match with it is withdrawn", () -> a.server().db().inTransaction(s ->
                    s.find(MatchEntity.class, match).getState()) == MatchEntity.State.WITHDRAWN);
            a.server().matching().matcher().settled().get();

            dueAccept(restarted, Instant.now().minusSeconds(1));
            restarted.server().deliveryWorker().poke();
            WaitFor.condition("A hears it was accepted", () -> a.server().db().inTransaction(s ->
                    s.find(ResponseEntity.class, aminas.getId()).getState()) == ResponseEntity.State.ACCEPTED);

            // Amina's view: her answer was accepted, and nothing says the pram is gone.
            assertEquals(List.of(NotificationKind.AGREEMENT_ACCEPTED.wire()), unreadKinds(a, "amina"));
            for (String language : new String[] {"en", "ar"}) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(a.base()).language(language);
                page.login("amina", PASSWORD);
                String notifications = page.get("/me/notifications").body();
                assertTrue(notifications.contains(m.get("notification.agreement-accepted",
                        Messages.isolate("A pram, almost new"))), language + ": " + notifications);
                assertFalse(notifications.contains(m.get("notification.match-gone", Messages.isolate("We need a pram"))),
                        language + ": " + notifications);
            }
        } finally {
            running.close();
        }
    }

    /** Sets when B next tries to deliver its Accept (the only one it has waiting). */
    private static void dueAccept(TestServers.Instance b, Instant when) {
        int changed = b.server().db().inTransaction(s -> s.createNativeMutationQuery(
                        "UPDATE delivery SET next_attempt_at = ?1 WHERE state = 'PENDING' AND activity_id IN"
                                + " (SELECT id FROM outbound_activity WHERE activity_type = 'Accept')")
                .setParameter(1, LocalDateTime.ofInstant(when, ZoneOffset.UTC)).executeUpdate());
        assertEquals(1, changed, "one delivery of the Accept waits");
    }

    private static Long copyOn(TestServers.Instance a, String uri) {
        return a.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).map(ProposalEntity::getId)
                .orElse(null));
    }

    private static Long matchOf(TestServers.Instance a, long proposalId) {
        List<MatchEntity> found = a.server().db().inTransaction(s -> MatchRepository.involving(s, proposalId));
        return found.size() == 1 ? found.get(0).getId() : null;
    }

    private static List<String> unreadKinds(TestServers.Instance i, String member) {
        return i.server().db().inTransaction(s -> s.createSelectionQuery("select n.kind from NotificationEntity n,"
                        + " ActorEntity a where a.id = n.memberId and a.username = :u and n.readAt is null order by n.id",
                String.class).setParameter("u", member).getResultList());
    }
}
