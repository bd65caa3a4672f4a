package org.weft.bench.classify;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;

/**
 * G9: classify one free-text post, p99 ≤ 1 ms, beside Lucene's stock analyzer of the post's language on the same
 * posts. JMH, one fork, one thread, 3×1 s warm-up and 5×1 s measured in sample-time mode.
 */
public final class ClassifyLatency {
    static final double TARGET_P99_MS = 1.0;

    private ClassifyLatency() {
    }

    private static String micros(double value) {
        return Fmt.num(value) + " µs";
    }

    public static void run(Results results) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ClassifyBenchmarks.class.getName() + "\\.")
                .threads(1)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        Statistics classify = null;
        Statistics analyze = null;
        for (RunResult run : runs) {
            String label = run.getParams().getBenchmark();
            Statistics statistics = run.getPrimaryResult().getStatistics(); // microseconds per post
            if (label.endsWith(".classify")) {
                classify = statistics;
            } else if (label.endsWith(".analyzeOnly")) {
                analyze = statistics;
            }
        }
        if (classify == null || analyze == null) {
            throw new IllegalStateException("JMH returned no result for the classifier or the analyzer");
        }
        double p99 = classify.getPercentile(99) / 1000;
        double yardstickP99 = analyze.getPercentile(99) / 1000;
        results.row(new Row("G9", "—", "classify one free-text post (" + ClassifyBenchmarks.POSTS.size()
                + " posts in six languages, in turn; JMH sample time, 1 thread)",
                "p50 " + micros(classify.getPercentile(50)) + ", p99 " + micros(classify.getPercentile(99)),
                "Lucene's stock analyzer of the post's language alone: p50 " + micros(analyze.getPercentile(50))
                        + ", p99 " + micros(analyze.getPercentile(99)),
                Fmt.ratio(p99, yardstickP99), "p99 ≤ 1 ms", Verdict.atMost(p99, TARGET_P99_MS, "ms")));
        results.note("G9", String.format(java.util.Locale.ROOT, "classify: %d samples, mean %.1f µs, max %.1f µs;"
                + " analyzer alone: %d samples, mean %.1f µs", classify.getN(), classify.getMean(), classify.getMax(),
                analyze.getN(), analyze.getMean()));
    }
}
