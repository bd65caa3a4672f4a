package org.weft.bench.load;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What a {@link SteadyLoad} saw in one interval: answers by status, requests that got no answer (connection
 * errors, timeouts), and their latencies in microseconds from the intended send time.
 */
public record IntervalReading(int expectedStatus, Map<Integer, Long> statuses, long failed, Histogram latencyMicros) {

    public IntervalReading {
        statuses = new TreeMap<>(statuses);
    }

    public long answered() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    public long succeeded() {
        return statuses.getOrDefault(expectedStatus, 0L);
    }

    /** Answers with another status than the expected one, plus requests that got no answer. */
    public long errors() {
        return answered() - succeeded() + failed;
    }

    /** The percentile in ms, or NaN when nothing was answered in the interval. */
    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}
