package org.weft.activitypub.vocab;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A FEP-0837 response to a proposal between Weft instances (and any FEP-0837 software): the responder {@code Offer}s
 * an {@code Agreement} whose {@code stipulates} Commitment {@code satisfies} the proposal's Intent; the proposer
 * answers with {@link #accept} or {@link #reject} (read back with {@link AgreementAnswer}).
 *
 * <pre>{@code
 * {"@context": [AS2, security/v1, {...Contexts.weft() terms, "Agreement": "vf:Agreement",
 *               "Commitment": "vf:Commitment", "stipulates": "vf:stipulates",
 *               "stipulatesReciprocal": "vf:stipulatesReciprocal",
 *               "satisfies": {"@id": "vf:satisfies", "@type": "@id"}}],
 *  "id": "https://camp-b.example/activities/offer/51",
 *  "type": "Offer",
 *  "actor": "https://camp-b.example/users/bilal",
 *  "object": {
 *    "type": "Agreement",
 *    "id": "https://camp-b.example/agreements/51",
 *    "stipulates": {
 *      "type": "Commitment",
 *      "id": "https://camp-b.example/agreements/51#primary",
 *      "satisfies": "https://camp-a.example/proposals/7f3c9a#primary",
 *      "action": "transfer",
 *      "resourceQuantity": {"hasUnit": "one", "hasNumericalValue": "2"}}},
 *  "content": "<p>Two bundles for our kitchen, please.</p>",
 *  "to": ["https://camp-a.example/users/amina"],
 *  "published": "2026-05-12T09:00:00Z"}
 * }</pre>
 *
 * <p>Gifts are the norm, so there is no {@code stipulatesReciprocal}; one that arrives is ignored. {@code content}
 * (optional) is the responder's message, on the Offer so that it stays out of the Agreement's terms. The Agreement's
 * id must be on the responder's server (the same {@link WebOrigin}), as Mastodon requires of a Create's object.
 *
 * @param offerId          the Offer activity's id
 * @param actor            the responder
 * @param proposer         the proposal's author, to whom the Offer goes
 * @param agreementId      the Agreement's id, on the responder's host
 * @param satisfies        the proposal's Intent id, {@code <proposal>#primary}
 * @param action           the ValueFlows action of the commitment, usually the Intent's
 * @param resourceQuantity how much of it the responder takes or gives, or null
 * @param content          the responder's message as HTML, or null
 * @param published        when it was sent, or null
 */
public record AgreementOffer(String offerId, String actor, String proposer, String agreementId, String satisfies,
                             String action, Quantity resourceQuantity, String content, Instant published) {

    /** Checks the ids and that the Agreement lives on the responder's host. */
    public AgreementOffer {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(proposer, "proposer");
        Intent.requireAbsoluteUri(Objects.requireNonNull(agreementId, "agreementId"), "agreement id");
        Intent.requireAbsoluteUri(Objects.requireNonNull(satisfies, "satisfies"), "satisfies");
        Intent.requireAction(action);
        if (!WebOrigin.same(agreementId, actor)) {
            throw new IllegalArgumentException("agreement " + agreementId + " is not on the server of its actor " + actor);
        }
        published = published == null ? null : published.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * An Offer answering a proposal, with the Intent's action.
     *
     * @param offerId          the Offer's id
     * @param actor            the responder
     * @param agreementId      the Agreement's id on the responder's host
     * @param proposal         the proposal answered
     * @param resourceQuantity how much, or null
     * @param content          the responder's message, or null
     * @param published        when, or null
     * @return the offer
     */
    public static AgreementOffer respondingTo(String offerId, String actor, String agreementId, ProposalNote proposal,
                                              Quantity resourceQuantity, String content, Instant published) {
        return new AgreementOffer(offerId, actor, proposal.attributedTo(), agreementId, proposal.primaryIntentId(),
                proposal.publishes().action(), resourceQuantity, content, published);
    }

    /**
     * The proposal this answers: {@code satisfies} without its fragment.
     *
     * @return the proposal's id
     */
    public String proposalId() {
        int hash = satisfies.indexOf('#');
        return hash < 0 ? satisfies : satisfies.substring(0, hash);
    }

    /**
     * The Offer activity, addressed to the proposer.
     *
     * @return the activity, whose JSON is shown in the type's documentation
     */
    public Activity toActivity() {
        ObjectNode agreement = JsonValues.NODES.objectNode();
        agreement.set("@context", Contexts.agreement());
        agreement.put("type", "Agreement");
        agreement.put("id", agreementId);
        ObjectNode commitment = agreement.putObject("stipulates");
        commitment.put("type", "Commitment");
        commitment.put("id", agreementId + Intent.PRIMARY_FRAGMENT);
        commitment.put("satisfies", satisfies);
        commitment.put("action", action);
        if (resourceQuantity != null) {
            commitment.set("resourceQuantity", resourceQuantity.toJson());
        }
        Activity plain = new Activity(offerId, "Offer", actor, ObjectRef.embed(agreement), null, List.of(proposer),
                List.of(), published, null);
        ObjectNode raw = plain.toJson();
        JsonValues.put(raw, "content", content);
        return new Activity(offerId, "Offer", actor, plain.object(), null, plain.to(), List.of(), published, raw);
    }

    /**
     * The proposer's Accept: {@code {type: Accept, actor: proposer, object: offerId, result: agreementId,
     * to: [responder]}}.
     *
     * @param acceptId the Accept's id
     * @return the activity
     */
    public Activity accept(String acceptId) {
        return new AgreementAnswer(acceptId, proposer, true, offerId, agreementId).toActivity(actor);
    }

    /**
     * The proposer's Reject: {@code {type: Reject, actor: proposer, object: offerId, to: [responder]}}.
     *
     * @param rejectId the Reject's id
     * @return the activity
     */
    public Activity reject(String rejectId) {
        return new AgreementAnswer(rejectId, proposer, false, offerId, agreementId).toActivity(actor);
    }

    /**
     * Whether an activity is an Offer of an embedded Agreement.
     *
     * @param activity any activity document
     * @return true when {@link #fromJson} applies
     */
    public static boolean isAgreementOffer(JsonNode activity) {
        if (activity == null || !activity.isObject() || !"Offer".equals(JsonValues.type(activity))) {
            return false;
        }
        JsonNode object = activity.get("object");
        return object != null && object.isObject() && "Agreement".equals(JsonValues.type(object));
    }

    /**
     * Reads a received Offer of an Agreement.
     *
     * @param activity the Offer document
     * @return the offer
     * @throws org.weft.activitypub.jsonld.MalformedActivityException ({@code INVALID_SHAPE}) when it is not an Offer
     *                                                                 of an Agreement, lacks {@code stipulates} or
     *                                                                 {@code satisfies}, or an id or quantity is
     *                                                                 invalid
     */
    public static AgreementOffer fromJson(JsonNode activity) {
        JsonValues.requireObject(activity, "offer");
        String id = JsonValues.required(activity, "id", "offer");
        if (!isAgreementOffer(activity)) {
            throw JsonValues.invalid("offer " + id + " is not an Offer of an embedded Agreement");
        }
        JsonNode agreement = activity.get("object");
        JsonNode commitment = agreement.get("stipulates");
        if (commitment != null && commitment.isArray()) {
            commitment = commitment.get(0);
        }
        if (commitment == null || !commitment.isObject()) {
            throw JsonValues.invalid("offer " + id + ": the Agreement has no embedded stipulates Commitment");
        }
        try {
            JsonNode quantity = commitment.get("resourceQuantity");
            String action = JsonValues.idOf(commitment.get("action"));
            return new AgreementOffer(id, JsonValues.required(activity, "actor", "offer " + id),
                    firstOf(activity.get("to"), "offer " + id + " is addressed to nobody"),
                    JsonValues.required(agreement, "id", "agreement"),
                    JsonValues.required(commitment, "satisfies", "Commitment"),
                    action == null ? "transfer" : action,
                    quantity == null || quantity.isNull() ? null : Quantity.fromJson(quantity),
                    JsonValues.text(activity, "content"), JsonValues.instant(activity, "published"));
        } catch (IllegalArgumentException e) {
            throw JsonValues.invalid("offer " + id + ": " + e.getMessage());
        }
    }

    private static String firstOf(JsonNode addresses, String message) {
        List<String> ids = JsonValues.addresses(addresses);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(message);
        }
        return ids.getFirst();
    }
}
