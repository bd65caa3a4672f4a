package org.weft.server.domain.classify;

import java.util.List;
import java.util.Optional;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * One way of reading a post that a moderator may confirm: what it offers or asks for and under which concepts.
 *
 * @param purpose  offer or request
 * @param concepts best first, one to three, never empty
 * @param kind     gift, loan or time, if the words tell
 */
public record PostReading(Purpose purpose, List<Concept> concepts, Optional<HelpKind> kind) {
    public PostReading {
        if (concepts.isEmpty() || concepts.size() > TextClassifier.MAX_CONCEPTS) {
            throw new IllegalArgumentException("a reading names one to three concepts");
        }
        concepts = List.copyOf(concepts);
    }
}
