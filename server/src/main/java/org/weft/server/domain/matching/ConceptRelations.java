package org.weft.server.domain.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Which concepts answer which, worked out once from the taxonomy so that scoring a candidate is a map
 * lookup rather than a walk up the hierarchy. A request is answered by an offer of the same concept, of
 * a narrower one, or of a broader one (in that order of preference), and, more weakly, by an offer of a concept the
 * taxonomy marks as related (SKOS {@code related}: filling in forms and tech help). Siblings with no such link and
 * unrelated concepts do not answer it, and "other" answers nothing, since it says nothing about what is given.
 */
final class ConceptRelations {
    /** How an offered concept stands to a requested one. */
    enum Relation { SAME, NARROWER_OFFER, BROADER_OFFER, RELATED }

    private final Map<String, Map<String, Relation>> byRequested = new HashMap<>();
    private final Map<String, List<String>> related = new HashMap<>();

    ConceptRelations(Taxonomy taxonomy) {
        String other = taxonomy.other().uri();
        for (Concept requested : taxonomy.all()) {
            if (requested.uri().equals(other)) {
                continue;
            }
            Map<String, Relation> answers = new HashMap<>();
            for (Concept offered : taxonomy.all()) {
                if (offered.uri().equals(other) || taxonomy.distance(requested, offered) > 1
                        || taxonomy.distance(requested, offered) < 0) {
                    continue;
                }
                Relation relation = offered.id().equals(requested.id()) ? Relation.SAME
                        : taxonomy.isSameOrBroader(requested, offered) ? Relation.NARROWER_OFFER : Relation.BROADER_OFFER;
                answers.put(offered.uri(), relation);
            }
            for (String id : requested.related()) {
                taxonomy.byId(id).ifPresent(offered -> answers.put(offered.uri(), Relation.RELATED));
            }
            byRequested.put(requested.uri(), Map.copyOf(answers));
            related.put(requested.uri(), List.copyOf(answers.keySet()));
        }
    }

    /** The relation of an offered concept to a requested one, or null when the offer does not answer it. */
    Relation relation(String requestedUri, String offeredUri) {
        Map<String, Relation> answers = byRequested.get(requestedUri);
        return answers == null ? null : answers.get(offeredUri);
    }

    /**
     * The concepts that answer this one or that it answers (itself, its parent, its children, the concepts marked related
     * to it); symmetric, so it serves both purposes.
     */
    List<String> related(String conceptUri) {
        return related.getOrDefault(conceptUri, List.of());
    }
}
