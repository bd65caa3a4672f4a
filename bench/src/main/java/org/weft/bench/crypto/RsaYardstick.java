package org.weft.bench.crypto;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link RsaBenchmarks} with JMH (one fork, two threads, short iterations) and returns ops/s. */
public final class RsaYardstick {
    private RsaYardstick() {
    }

    /** Sign and verify throughput, each with two threads. */
    public record Rates(double signsPerSecond, double verifiesPerSecond) {
    }

    public static Rates measure() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RsaBenchmarks.class.getName() + "\\.")
                .threads(2)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double sign = 0;
        double verify = 0;
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore(); // ops per second, both threads together
            if (label.endsWith(".sign")) {
                sign = score;
            } else if (label.endsWith(".verify")) {
                verify = score;
            }
        }
        return new Rates(sign, verify);
    }
}
