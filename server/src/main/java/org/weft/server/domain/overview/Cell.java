package org.weft.server.domain.overview;

/**
 * One count as it may be shown: the number rounded to a multiple of the threshold, or only that it is fewer than the
 * threshold ({@code hidden}), by {@link SmallCounts}. A hidden cell's {@link #shown} is 0 and its true count never
 * leaves this package's callers' hands through it.
 *
 * @param shown  the count rounded to the nearest multiple of the threshold, or 0 when hidden
 * @param hidden whether the count is above 0 and under the threshold, shown as "fewer than N"
 */
public record Cell(long shown, boolean hidden) {
}
