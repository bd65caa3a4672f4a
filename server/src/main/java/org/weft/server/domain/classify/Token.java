package org.weft.server.domain.classify;

/**
 * One normalised word of a post.
 *
 * @param text   the normalised word
 * @param script its writing system
 * @param clause index of the clause it sits in (clauses end at . , ; : ! ? and their Arabic forms), so that a
 *               negation in "no food, but blankets" does not reach past the comma
 */
record Token(String text, Script script, int clause) {
}
