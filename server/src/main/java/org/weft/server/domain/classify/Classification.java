package org.weft.server.domain.classify;

import java.util.List;
import java.util.Optional;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * What the classifier made of a post.
 *
 * @param purpose    offer or request, if the post says
 * @param concepts   best first, at most three; {@code [other]} when nothing matched, never empty
 * @param kind       gift, loan or time, if it can tell
 * @param language   detected language code (en, ar, fr, es, uk, fa), if any
 * @param confidence 0..1, how much evidence there was for the concept and the purpose (see {@link TextClassifier});
 *                   a score to compare with {@link #SURE}, not a probability
 */
public record Classification(Optional<Purpose> purpose, List<Concept> concepts, Optional<HelpKind> kind,
                             Optional<String> language, double confidence) {

    /**
     * The confidence from which an offer or request goes on a board without a moderator; under it the post waits in
     * the moderation queue. 0.6 asks for two concept words or a phrase (a concept resting on one word never reaches
     * it, see {@link TextClassifier}) and a purpose signal. On the free-text parts tuned on it keeps 145 of the 150
     * posts that are neither offer nor request off the board and holds 22% of the offers and requests for a
     * moderator; on the second frozen third, 30 of 30 and 37% (docs/classifier-evaluation.md).
     */
    public static final double SURE = 0.6;

    public Classification {
        if (concepts.isEmpty()) {
            throw new IllegalArgumentException("a classification always names a concept, \"other\" at least");
        }
        concepts = List.copyOf(concepts);
    }

    /**
     * Whether the post may go on a board without a moderator: it offers or asks, it names a concept of the taxonomy,
     * and the evidence for both reaches {@link #SURE}. When unsure, a post waits for a moderator rather than matching
     * wrongly.
     */
    public boolean isSure() {
        return purpose.isPresent() && !primary().id().equals(Taxonomy.OTHER_ID) && confidence >= SURE;
    }

    /** The best concept. */
    public Concept primary() {
        return concepts.get(0);
    }
}
