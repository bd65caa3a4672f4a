package org.weft.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Thread-safe counters and latency recorder shared by the workers of one run. */
final class RunTally {
    private static final long MAX_LATENCY_MICROS = 120_000_000L;

    private final Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void success(int status, long latencyNanos) {
        completed.increment();
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        recorder.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, latencyNanos / 1_000)));
    }

    void failure(long latencyNanos) {
        failed.increment();
        recorder.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, latencyNanos / 1_000)));
    }

    long done() {
        return completed.sum() + failed.sum();
    }

    LoadResult result(long elapsedNanos, double offeredPerSecond) {
        Map<Integer, Long> counts = new HashMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.sum()));
        Histogram histogram = recorder.getIntervalHistogram();
        return new LoadResult(completed.sum(), failed.sum(), counts, elapsedNanos, histogram, offeredPerSecond);
    }
}
