package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Turns concept evidence into a ranking, in two steps.
 *
 * <ol>
 *   <li>Families vote: all evidence under one top-level concept adds up, so "a pot of lentil soup, ten portions"
 *       is food (soup, lentils, portions) rather than kitchenware (pot), and "kids' shoes" is clothing.</li>
 *   <li>Within a family, evidence for a broader concept supports its narrower ones ("#food" and "bread" make bread),
 *       and an ancestor drops out when a narrower concept was mentioned.</li>
 * </ol>
 * Ties go to what was mentioned first: people lead with what they offer or need.
 */
final class ConceptRanker {

    /**
     * A ranked concept and the evidence behind it.
     *
     * @param score         its own evidence plus that of its mentioned ancestors
     * @param familyScore   all evidence under its top-level concept
     * @param firstPosition word index of its first mention (-1 for a hashtag)
     * @param family        id of its top-level concept
     * @param ownWords      whether a label or synonym of the taxonomy (or a hashtag) names it or a mentioned ancestor,
     *                      rather than only words added for the classifier
     */
    record Ranked(Concept concept, double score, double familyScore, int firstPosition, String family,
                  boolean ownWords) {
    }

    private final Taxonomy taxonomy;

    ConceptRanker(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    List<Ranked> rank(List<ConceptHit> hits) {
        Map<String, Double> own = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Double> family = new LinkedHashMap<>();
        Set<String> byOwnWords = new HashSet<>();
        for (ConceptHit hit : hits) {
            if (!hit.added()) {
                byOwnWords.add(hit.conceptId());
            }
            own.merge(hit.conceptId(), hit.weight(), Double::sum);
            first.merge(hit.conceptId(), hit.position(), Math::min);
            family.merge(topLevelId(concept(hit.conceptId())), hit.weight(), Double::sum);
        }
        List<Ranked> ranked = new ArrayList<>();
        for (String id : own.keySet()) {
            Concept concept = concept(id);
            if (hasMentionedDescendant(concept, own)) {
                continue;
            }
            double score = own.get(id);
            int position = first.get(id);
            boolean ownWords = byOwnWords.contains(id);
            for (Concept ancestor : taxonomy.ancestors(concept)) {
                score += own.getOrDefault(ancestor.id(), 0.0);
                position = Math.min(position, first.getOrDefault(ancestor.id(), Integer.MAX_VALUE));
                ownWords |= byOwnWords.contains(ancestor.id());
            }
            ranked.add(new Ranked(concept, score, family.get(topLevelId(concept)), position, topLevelId(concept),
                    ownWords));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::familyScore).reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
                .thenComparingInt(Ranked::firstPosition));
        return ranked;
    }

    private Concept concept(String id) {
        return taxonomy.byId(id).orElseThrow();
    }

    private String topLevelId(Concept concept) {
        List<Concept> ancestors = taxonomy.ancestors(concept);
        return ancestors.isEmpty() ? concept.id() : ancestors.get(ancestors.size() - 1).id();
    }

    private boolean hasMentionedDescendant(Concept concept, Map<String, Double> mentioned) {
        for (String id : mentioned.keySet()) {
            if (!id.equals(concept.id()) && taxonomy.isSameOrBroader(concept, concept(id))) {
                return true;
            }
        }
        return false;
    }
}
