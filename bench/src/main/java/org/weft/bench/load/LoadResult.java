package org.weft.bench.load;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What one load run did: how many requests completed (by status), how long it took, and the latency
 * distribution in microseconds. For open-loop runs latency starts at the intended send time.
 */
public record LoadResult(long completed, long failed, Map<Integer, Long> statuses, long elapsedNanos,
                         Histogram latencyMicros, double offeredPerSecond) {

    public LoadResult {
        statuses = new TreeMap<>(statuses);
    }

    /** Completed exchanges (any status) per second over the run. */
    public double throughput() {
        return completed / (elapsedNanos / 1e9);
    }

    /** Responses with this status per second over the run. */
    public double rateOf(int status) {
        return count(status) / (elapsedNanos / 1e9);
    }

    public long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    public String summary() {
        return String.format("%d done (%s), %d failed, %.0f/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms",
                completed, statuses, failed, throughput(), percentileMillis(50), percentileMillis(99),
                percentileMillis(99.9), maxMillis());
    }
}
