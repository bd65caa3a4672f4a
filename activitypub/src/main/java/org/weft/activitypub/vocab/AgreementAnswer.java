package org.weft.activitypub.vocab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A proposer's answer to an {@link AgreementOffer}: {@code Accept} (with {@code result} = the Agreement's id) or
 * {@code Reject}, whose {@code object} is the Offer's id or the Offer itself.
 *
 * @param id          the Accept or Reject's id
 * @param actor       the proposer who answered
 * @param accepted    true for Accept
 * @param offerId     the Offer answered
 * @param agreementId the {@code result}, or the embedded Offer's Agreement id, or null
 */
public record AgreementAnswer(String id, String actor, boolean accepted, String offerId, String agreementId) {

    /** Checks the required ids. */
    public AgreementAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(offerId, "offerId");
    }

    /**
     * The answer as the proposer sends it, to the responder: {@code {type: Accept, actor, object: offerId,
     * result: agreementId, to: [responder]}}, or a Reject without {@code result}.
     *
     * @param responder the Offer's actor, to whom the answer goes
     * @return the activity
     */
    public Activity toActivity(String responder) {
        String type = accepted ? "Accept" : "Reject";
        Activity plain = new Activity(id, type, actor, ObjectRef.of(offerId), null, List.of(responder), List.of(), null,
                null);
        ObjectNode raw = plain.toJson();
        if (accepted) {
            raw.put("result", agreementId);
        }
        return new Activity(id, type, actor, plain.object(), null, plain.to(), List.of(), null, raw);
    }

    /**
     * Reads an Accept or Reject as an answer to an Offer. An Accept of a Follow (embedded) is not one; an answer
     * naming its object by id only may be either, so the caller checks {@link #offerId()} against the Offers it
     * sent, and that {@link #actor()} is the proposer it sent the Offer to.
     *
     * @param activity a received activity
     * @return the answer, or empty for other activities and for Accepts of an embedded non-Offer
     */
    public static Optional<AgreementAnswer> fromActivity(Activity activity) {
        boolean accept = "Accept".equals(activity.type());
        if (!accept && !"Reject".equals(activity.type()) || activity.object() == null
                || activity.object().id() == null) {
            return Optional.empty();
        }
        ObjectRef object = activity.object();
        if (object.isEmbedded() && !"Offer".equals(object.type().orElse(null))) {
            return Optional.empty();
        }
        String agreement = JsonValues.idOf(activity.raw().get("result"));
        if (agreement == null && object.isEmbedded()) {
            agreement = JsonValues.idOf(object.embedded().get().get("object"));
        }
        return Optional.of(new AgreementAnswer(activity.id(), activity.actor(), accept, object.id(), agreement));
    }
}
