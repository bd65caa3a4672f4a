package org.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.weft.bench.report.Machine;
import org.weft.bench.report.MarkdownReport;
import org.weft.bench.report.Results;

/**
 * Writes BENCHMARKS.md after every step, not only at the end: on a shared machine a run can be stopped
 * by someone else (SIGTERM), and what was measured until then should still be on disk, marked as
 * incomplete.
 */
final class Publisher {
    private final BenchSettings settings;
    private final Machine machine;
    private final List<String> yardstickLines;
    private final Results results;
    private final long startedNanos = System.nanoTime();
    private volatile boolean finished;

    Publisher(BenchSettings settings, Machine machine, List<String> yardstickLines, Results results) {
        this.settings = settings;
        this.machine = machine;
        this.yardstickLines = yardstickLines;
        this.results = results;
    }

    /** Also writes the report, marked as interrupted, if the JVM is stopped before {@link #finish()}. */
    void writeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                write("**Incomplete: this run was stopped before the end** (SIGTERM or Ctrl-C); rows of the steps that"
                        + " had not run yet are missing.");
            }
        }, "bench-report-on-exit"));
    }

    /** After each step: the report so far. */
    void progress() {
        write("**Incomplete: the run was still going when this was written**; later steps are missing.");
    }

    void finish() {
        finished = true;
        write(null);
    }

    long elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private synchronized void write(String status) {
        try {
            String analysis = settings.analysis() != null && Files.exists(settings.analysis())
                    ? Files.readString(settings.analysis()) : null;
            List<String> context = new ArrayList<>();
            if (status != null) {
                context.add(status);
            }
            context.addAll(settings.context());
            context.add("Load average when this was written: " + Machine.loadNow());
            List<String> lines;
            synchronized (yardstickLines) {
                lines = List.copyOf(yardstickLines);
            }
            MarkdownReport.write(settings.output(), machine, context, lines, results, elapsedSeconds(), analysis);
        } catch (IOException e) {
            System.err.println("bench: could not write " + settings.output() + ": " + e.getMessage());
        }
    }
}
