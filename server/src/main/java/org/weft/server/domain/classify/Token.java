package org.weft.server.domain.classify;

import java.util.List;

/**
 * One word of a post as the analyzer of the post's language sees it.
 *
 * @param surface the word folded but not stemmed (case, diacritics and letter variants unified), for cue phrases
 *                and prefix patterns
 * @param terms   its stems or dictionary forms (a Ukrainian word can have several), never empty; the taxonomy's
 *                words are analysed the same way, so this is where a post and the vocabulary meet
 * @param script  its writing system
 * @param clause  index of the clause it sits in (clauses end at . , ; : ! ? and their Arabic forms, and at line
 *                breaks), so that a negation in "no food, but blankets" does not reach past the comma
 * @param start   offset of the word's first character in the text, so that {@link PostStructure} can tell which
 *                sentence, line or clause of the post it sits in
 */
record Token(String surface, List<String> terms, Script script, int clause, int start) {

    Token {
        terms = List.copyOf(terms);
    }

    /** Whether this word and {@code other} share a stem or a dictionary form. */
    boolean sharesTermWith(Token other) {
        for (String term : terms) {
            if (other.terms.contains(term)) {
                return true;
            }
        }
        return false;
    }
}
