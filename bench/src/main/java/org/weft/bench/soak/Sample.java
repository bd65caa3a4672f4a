package org.weft.bench.soak;

import java.util.Map;

import org.weft.bench.load.IntervalReading;

/**
 * One reading of the soak, taken every sample interval: the server process, its heap, its database, and what each
 * load stream saw since the previous sample ({@code streams} is empty for the first sample, at the end of the
 * warm-up).
 *
 * @param minute   minutes since the end of the warm-up
 * @param accepted inbound activities answered 202 since the load started
 * @param tableBytes each table's bytes by its lower-case name ({@link DbGauge#tableBytes()}); empty where not read
 */
record Sample(double minute, double rssMB, int openFiles, JvmGauge.Reading jvm, long dbBytes, long accepted,
              DbGauge.Queues queues, Map<String, IntervalReading> streams, Map<String, Long> tableBytes) {

    /** A percentile of one stream in this interval, NaN when it had no answers (or for the first sample). */
    double millis(String stream, double percentile) {
        IntervalReading reading = streams.get(stream);
        return reading == null ? Double.NaN : reading.percentileMillis(percentile);
    }

    /** HTTP errors of every stream in this interval. */
    long httpErrors() {
        return streams.values().stream().mapToLong(IntervalReading::errors).sum();
    }
}
