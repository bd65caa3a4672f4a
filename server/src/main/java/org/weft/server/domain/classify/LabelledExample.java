package org.weft.server.domain.classify;

import java.util.List;
import java.util.Optional;

import org.weft.server.model.Purpose;

/**
 * A post whose reading a person wrote down, kept so that new posts can be read by the labelled posts nearest to them
 * ({@link ExampleIndex}).
 *
 * @param id       {@code <language>-<number>}; posts with the same number are one scene told in several languages
 * @param language the language it is written in (en, ar, fr, es, uk, fa)
 * @param purpose  offer or request; empty for a post that is neither
 * @param needs    one entry per need, each the concept ids that rightly describe it, the intended one first; empty
 *                 when no concept applies or the post has no purpose
 * @param text     the post as written
 */
record LabelledExample(String id, String language, Optional<Purpose> purpose, List<List<String>> needs, String text) {

    LabelledExample {
        needs = needs.stream().map(List::copyOf).toList();
    }

    /** The intended concept of each need, in the order the needs are labelled. */
    List<String> intendedConcepts() {
        return needs.stream().filter(n -> !n.isEmpty()).map(n -> n.get(0)).toList();
    }
}
