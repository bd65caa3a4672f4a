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
 * options: on a fresh data directory (migrations run), on an existing one, and on an existing one started by
 * {@code ./weft serve} itself, the script included, with the start-up cache it keeps. The yardstick is the bare
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
        // As an operator starts the server: ./weft serve, script and all, with the JVM's start-up cache it keeps in the
        // data directory. Its first start migrates and writes the cache, its second writes the cache again without
        // Flyway's classes in it, and the starts after read it.
        List<Double> cached = new ArrayList<>();
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            launcherStartOnce(db, launch, CACHE_WRITE_LIMIT);
            launcherStartOnce(db, launch, CACHE_WRITE_LIMIT);
            for (int i = 0; i < runs; i++) {
                cached.add(launcherStartOnce(db, launch, Duration.ofSeconds(15)));
            }
        }
        double bare = yardsticks.bareStartupMillis();
        for (var entry : List.of(Map.entry("fresh data (migrations run)", fresh), Map.entry("existing data", existing),
                Map.entry("existing data, ./weft serve with the start-up cache it keeps", cached))) {
            double median = median(entry.getValue());
            results.row(new Row("G5", label, "start-up to ready, " + entry.getKey() + " (median of " + runs + ")",
                    Fmt.ms(median), "bare Helidon process " + Fmt.ms(bare), Fmt.ratio(median, bare),
                    "≤ 2 s on the embedded default",
                    Verdict.atMost(median, 2_000, "ms")));
            results.note("G5", label + " " + entry.getKey() + " start-ups (ms): " + entry.getValue());
        }
    }

    private static double startOnce(BenchDatabase db, ServerLaunch launch) {
        int port = Ports.free();
        Path log = launch.logDir().resolve("startup-" + db.kind().name().toLowerCase() + ".log");
        ServerProcess server = ServerProcess.start(launch.javaOpts(), ServerProcess.weftServe(launch.serverJar()),
                WeftEnv.of(db, port, Map.of()), port, log, READY_LIMIT);
        try {
            return Math.round(server.startup().toNanos() / 1e5) / 10.0;
        } finally {
            server.stop(Duration.ofSeconds(15));
        }
    }

    /** One {@code ./weft serve} of the checkout's own launcher, exec to ready, stopped with {@code stopGrace}. */
    private static double launcherStartOnce(BenchDatabase db, ServerLaunch launch, Duration stopGrace) {
        int port = Ports.free();
        Path log = launch.logDir().resolve("startup-launcher-" + db.kind().name().toLowerCase() + ".log");
        ServerProcess server = ServerProcess.launcher(launch.launcher(), WeftEnv.of(db, port, Map.of()), port, log,
                READY_LIMIT);
        try {
            return Math.round(server.startup().toNanos() / 1e5) / 10.0;
        } finally {
            server.stop(stopGrace);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
