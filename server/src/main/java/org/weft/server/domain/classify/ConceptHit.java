package org.weft.server.domain.classify;

/** Evidence that a post is about a concept: a word, a phrase or a hashtag, with its weight and where it was. */
record ConceptHit(String conceptId, double weight, int position) {
}
