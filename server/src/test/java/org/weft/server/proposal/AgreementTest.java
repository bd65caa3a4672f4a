package org.weft.server.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Between two Weft instances a response is a FEP-0837 Offer of an Agreement; accepting it promises the
 * proposal everywhere and sends the hand-off details to the responder alone.
 */
class AgreementTest {

    @Test
    void aMemberOnAnotherInstanceOffersAndIsAccepted() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            b.server().localActors().createMember("bob", "Bob", "a long enough password", false);
            b.server().localActors().createMember("carla", "Carla", "a long enough password", false);
            TwoInstanceProposalTest.follow(b, "bob", a, "block3");
            ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).title("Fresh bread").categories("bread")
                    .quantity(new BigDecimal("10"), "one").build());
            ProposalEntity copy = WaitFor.value("B keeps the offer", () -> TwoInstanceProposalTest.find(b, offer.getUri()));

            ResponseEntity sent = b.server().proposals().agreements().offer("bob", copy.getId(),
                    "Two bundles for our kitchen, please.", new BigDecimal("2"));
            ResponseEntity received = WaitFor.value("A keeps bob's offer as a response", () -> responses(a).stream()
                    .filter(r -> r.getUri().equals(sent.getUri())).findFirst().orElse(null));
            assertEquals(ResponseEntity.Kind.AGREEMENT, received.getKind());
            assertTrue(received.getContent().contains("Two bundles for our kitchen"), received.getContent());

            a.server().proposals().responses().accept("amina", received.getId(), "Behind the water point at 10.");
            WaitFor.condition("B learns the offer was accepted", () -> responses(b).stream()
                    .anyMatch(r -> r.getUri().equals(sent.getUri()) && r.getState() == ResponseEntity.State.ACCEPTED));
            WaitFor.condition("B's copy is promised", () -> TwoInstanceProposalTest.find(b, offer.getUri()).getStatus()
                    == ProposalStatus.PROMISED);
            List<MessageEntity> messages = WaitFor.value("the hand-off message", () -> {
                List<MessageEntity> m = messages(b);
                return m.isEmpty() ? null : m;
            });
            assertEquals(1, messages.size(), "only the responder gets the hand-off");
            long bob = b.server().db().inTransaction(s -> org.weft.server.domain.ActorRepository.localByUsername(s, "bob")
                    .orElseThrow().getId());
            assertEquals(bob, messages.getFirst().getMemberId());
            assertTrue(messages.getFirst().getContent().contains("Behind the water point at 10."));
        }
    }

    private static List<ResponseEntity> responses(TestServers.Instance instance) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery("from ResponseEntity", ResponseEntity.class)
                .getResultList());
    }

    private static List<MessageEntity> messages(TestServers.Instance instance) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery("from MessageEntity", MessageEntity.class)
                .getResultList());
    }
}
