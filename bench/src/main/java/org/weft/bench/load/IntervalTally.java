package org.weft.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

/**
 * The counters of a {@link SteadyLoad}, read interval by interval: each reading returns the latencies and the
 * statuses since the previous one. Thread-safe; the readings are not one atomic snapshot (a request answered
 * while a reading is taken may fall in either interval, never in both or neither).
 */
final class IntervalTally {
    private static final long MAX_LATENCY_MICROS = 120_000_000L;

    private final int expectedStatus;
    private final Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder succeeded = new LongAdder();

    IntervalTally(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    void answered(int status, long latencyNanos) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == expectedStatus) {
            succeeded.increment();
        }
        record(latencyNanos);
    }

    void failed(long latencyNanos) {
        failed.increment();
        record(latencyNanos);
    }

    long done() {
        return done.sum();
    }

    long succeededSoFar() {
        return succeeded.sum();
    }

    synchronized IntervalReading interval() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> {
            long count = n.sumThenReset();
            if (count > 0) {
                counts.put(status, count);
            }
        });
        return new IntervalReading(expectedStatus, counts, failed.sumThenReset(), recorder.getIntervalHistogram());
    }

    private void record(long latencyNanos) {
        recorder.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, latencyNanos / 1_000)));
        done.increment();
    }
}
