package org.weft.server.domain.overview;

/**
 * What became of the requests published in the last four weeks: met (fulfilled), promised (someone is on it) and
 * unmet (still open, or expired); withdrawn ones are in none. {@code total} sums the three.
 */
public record Outcomes(Cell met, Cell promised, Cell unmet, Total total) {
}
