package org.weft.server.domain.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * The classifier's readings of a held post as they are kept with it ({@code proposal.readings}, V85), so the
 * moderation queue shows them without classifying the post again: a JSON array of
 * {@code {"purpose": "request", "concepts": ["childcare", "babysitting"], "kind": "TIME"}}, concepts by taxonomy id.
 */
public final class HeldReadings {
    private static final Logger LOG = Logger.getLogger(HeldReadings.class.getName());
    private final Taxonomy taxonomy;

    public HeldReadings(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public static String write(List<PostReading> readings) {
        ArrayNode all = PlainJson.array();
        for (PostReading r : readings) {
            ObjectNode one = all.addObject();
            one.put("purpose", r.purpose().wire());
            ArrayNode concepts = one.putArray("concepts");
            r.concepts().forEach(c -> concepts.add(c.id()));
            r.kind().ifPresent(k -> one.put("kind", k.name()));
        }
        return all.toString();
    }

    /**
     * The readings kept, in order; a reading whose purpose or every concept this taxonomy no longer knows is left out
     * (the queue and a moderator's choice by number read the same list). Empty for null, and for a value that is not
     * readings at all: the post then waits with "put on the board" and "keep off" only, and the rest of the queue
     * still shows, rather than one damaged row taking the whole page down.
     */
    public List<PostReading> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode all;
        try {
            all = PlainJson.read(json);
        } catch (JsonProcessingException e) {
            LOG.warning(() -> "Readings kept with a post are not JSON; shown without them: " + e.getOriginalMessage());
            return List.of();
        }
        List<PostReading> readings = new ArrayList<>();
        for (JsonNode one : all) {
            Optional<Purpose> purpose = Purpose.fromWire(one.path("purpose").asText(""));
            List<Concept> concepts = new ArrayList<>();
            one.path("concepts").forEach(id -> taxonomy.byId(id.asText()).ifPresent(concepts::add));
            Optional<HelpKind> kind = one.hasNonNull("kind") ? kindNamed(one.path("kind").asText()) : Optional.empty();
            if (purpose.isPresent() && !concepts.isEmpty()) {
                readings.add(new PostReading(purpose.get(), concepts, kind));
            }
        }
        return readings;
    }

    private static Optional<HelpKind> kindNamed(String name) {
        for (HelpKind k : HelpKind.values()) {
            if (k.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
