package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementOfferTest {

    private static final String BILAL = "https://camp-b.example/users/bilal";
    private static final String OFFER_ID = "https://camp-b.example/activities/offer/51";
    private static final String AGREEMENT = "https://camp-b.example/agreements/51";

    private final JsonLdCodec codec = new JsonLdCodec();

    private static AgreementOffer offer() {
        return AgreementOffer.respondingTo(OFFER_ID, BILAL, AGREEMENT, ProposalNoteTest.exampleBuilt(),
                Quantity.count(2), "<p>Two bundles for our kitchen, please.</p>", Instant.parse("2026-05-12T09:00:00Z"));
    }

    private JsonNode wire(Activity activity) {
        return codec.parse(codec.write(activity.toJson()));
    }

    @Test
    void theOfferHasTheDocumentedShape() {
        JsonNode json = wire(offer().toActivity());

        assertEquals(Contexts.agreement(), json.get("@context"));
        assertEquals("Offer", json.get("type").asText());
        assertEquals(OFFER_ID, json.get("id").asText());
        assertEquals(BILAL, json.get("actor").asText());
        assertEquals(List.of(ProposalNoteTest.AMINA), JsonValues.addresses(json.get("to")));
        assertEquals("<p>Two bundles for our kitchen, please.</p>", json.get("content").asText());
        assertEquals("2026-05-12T09:00:00Z", json.get("published").asText());
        JsonNode agreement = json.get("object");
        assertFalse(agreement.has("@context"));
        assertEquals("Agreement", agreement.get("type").asText());
        assertEquals(AGREEMENT, agreement.get("id").asText());
        JsonNode commitment = agreement.get("stipulates");
        assertEquals("Commitment", commitment.get("type").asText());
        assertEquals(AGREEMENT + "#primary", commitment.get("id").asText());
        assertEquals(ProposalNoteTest.ID + "#primary", commitment.get("satisfies").asText());
        assertEquals("transfer", commitment.get("action").asText());
        assertEquals("2", commitment.get("resourceQuantity").get("hasNumericalValue").asText());
        assertEquals("one", commitment.get("resourceQuantity").get("hasUnit").asText());
    }

    @Test
    void theOfferReadsBackWithEveryField() {
        JsonNode json = wire(offer().toActivity());
        assertTrue(AgreementOffer.isAgreementOffer(json));

        AgreementOffer back = AgreementOffer.fromJson(json);

        assertEquals(offer(), back);
        assertEquals(ProposalNoteTest.ID, back.proposalId());
    }

    @Test
    void acceptCarriesTheAgreementAsResultAndReadsBack() {
        JsonNode json = wire(offer().accept("https://camp-a.example/activities/accept/9"));

        assertEquals("Accept", json.get("type").asText());
        assertEquals(ProposalNoteTest.AMINA, json.get("actor").asText());
        assertEquals(OFFER_ID, json.get("object").asText());
        assertEquals(AGREEMENT, json.get("result").asText());
        assertEquals(BILAL, json.get("to").get(0).asText());

        AgreementAnswer answer = AgreementAnswer.fromActivity(Activity.fromJson(json)).orElseThrow();
        assertEquals(new AgreementAnswer("https://camp-a.example/activities/accept/9", ProposalNoteTest.AMINA, true,
                OFFER_ID, AGREEMENT), answer);
    }

    @Test
    void rejectHasNoResultAndReadsBack() {
        JsonNode json = wire(offer().reject("https://camp-a.example/activities/reject/9"));

        assertEquals("Reject", json.get("type").asText());
        assertFalse(json.has("result"));
        AgreementAnswer answer = AgreementAnswer.fromActivity(Activity.fromJson(json)).orElseThrow();
        assertFalse(answer.accepted());
        assertEquals(OFFER_ID, answer.offerId());
        assertEquals(null, answer.agreementId());
    }

    @Test
    void anAcceptEmbeddingTheOfferIsAnAnswerButAnAcceptOfAFollowIsNot() {
        ObjectNode accept = offer().accept("https://camp-a.example/activities/accept/10").toJson();
        ObjectNode embedded = offer().toActivity().toJson();
        embedded.remove("@context");
        accept.set("object", embedded);
        accept.remove("result");
        AgreementAnswer answer = AgreementAnswer.fromActivity(Activity.fromJson(accept)).orElseThrow();
        assertEquals(OFFER_ID, answer.offerId());
        assertEquals(AGREEMENT, answer.agreementId());

        Activity followAccept = Activity.fromJson(Fixtures.parsed("mastodon/accept-follow.json"));
        assertEquals(Optional.empty(), AgreementAnswer.fromActivity(followAccept));
        Activity follow = Activity.fromJson(Fixtures.parsed("mastodon/follow.json"));
        assertEquals(Optional.empty(), AgreementAnswer.fromActivity(follow));
    }

    @Test
    void anAgreementOnAnotherHostThanItsActorIsRefused() {
        ObjectNode json = offer().toActivity().toJson();
        ((ObjectNode) json.get("object")).put("id", "https://camp-a.example/agreements/forged");

        MalformedActivityException e = assertThrows(MalformedActivityException.class,
                () -> AgreementOffer.fromJson(json));
        assertEquals(MalformedActivityException.Reason.INVALID_SHAPE, e.reason());
        assertTrue(e.getMessage().contains("is not on the server of its actor"), e.getMessage());
    }

    @Test
    void brokenOffersAreRefusedWithAClearMessage() {
        ObjectNode noCommitment = offer().toActivity().toJson();
        ((ObjectNode) noCommitment.get("object")).remove("stipulates");
        assertTrue(assertThrows(MalformedActivityException.class, () -> AgreementOffer.fromJson(noCommitment))
                .getMessage().contains("has no embedded stipulates Commitment"));

        ObjectNode badSatisfies = offer().toActivity().toJson();
        ((ObjectNode) badSatisfies.get("object").get("stipulates")).put("satisfies", "javascript:alert(1)");
        assertTrue(assertThrows(MalformedActivityException.class, () -> AgreementOffer.fromJson(badSatisfies))
                .getMessage().contains("satisfies \"javascript:alert(1)\" is not an absolute"));

        ObjectNode hugeQuantity = offer().toActivity().toJson();
        ((ObjectNode) hugeQuantity.get("object").get("stipulates").get("resourceQuantity"))
                .put("hasNumericalValue", "1e12");
        assertTrue(assertThrows(MalformedActivityException.class, () -> AgreementOffer.fromJson(hugeQuantity))
                .getMessage().contains("over the limit"));

        ObjectNode plainOffer = offer().toActivity().toJson();
        plainOffer.put("object", "https://camp-b.example/things/1");
        assertFalse(AgreementOffer.isAgreementOffer(plainOffer));
        assertTrue(assertThrows(MalformedActivityException.class, () -> AgreementOffer.fromJson(plainOffer))
                .getMessage().contains("is not an Offer of an embedded Agreement"));
    }
}
