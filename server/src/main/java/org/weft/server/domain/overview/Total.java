package org.weft.server.domain.overview;

/**
 * A total beside cells of which some may be hidden. Shown exactly, a total would give away a hidden cell (the total
 * less the cells shown), so where any cell it sums is hidden it is shown as "at least" the cells shown. Rounded, as
 * every count is ({@link SmallCounts}).
 *
 * @param value the total rounded to a multiple of the threshold when {@code exact}, else the sum of the cells shown
 *              rounded down to one
 * @param exact whether {@code value} is the total itself
 */
public record Total(long value, boolean exact) {
}
