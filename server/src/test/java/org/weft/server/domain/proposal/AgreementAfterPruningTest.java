package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A proposer may decide on an agreement days after it was offered, long after the Offer's body was pruned from the
 * inbound table: the response keeps the Agreement's id in its own row, so the answer still goes out, with the
 * Agreement as its result, and the responder's instance learns the decision.
 */
class AgreementAfterPruningTest {

    @Test
    void anOfferIsAcceptedAfterItsInboundBodyWasPruned() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            Offered offered = offer(a, b);
            a.server().proposals().responses().accept("amina", offered.received().getId(), "Behind the water point.");

            WaitFor.condition("B learns the offer was accepted", () -> state(b, offered.sent()) == ResponseEntity.State.ACCEPTED);
            JsonNode accept = TestHttp.json(outbound(a, "Accept", offered.sent().getUri()).getBody());
            assertEquals(offered.sent().getUri(), accept.path("object").asText());
            assertEquals(offered.sent().getAgreementUri(), accept.path("result").asText(), "the Agreement's id, kept in A's row");
            assertEquals(b.base() + "/users/bob", accept.path("to").get(0).asText());
        }
    }

    @Test
    void anOfferIsDeclinedAfterItsInboundBodyWasPruned() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            Offered offered = offer(a, b);
            a.server().proposals().responses().decline("amina", offered.received().getId());

            WaitFor.condition("B learns the offer was declined", () -> state(b, offered.sent()) == ResponseEntity.State.DECLINED);
            JsonNode reject = TestHttp.json(outbound(a, "Reject", offered.sent().getUri()).getBody());
            assertEquals(offered.sent().getUri(), reject.path("object").asText());
        }
    }

    /** Bob on B offers to take amina's offer on A; A keeps it as a response, then its inbound row is pruned. */
    private static Offered offer(TestServers.Instance a, TestServers.Instance b) {
        a.server().localActors().createGroup("block3", "Block 3", null);
        a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
        b.server().localActors().createMember("bob", "Bob", "a long enough password", false);
        TwoInstanceProposalTest.follow(b, "bob", a, "block3");
        ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                .community("block3").purpose(Purpose.OFFER).title("Fresh bread").categories("bread")
                .quantity(new BigDecimal("10"), "one").build());
        ProposalEntity copy = WaitFor.value("B keeps the offer", () -> TwoInstanceProposalTest.find(b, offer.getUri()));
        ResponseEntity sent = b.server().proposals().agreements().offer("bob", copy.getId(), "Two, please.",
                new BigDecimal("2"));
        assertNotNull(sent.getAgreementUri());

        InboundActivityEntity row = WaitFor.inboundDone(a, sent.getUri());
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
        // What retention does to a processed activity: its body goes (the row stays, so a redelivery is still known).
        int pruned = a.server().db().inTransaction(s -> s.createNativeMutationQuery(
                "UPDATE inbound_activity SET body = '' WHERE activity_uri = ?1").setParameter(1, sent.getUri()).executeUpdate());
        assertEquals(1, pruned);
        ResponseEntity received = a.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ResponseEntity where uri = :uri", ResponseEntity.class).setParameter("uri", sent.getUri()).getSingleResult());
        return new Offered(sent, received);
    }

    private record Offered(ResponseEntity sent, ResponseEntity received) {
    }

    private static ResponseEntity.State state(TestServers.Instance instance, ResponseEntity response) {
        return instance.server().db().inTransaction(s -> s.find(ResponseEntity.class, response.getId()).getState());
    }

    /** The one activity of this type that {@code instance} sent about {@code objectId}. */
    private static OutboundActivityEntity outbound(TestServers.Instance instance, String type, String objectId) {
        List<OutboundActivityEntity> found = instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "from OutboundActivityEntity where activityType = :type and body like :object", OutboundActivityEntity.class)
                .setParameter("type", type).setParameter("object", "%\"" + objectId + "\"%").getResultList());
        assertEquals(1, found.size(), type + "s of " + objectId + " sent: " + found.size());
        return found.getFirst();
    }
}
