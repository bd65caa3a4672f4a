package org.weft.server.domain.classify;

import java.util.List;
import java.util.Optional;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * What the classifier made of a post.
 *
 * @param purpose    offer or request, if the post says
 * @param concepts   best first, at most three; {@code [other]} when nothing matched, never empty
 * @param kind       gift, loan or time, if it can tell
 * @param language   detected language code (en, ar, fr, es, uk, fa), if any
 * @param confidence 0..1, a heuristic: how much evidence there was for the concept and the purpose, not a probability
 */
public record Classification(Optional<Purpose> purpose, List<Concept> concepts, Optional<HelpKind> kind,
                             Optional<String> language, double confidence) {

    public Classification {
        if (concepts.isEmpty()) {
            throw new IllegalArgumentException("a classification always names a concept, \"other\" at least");
        }
        concepts = List.copyOf(concepts);
    }

    /** The best concept. */
    public Concept primary() {
        return concepts.get(0);
    }
}
