package org.weft.bench.targets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbKind;
import org.weft.bench.db.DbServer;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.Ports;
import org.weft.bench.server.ServerProcess;
import org.weft.bench.server.WeftEnv;

/**
 * G5 start-up, exec to the first 200 from {@code /health}, of a separate process started with ./weft's JVM
 * options: on a fresh data directory (migrations run), on an existing one, and on an existing one with the start-up
 * cache that ./weft adds for {@code serve} (written by a run on the existing data, then read). The yardstick is the bare
 * Helidon route started the same way, whose idle resident size is also G4's yardstick.
 */
public final class Startup {
    private static final int RUNS = 3;
    /** G5's target is about the embedded default; MariaDB start-ups are context, measured once each. */
    private static final int MARIADB_RUNS = 1;
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    /** Writing the start-up cache when the first run exits takes seconds, more on a busy machine. */
    private static final Duration CACHE_WRITE_LIMIT = Duration.ofSeconds(120);

    private Startup() {
    }

    public static void yardstick(ServerLaunch launch, Yardsticks yardsticks, Results results) throws Exception {
        List<Double> times = new ArrayList<>();
        double rss = Double.NaN;
        for (int i = 0; i < RUNS; i++) {
            int port = Ports.free();
            try (ServerProcess bare = ServerProcess.start(launch.javaOpts(), ServerProcess.bareServer(port), Map.of(), port,
                    launch.logDir().resolve("bare-helidon.log"), READY_LIMIT)) {
                times.add(bare.startup().toNanos() / 1e6);
                if (i == RUNS - 1) {
                    Thread.sleep(Memory.SETTLE.toMillis());
                    rss = bare.rssMB();
                }
            }
        }
        yardsticks.bareStartupMillis(median(times));
        yardsticks.bareIdleRssMB(rss);
        results.note("G5", "bare Helidon process start-up (ms): " + times + "; idle RSS " + Fmt.num(rss) + " MB");
    }

    public static void run(DbServer dbServer, Path work, ServerLaunch launch, Yardsticks yardsticks, Results results)
            throws Exception {
        String label = dbServer.kind().label();
        int runs = dbServer.kind() == DbKind.H2 ? RUNS : MARIADB_RUNS;
        List<Double> fresh = new ArrayList<>();
        List<Double> existing = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
                fresh.add(startOnce(db, launch));
                if (i == runs - 1) {
                    for (int j = 0; j < runs; j++) {
                        existing.add(startOnce(db, launch));
                    }
                }
            }
        }
        // As ./weft starts the server: with the JVM's start-up cache, written by a run on a current schema (./weft
        // writes it again when the run that wrote it migrated, which would keep Flyway's classes in it) and read by
        // the runs after.
        List<Double> cached = new ArrayList<>();
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            startOnce(db, launch);
            List<String> training = startupCache(work, dbServer.kind(), true);
            startOnce(db, launch, training, CACHE_WRITE_LIMIT);
            for (int i = 0; i < runs; i++) {
                cached.add(startOnce(db, launch, startupCache(work, dbServer.kind(), false), Duration.ofSeconds(15)));
            }
        }
        double bare = yardsticks.bareStartupMillis();
        for (var entry : List.of(Map.entry("fresh data (migrations run)", fresh), Map.entry("existing data", existing),
                Map.entry("existing data, with the start-up cache ./weft keeps", cached))) {
            double median = median(entry.getValue());
            results.row(new Row("G5", label, "start-up to ready, " + entry.getKey() + " (median of " + runs + ")",
                    Fmt.ms(median), "bare Helidon process " + Fmt.ms(bare), Fmt.ratio(median, bare),
                    "≤ 2 s on the embedded default",
                    Verdict.atMost(median, 2_000, "ms")));
            results.note("G5", label + " " + entry.getKey() + " start-ups (ms): " + entry.getValue());
        }
    }

    private static double startOnce(BenchDatabase db, ServerLaunch launch) {
        return startOnce(db, launch, List.of(), Duration.ofSeconds(15));
    }

    private static double startOnce(BenchDatabase db, ServerLaunch launch, List<String> extraOpts, Duration stopGrace) {
        int port = Ports.free();
        Path log = launch.logDir().resolve("startup-" + db.kind().name().toLowerCase() + ".log");
        List<String> opts = new ArrayList<>(launch.javaOpts());
        opts.addAll(extraOpts);
        ServerProcess server = ServerProcess.start(opts, ServerProcess.weftServe(launch.serverJar()),
                WeftEnv.of(db, port, Map.of()), port, log, READY_LIMIT);
        try {
            return Math.round(server.startup().toNanos() / 1e5) / 10.0;
        } finally {
            server.stop(stopGrace);
        }
    }

    /**
     * The options ./weft's {@code startup_cache_opts} gives the server on this JDK: the AOT cache on Java 25 and
     * later (the first run writes it when it exits), the dynamic class-data archive before.
     */
    private static List<String> startupCache(Path work, DbKind kind, boolean firstRun) {
        String name = "weft-startup-" + kind.name().toLowerCase();
        if (Runtime.version().feature() >= 25) {
            Path file = work.resolve(name + ".aot");
            return List.of((firstRun ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + file, "-Xlog:aot*=error");
        }
        return List.of("-XX:SharedArchiveFile=" + work.resolve(name + ".jsa"), "-XX:+AutoCreateSharedArchive");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
