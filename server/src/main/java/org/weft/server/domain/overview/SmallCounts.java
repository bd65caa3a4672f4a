package org.weft.server.domain.overview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The privacy rule of the overview (issue 18 item 2). A count above 0 and under the threshold N is shown as "fewer than
 * N". Every other count is shown rounded to the nearest multiple of N (halves up, never below N), so that two figures
 * that differ by a small group (the instance's overview and one community's, a community's with and without its
 * linked communities, or the same overview a minute apart) never give that group's number by subtraction: from two
 * rounded counts the difference is only known to within N - 1 either way, which leaves every number from 0 or 1 to
 * N - 1 possible for a small one. A total is the rounded total when none of its parts is hidden, else "at least" the
 * parts shown, rounded down, so that the total less the parts shown does not give the hidden ones. With a threshold of
 * 1 every count is exact. docs/open-data.md states the rule.
 */
final class SmallCounts {
    private final int threshold;

    SmallCounts(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The overview's threshold must be at least 1, got " + threshold);
        }
        this.threshold = threshold;
    }

    Cell cell(long count) {
        if (count > 0 && count < threshold) {
            return new Cell(0, true);
        }
        return new Cell(round(count), false);
    }

    /** {@code count} to the nearest multiple of the threshold, halves up; 0 stays 0 and a count at or above it never
     *  goes under it. */
    long round(long count) {
        if (count == 0) {
            return 0;
        }
        long rounded = (count + threshold / 2) / threshold * threshold;
        return Math.max(threshold, rounded);
    }

    /**
     * The total {@code count} of which these true counts are the parts, shown: the rounded total when no part is hidden
     * here nor in {@code others} (another breakdown of the same proposals, shown on the same page), else "at least"
     * the smaller of the two sums of the parts shown, rounded down to a multiple of the threshold, which says no more
     * than the cells themselves.
     */
    Total total(long count, Collection<Long> parts, Collection<Long> others) {
        boolean anyHidden = parts.stream().anyMatch(this::hides) || others.stream().anyMatch(this::hides);
        if (!anyHidden) {
            return new Total(round(count), true);
        }
        long shown = Math.min(shownSum(parts), shownSum(others));
        long atLeast = Math.min(shown, count);
        return new Total(atLeast / threshold * threshold, false);
    }

    private boolean hides(long count) {
        return count > 0 && count < threshold;
    }

    private long shownSum(Collection<Long> counts) {
        return counts.stream().filter(c -> !hides(c)).mapToLong(Long::longValue).sum();
    }

    /**
     * Rows from true counts by key (each map: requests and offers), keys in the order given.
     */
    List<Row> rows(List<String> keys, Map<String, Long> requests, Map<String, Long> offers) {
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new Row(key, cell(requests.getOrDefault(key, 0L)), cell(offers.getOrDefault(key, 0L))));
        }
        return rows;
    }

    int threshold() {
        return threshold;
    }
}
