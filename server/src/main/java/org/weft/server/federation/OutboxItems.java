package org.weft.server.federation;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.proposal.ProposalWire;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.persistence.OutboundActivityRepository;
import org.weft.server.persistence.ProposalRepository;

/**
 * One item of an outbox as it is true now. An {@code Announce} only names its post, so it is served as sent. A
 * {@code Create} keeps its id, actor and addressing, but carries its object as it is now: a proposal as its URL
 * serves it (so an edited title never shows in its old wording), a poll as the newest Update its followers got.
 * The outbox lists no Updates: each would repeat an older version of the text.
 *
 * <p>A stored activity that cannot be read (not JSON, or not an activity: a damaged row, or one from a bug long
 * fixed) is no item: its page lists the others rather than failing for every reader, and the log names its row once
 * (by id only: the body may hold anything).
 */
final class OutboxItems {
    private static final Logger LOG = Logger.getLogger(OutboxItems.class.getName());
    /** Rows already named in the log; a crawler walking the pages again should not repeat them. */
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();
    private final ProposalWire wire;

    OutboxItems(ProposalWire wire) {
        this.wire = wire;
    }

    /** The item as it is now; empty when its stored activity cannot be read. */
    Optional<JsonNode> now(Session s, OutboundActivityEntity activity) {
        Optional<ObjectNode> sent = read(activity);
        if (sent.isEmpty() || !"Create".equals(activity.getActivityType())) {
            return sent.map(JsonNode.class::cast);
        }
        ObjectNode create = sent.get();
        currentObject(s, activity).ifPresent(object -> create.set("object", object));
        return Optional.of(create);
    }

    private Optional<JsonNode> currentObject(Session s, OutboundActivityEntity create) {
        Optional<JsonNode> proposal = ProposalRepository.byUri(s, create.getObjectUri())
                .map(p -> wire.toWire(p).toJson());
        if (proposal.isPresent()) {
            return proposal;
        }
        // An unreadable Update leaves the object as the Create carried it.
        return OutboundActivityRepository.newestUpdate(s, create.getActor(), create.getObjectUri())
                .flatMap(this::read).map(update -> update.get("object"));
    }

    private Optional<ObjectNode> read(OutboundActivityEntity activity) {
        try {
            return Optional.of(Activity.fromJson(PlainJson.read(activity.getBody())).toJson());
        } catch (IOException | RuntimeException e) {
            if (reported.add(activity.getId())) {
                LOG.warning("Stored outbound activity row " + activity.getId()
                        + " cannot be read as an activity; the outbox leaves it out");
            }
            return Optional.empty();
        }
    }
}
