package org.weft.server.domain.overview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The privacy rule of the overview (issue 18 item 2): a count above 0 and under the threshold is shown as "fewer than
 * N", and a total is exact only when none of the cells it sums is hidden (else "at least" the cells shown), so that no
 * hidden count can be worked out by subtraction.
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
        return Cell.of(count, threshold);
    }

    /**
     * The total {@code count} of which these are the parts: exact when no part is hidden here nor in {@code others}
     * (another breakdown of the same proposals, shown on the same page), else "at least" the smaller of the two sums
     * of the cells shown, which says no more than the cells themselves.
     */
    Total total(long count, Collection<Cell> parts, Collection<Cell> others) {
        boolean anyHidden = parts.stream().anyMatch(Cell::hidden) || others.stream().anyMatch(Cell::hidden);
        if (!anyHidden) {
            return new Total(count, true);
        }
        long shown = Math.min(parts.stream().mapToLong(Cell::shown).sum(), others.stream().mapToLong(Cell::shown).sum());
        return new Total(Math.min(shown, count), false);
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
