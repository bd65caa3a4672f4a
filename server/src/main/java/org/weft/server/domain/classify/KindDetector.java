package org.weft.server.domain.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;

/**
 * Gift, loan or time. Services (childcare, lifts, repairs…) are time whatever the wording; otherwise loan words
 * ("lend", "prêter", "позичити", "أعير", "امانت") make a loan, give-away words a gift, and failing both the concept's
 * usual kind decides (a pram is usually lent, bread given). Nothing at all: no kind.
 */
final class KindDetector {

    private final Taxonomy taxonomy;
    private final Map<String, HelpKind> conceptKinds;
    private final CueSet phrases;

    KindDetector(Taxonomy taxonomy, Map<String, HelpKind> conceptKinds, CueSet phrases) {
        this.taxonomy = taxonomy;
        this.conceptKinds = conceptKinds;
        this.phrases = phrases;
    }

    /** What the post's kind words say: the labels ("gift", "loan", "time") of the kind phrases found in it. */
    Set<String> cues(List<Token> tokens, Optional<String> language) {
        Set<String> cues = new HashSet<>();
        phrases.find(tokens, language).forEach(hit -> cues.add(hit.label()));
        return cues;
    }

    /** @param cues the post's kind words, as {@link #cues} gives them */
    Optional<HelpKind> detect(Set<String> cues, Concept topConcept) {
        Optional<HelpKind> usual = usualKind(topConcept);
        if (usual.equals(Optional.of(HelpKind.TIME))) {
            return usual;
        }
        if (cues.contains("loan")) {
            return Optional.of(HelpKind.LOAN);
        }
        if (cues.contains("gift")) {
            return Optional.of(HelpKind.GIFT);
        }
        if (usual.isPresent()) {
            return usual;
        }
        return cues.contains("time") ? Optional.of(HelpKind.TIME) : Optional.empty();
    }

    /**
     * Whether the post's kind words speak against the concept: they name gift or loan for a concept that is a
     * service (time), or only time for a concept usually given or lent. "Giving away a cot" read as babysitting,
     * or "I can drive" read as a bicycle, are mostly wrong concepts.
     */
    boolean disagrees(Set<String> cues, Concept topConcept) {
        Optional<HelpKind> usual = usualKind(topConcept);
        if (usual.isEmpty()) {
            return false;
        }
        if (usual.get() == HelpKind.TIME) {
            return cues.contains("gift") || cues.contains("loan");
        }
        return cues.equals(Set.of("time"));
    }

    /** The kind listed for the concept or, failing that, for its nearest ancestor. */
    Optional<HelpKind> usualKind(Concept concept) {
        HelpKind kind = conceptKinds.get(concept.id());
        for (Concept ancestor : taxonomy.ancestors(concept)) {
            if (kind != null) {
                break;
            }
            kind = conceptKinds.get(ancestor.id());
        }
        return Optional.ofNullable(kind);
    }
}
