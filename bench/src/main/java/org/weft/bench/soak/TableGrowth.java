package org.weft.bench.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * How fast each table grows once the run has settled: a least-squares line through its bytes against the activities
 * accepted, over the samples of the run's second half. The end-to-end figure (growth from before the warm-up to after
 * the drain, divided by every activity accepted) charges a table that the pruner holds level — the inbound rows go as
 * soon as they are processed, and InnoDB reuses their freed pages — as if its first minutes' rise went on for ever;
 * over a year what counts is the slope, which is about 0 for such a table and the real rate for one that keeps
 * growing. The first half is left out because that is where the plateaus are still being reached.
 *
 * @param table  the table's lower-case name, or {@link #ALL} for the sum of every table
 * @param trend  the line: slope in bytes per accepted activity, with its noise
 * @param first  the table's bytes at the first sample of the second half
 * @param last   its bytes at the last sample
 */
record TableGrowth(String table, Trend trend, long first, long last) {
    static final String ALL = "all tables";

    /** Every table's line over the second half, the steepest first, and the sum of all tables last. */
    static List<TableGrowth> secondHalf(List<Sample> samples) {
        List<Sample> half = samples.subList(samples.size() / 2, samples.size()).stream()
                .filter(s -> !s.tableBytes().isEmpty()).toList();
        TreeSet<String> names = new TreeSet<>();
        half.forEach(s -> names.addAll(s.tableBytes().keySet()));
        double[] accepted = half.stream().mapToDouble(Sample::accepted).toArray();
        List<TableGrowth> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(of(name, half, accepted, s -> s.tableBytes().getOrDefault(name, 0L)));
        }
        tables.sort(Comparator.comparingDouble((TableGrowth g) -> Double.isNaN(g.trend().slope()) ? 0 : g.trend().slope())
                .reversed());
        tables.add(of(ALL, half, accepted, s -> s.tableBytes().values().stream().mapToLong(Long::longValue).sum()));
        return tables;
    }

    private static TableGrowth of(String name, List<Sample> half, double[] accepted,
                                  ToLongFunction<Sample> bytes) {
        double[] values = half.stream().mapToDouble(s -> (double) bytes.applyAsLong(s)).toArray();
        return new TableGrowth(name, Trend.fit(accepted, values), half.isEmpty() ? 0 : bytes.applyAsLong(half.getFirst()),
                half.isEmpty() ? 0 : bytes.applyAsLong(half.getLast()));
    }
}
