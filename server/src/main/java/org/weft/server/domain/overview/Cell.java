package org.weft.server.domain.overview;

/**
 * One count as it may be shown: the number, or only that it is fewer than the threshold ({@code hidden}). A hidden
 * cell's {@link #shown} is 0 and its true count never leaves this package's callers' hands through it.
 *
 * @param shown  the count, or 0 when hidden
 * @param hidden whether the count is above 0 and under the threshold, shown as "fewer than N"
 */
public record Cell(long shown, boolean hidden) {
    /** {@code count} as shown under {@code threshold}: hidden when 0 < count < threshold. */
    static Cell of(long count, int threshold) {
        return count > 0 && count < threshold ? new Cell(0, true) : new Cell(count, false);
    }
}
