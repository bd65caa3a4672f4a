package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Between two Weft instances a response is a FEP-0837 Offer of an Agreement; accepting it promises the
 * proposal everywhere and sends the hand-off details to the responder alone, not to another member of the
 * responder's instance who follows the same community.
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
            // Carla follows the community too: she receives what it sends, so she is someone the hand-off could reach.
            try {
                b.server().follows().follow("carla", "@block3@" + a.domain());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            WaitFor.condition("both of B's members follow block3", () -> b.server().db().inTransaction(s -> s
                    .createSelectionQuery("select count(*) from FollowEntity f where f.state = :st", Long.class)
                    .setParameter("st", org.weft.server.persistence.FollowEntity.State.ACCEPTED).getSingleResult()) == 2);
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
            // The hand-off as it left A: a Note addressed to bob alone.
            OutboundActivityEntity sentHandOff = a.server().db().inTransaction(s -> s.createSelectionQuery(
                            "from OutboundActivityEntity where activityType = 'Create' and body like :text",
                            OutboundActivityEntity.class)
                    .setParameter("text", "%Behind the water point at 10.%").getSingleResult());
            JsonNode note = TestHttp.json(sentHandOff.getBody()).path("object");
            String bobUri = b.base() + "/users/bob";
            assertEquals(List.of(bobUri), texts(note.path("to")));
            assertEquals(List.of(), texts(note.path("cc")));
            assertEquals(bobUri, note.path("tag").get(0).path("href").asText(), "it mentions bob, so his server tells him");
            assertFalse(sentHandOff.isPublicActivity(), "not in the community's outbox");

            assertEquals(sent.getUri(), note.path("inReplyTo").asText(), "it answers bob's offer, which starts the thread");

            // Everything A sent has arrived and B has processed the hand-off: only bob has it, in the conversation of
            // his offer, and nothing is kept as a loose message for anyone.
            WaitFor.deliveriesDrained(a);
            WaitFor.inboundDone(b, sentHandOff.getActivityUri());
            List<ConversationMessageEntity> kept = b.server().db().inTransaction(s -> s.createSelectionQuery(
                    "from ConversationMessageEntity m join fetch m.response", ConversationMessageEntity.class).getResultList());
            assertEquals(1, kept.size(), "only the responder gets the hand-off");
            assertEquals(sent.getId(), kept.getFirst().getResponse().getId());
            assertTrue(kept.getFirst().getContent().contains("Behind the water point at 10."));
            assertEquals(0, messages(b).size());
        }
    }

    private static List<ResponseEntity> responses(TestServers.Instance instance) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery("from ResponseEntity", ResponseEntity.class)
                .getResultList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<MessageEntity> messages(TestServers.Instance instance) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery("from MessageEntity", MessageEntity.class)
                .getResultList());
    }
}
