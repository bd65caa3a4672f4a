package org.weft.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.webserver.WebServer;
import org.weft.bench.classify.ClassifyLatency;
import org.weft.bench.crypto.CountingProvider;
import org.weft.bench.crypto.RsaYardstick;
import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbKind;
import org.weft.bench.db.DbServer;
import org.weft.bench.db.InsertYardstick;
import org.weft.bench.load.RawRequests;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Machine;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.server.BareHelidon;
import org.weft.bench.server.Ports;
import org.weft.bench.soak.Soak;
import org.weft.bench.targets.BoardPages;
import org.weft.bench.targets.BoardSearch100k;
import org.weft.bench.targets.CrashFanOut;
import org.weft.bench.targets.FanOut;
import org.weft.bench.targets.InboxIngest;
import org.weft.bench.targets.InboxWorkload;
import org.weft.bench.targets.Memory;
import org.weft.bench.targets.Overview100k;
import org.weft.bench.targets.ReadLatency;
import org.weft.bench.targets.ReadProbe;
import org.weft.bench.targets.Startup;
import org.weft.bench.targets.StorageFlood;
import org.weft.bench.targets.Yardsticks;

/**
 * Runs the suite in order (yardsticks first, then each target on each database, the soak last) and writes
 * BENCHMARKS.md. A target that fails is reported as not measured; the others still run.
 * {@code bare-server PORT} instead runs only the bare Helidon route, for the process yardsticks.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.US); // HTTP signature dates, as ./weft runs the server
        if (args.length == 2 && args[0].equals("bare-server")) {
            BareHelidon.start(Integer.parseInt(args[1]));
            Thread.currentThread().join();
            return;
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        CountingProvider.install();
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.work());
        Machine machine = Machine.describe();
        Results results = new Results();
        Yardsticks yardsticks = new Yardsticks();
        List<String> yardstickLines = Collections.synchronizedList(new ArrayList<>());
        Publisher publisher = new Publisher(settings, machine, yardstickLines, results);
        publisher.writeOnShutdown();
        results.onRow(publisher::progress);

        if (settings.runs("g9")) {
            // First: G9 brings its own yardstick (Lucene's analyzer, in the same JMH fork), and its fork's p99 was
            // 2-4 times worse, the analyzer's too, when it ran after the yardsticks' HTTP and insert loads.
            guard(results, "G9", null, () -> ClassifyLatency.run(results));
        }
        if (settings.runs("yardsticks")) {
            measureYardsticks(settings, yardsticks, yardstickLines, results);
        }
        InboxWorkload inboxLoad = settings.runs("g1") || settings.runs("g4") ? InboxWorkload.prepare(results) : null;
        for (DbServer db : settings.databases()) {
            if (settings.runs("g1")) {
                guard(results, "G1", db, () -> InboxIngest.run(db, settings.work(), inboxLoad, yardsticks, results));
            }
            if (settings.runs("g3")) {
                guard(results, "G3", db, () -> ReadLatency.run(db, settings.work(), yardsticks, results));
            }
            if (settings.runs("g2")) {
                guard(results, "G2", db, () -> FanOut.run(db, settings.work(), yardsticks, results));
            }
        }
        if (settings.runs("g5") || settings.runs("g4") || settings.runs("soak")) {
            guard(results, "G5", null, () -> Startup.yardstick(settings.launch(), yardsticks, results));
            yardstickLines.add("Bare Helidon route as its own process with the server's JVM options: start-up "
                    + Fmt.ms(yardsticks.bareStartupMillis()) + " (median of 3), idle RSS " + Fmt.num(yardsticks.bareIdleRssMB())
                    + " MB");
        }
        for (DbServer db : settings.databases()) {
            if (settings.runs("g4")) {
                guard(results, "G4", db, () -> Memory.run(db, settings.work(), settings.launch(), inboxLoad, yardsticks,
                        results));
            }
            if (settings.runs("g5")) {
                guard(results, "G5", db, () -> Startup.run(db, settings.work(), settings.launch(), yardsticks, results));
            }
        }
        for (DbServer db : settings.databases()) {
            if (settings.runs("g12")) {
                guard(results, "G12", db, () -> StorageFlood.run(db, settings.work(), settings.launch(), results));
            }
        }
        if (settings.runs("g14")) {
            // G14 is a MariaDB target (the planner that a busy instance runs on); H2 would add minutes of seeding.
            for (DbServer db : settings.databases()) {
                if (db.kind() == DbKind.MARIADB) {
                    guard(results, "G14", db, () -> BoardPages.run(db, settings.work(), results));
                }
            }
        }
        if (settings.runs("g11")) {
            // G11, like G14, is a MariaDB target.
            for (DbServer db : settings.databases()) {
                if (db.kind() == DbKind.MARIADB) {
                    guard(results, "G11", db, () -> Overview100k.run(db, settings.work(), results));
                }
            }
        }
        if (settings.runs("g10")) {
            // G10, like G14, is a MariaDB target.
            for (DbServer db : settings.databases()) {
                if (db.kind() == DbKind.MARIADB) {
                    guard(results, "G10", db, () -> BoardSearch100k.run(db, settings.work(), results));
                }
            }
        }
        if (settings.runs("crash")) {
            // One database after the other, though each waits out the 2-minute delivery lease: the duplicates are what
            // the server had in flight at the kill, and that grows when another server shares the cores (run at once,
            // 5.2 % on MariaDB in one run, 0.4 % alone on the same machine in the next).
            for (DbServer db : settings.databases()) {
                guard(results, "G2", db, () -> CrashFanOut.run(db, settings.work(), settings.launch(), results));
            }
        }
        if (settings.runs("soak")) {
            // Last: the longest part by far, and nothing else runs beside it.
            for (DbServer db : settings.databases()) {
                guard(results, "G15", db, () -> Soak.run(db, settings.work(), settings.launch(), settings.soak(), yardsticks,
                        results));
            }
        }
        if (inboxLoad != null) {
            inboxLoad.close();
        }
        publisher.finish();
        System.out.println("bench: wrote " + settings.output() + " after " + publisher.elapsedSeconds() + " s");
        System.exit(0); // in-process servers leave non-daemon threads behind
    }

    private static void measureYardsticks(BenchSettings settings, Yardsticks yardsticks, List<String> lines, Results results) {
        guard(results, "yardsticks", null, () -> {
            RsaYardstick.Rates rsa = RsaYardstick.measure();
            yardsticks.rsa(rsa);
            lines.add("RSA-2048 SHA256withRSA, 2 threads, JMH (1 fork, 2×1 s warm-up, 3×1 s): sign "
                    + Fmt.perSecond(rsa.signsPerSecond()) + ", verify " + Fmt.perSecond(rsa.verifiesPerSecond())
                    + " (docs: ~2,900 / ~80,000)");
        });
        for (DbServer db : settings.databases()) {
            guard(results, "yardsticks", db, () -> {
                try (BenchDatabase fresh = BenchDatabase.fresh(db, settings.work())) {
                    double rate = InsertYardstick.measure(fresh, Duration.ofSeconds(1), Duration.ofSeconds(5));
                    yardsticks.inserts(db.kind(), rate);
                    lines.add(db.kind().label() + " single-row autocommit INSERTs, 16 threads, plain JDBC: " + Fmt.perSecond(rate)
                            + (db.kind() == DbKind.MARIADB ? " (docs: ~23,000/s)" : ""));
                }
            });
        }
        guard(results, "yardsticks", null, () -> {
            WebServer bare = BareHelidon.start(Ports.free());
            try {
                String host = "127.0.0.1:" + bare.port();
                ReadProbe.Figures figures = ReadProbe.measure("127.0.0.1", bare.port(),
                        RawRequests.get(host, BareHelidon.PATH, "application/json"));
                yardsticks.bareHttp(figures);
                lines.add("Bare Helidon JSON route (in the bench process, same generator as G3): saturating "
                        + Fmt.perSecond(figures.saturated().throughput()) + " (docs: ~95,000/s); at 5,000/s offered p50 "
                        + Fmt.ms(figures.p50Millis()) + ", p99 " + Fmt.ms(figures.p99Millis()));
                results.note("yardsticks", "bare Helidon open-loop: " + figures.openLoop().summary());
                results.note("yardsticks", "bare Helidon saturating: " + figures.saturated().summary());
            } finally {
                bare.stop();
            }
        });
    }

    /** Runs one measurement; a failure becomes a "not measured" row instead of ending the run. */
    private static void guard(Results results, String id, DbServer db, Measurement measurement) {
        String label = db == null ? "—" : db.kind().label();
        try {
            measurement.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            results.row(new Row(id, label, "could not be measured", "—", "—", "—", "—",
                    "**not measured**: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A step of the suite. */
    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }
}
