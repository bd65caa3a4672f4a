package org.weft.server.federation;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.proposal.ProposalWire;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.OutboundActivityRepository;
import org.weft.server.persistence.ProposalRepository;

/**
 * One item of an outbox as it is true now. An {@code Announce} only names its post, so it is served as sent. A
 * {@code Create} keeps its id, actor and addressing, but carries its object as it is now: a proposal as its URL
 * serves it (so an edited title never shows in its old wording), a poll as the newest Update its followers got.
 * The outbox lists no Updates: each would repeat an older version of the text.
 */
final class OutboxItems {
    private final ProposalWire wire;

    OutboxItems(ProposalWire wire) {
        this.wire = wire;
    }

    JsonNode now(Session s, OutboundActivityEntity activity) {
        JsonNode sent = parse(activity);
        if (!"Create".equals(activity.getActivityType()) || !(sent instanceof ObjectNode create)) {
            return sent;
        }
        currentObject(s, activity).ifPresent(object -> create.set("object", object));
        return create;
    }

    private Optional<JsonNode> currentObject(Session s, OutboundActivityEntity create) {
        Optional<JsonNode> proposal = ProposalRepository.byUri(s, create.getObjectUri())
                .map(p -> wire.toWire(p).toJson());
        if (proposal.isPresent()) {
            return proposal;
        }
        return OutboundActivityRepository.newestUpdate(s, create.getActor(), create.getObjectUri())
                .map(update -> parse(update).get("object"));
    }

    private static JsonNode parse(OutboundActivityEntity activity) {
        try {
            return PlainJson.read(activity.getBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored activity " + activity.getActivityUri() + " is not JSON", e);
        }
    }
}
