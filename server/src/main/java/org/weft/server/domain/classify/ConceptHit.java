package org.weft.server.domain.classify;

/**
 * Evidence that a post is about a concept: a word, a phrase or a hashtag, with its weight and where it was.
 *
 * @param added whether the evidence is only a word added for the classifier ({@code conceptWords} in the cue file)
 *              rather than a label or synonym of the taxonomy or a category hashtag; such words were gathered from
 *              posts, so a concept found only through them is less sure
 */
record ConceptHit(String conceptId, double weight, int position, boolean added) {

    /** Evidence from the taxonomy's own words or a hashtag. */
    ConceptHit(String conceptId, double weight, int position) {
        this(conceptId, weight, position, false);
    }
}
