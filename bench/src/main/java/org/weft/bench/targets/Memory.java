package org.weft.bench.targets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAccumulator;

import com.zaxxer.hikari.HikariDataSource;
import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.db.Seeder;
import org.weft.bench.load.ClosedLoopLoad;
import org.weft.bench.load.LoadResult;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.CpuShares;
import org.weft.bench.server.ServerProcess;
import org.weft.bench.server.WeftEnv;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.Database;

/**
 * G4 resident memory of a separate server process with ./weft's heap cap: idle after start-up, and the
 * peak while it takes G1-style inbox load (pre-signed POSTs, saturating), read from /proc/PID/status. The accepted
 * rate of that load's last 8,000 POSTs (after 15,500 of warm-up) is G1's row with the load generator in its own process,
 * with who used the cores meanwhile beside it ({@link CpuShares}); G8 then drains a backlog on the same
 * server, its board read meanwhile, with no collector or JIT shared with the load generator.
 */
public final class Memory {
    static final Duration SETTLE = Duration.ofSeconds(5);

    private Memory() {
    }

    public static void run(DbServer dbServer, Path work, ServerLaunch launch, InboxWorkload workload, Yardsticks yardsticks,
                           Results results) throws Exception {
        String label = dbServer.kind().label();
        List<Sender> senders = workload.senders();
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            int port = workload.port();
            try (Database database = Database.open(db.settings(), db.dataDir())) { // migrates, then seeds the senders
                Seeder.insertActors(database.dataSource(), senders.stream().map(Sender::actor).toList());
                // The community whose board G8 reads while this server's backlog drains.
                new LocalActorService(database, new LocalUrls(URI.create(WeftEnv.baseUrl(port))), Clock.systemUTC())
                        .createGroup(Backlog.COMMUNITY, "Camp", null);
            }
            try (ServerProcess server = ServerProcess.start(launch.javaOpts(), ServerProcess.weftServe(launch.serverJar()),
                    WeftEnv.of(db, port, Map.of()), port, launch.logDir().resolve("memory-" + db.kind().name().toLowerCase()
                            + ".log"), Duration.ofSeconds(60))) {
                Thread.sleep(SETTLE.toMillis());
                double idle = server.rssMB();
                List<byte[]> posts = workload.sustained();
                DoubleAccumulator peak = new DoubleAccumulator(Math::max, idle);
                AtomicBoolean loading = new AtomicBoolean(true);
                Thread sampler = Thread.ofPlatform().name("rss-sampler").start(() -> {
                    while (loading.get()) {
                        peak.accumulate(server.rssMB());
                        sleep(100);
                    }
                });
                ClosedLoopLoad closed = new ClosedLoopLoad("127.0.0.1", port, 32);
                // Warmed first: a fresh JVM spends its first seconds compiling on the cores the load needs (after the
                // in-process row's 1,500 POSTs of warm-up, its JIT compilers still took 0.56 of the 2 cores here). The
                // accept-alone and open-loop sets are the in-process row's, so they are new to this fresh database too.
                closed.run(workload.warmup(), workload.warmup().size(), Duration.ofSeconds(30));
                closed.run(workload.acceptOnly(), workload.acceptOnly().size(), Duration.ofSeconds(30));
                closed.run(workload.offered(), workload.offered().size(), Duration.ofSeconds(30));
                CpuShares cpu = CpuShares.start(server.pid());
                LoadResult load = closed.run(posts, posts.size(), Duration.ofSeconds(60));
                CpuShares.Used used = cpu.stop();
                loading.set(false);
                sampler.join();
                Thread.sleep(2_000);
                double after = server.rssMB();
                double bare = yardsticks.bareIdleRssMB();
                results.row(new Row("G4", label, "idle RSS (" + String.join(" ", launch.javaOpts().subList(0, 2)) + ")",
                        Fmt.num(idle) + " MB", "bare Helidon process, same flags: " + Fmt.num(bare) + " MB",
                        Fmt.ratio(idle, bare), "≤ 150 MB", Verdict.atMost(idle, 150, "MB")));
                results.row(new Row("G4", label, "peak RSS under G1 inbox load (" + Fmt.perSecond(load.rateOf(202))
                        + " accepted)", Fmt.num(peak.get()) + " MB", "bare Helidon idle " + Fmt.num(bare) + " MB",
                        Fmt.ratio(peak.get(), bare), "≤ 300 MB", Verdict.atMost(peak.get(), 300, "MB")));
                // The same load is G1 with the load generator in its own process (issue 17): the server has only
                // ./weft's heap and its own JIT and collector, not the bench JVM's, and the two share the cores by the
                // operating system's choice. The in-process row (InboxIngest) is kept for its JCA counts (G7).
                double accepted = load.rateOf(202);
                results.row(new Row("G1", label, "inbox accepted/s, saturating (32 connections), server in its own process"
                        + " with ./weft's options", Fmt.perSecond(accepted), yardsticks.insertsText(dbServer.kind()),
                        Fmt.ratio(accepted, yardsticks.inserts(dbServer.kind())) + " of inserts",
                        "≥ 3,000/s (stretch 5,000/s)", Verdict.atLeast(accepted, 3_000, "/s")));
                cpuPerPost(label, accepted, used, results);
                results.note("G4", String.format("%s: RSS idle %.0f MB, peak under load %.0f MB, 2 s after the load %.0f MB;"
                        + " the process under load: %s", label, idle, peak.get(), after, load.summary()));
                // One connection from here, kept for the drain: the pending count is read every 10 ms at its start.
                try (HikariDataSource database = oneConnection(db)) {
                    Backlog.drain(dbServer.kind(), new Backlog.Drained(port, database, ", server in its own process"),
                            accepted, results);
                }
            }
        }
    }

    /**
     * Why the row above falls short or not: the server's CPU per accepted POST (its inbound worker's share of that
     * time included, as it runs meanwhile) and the rate that cost allows were the server alone on every core. The
     * bench JVM's share is the load generator's and the mocks'. A diagnostic, not a target.
     */
    private static void cpuPerPost(String label, double accepted, CpuShares.Used used, Results results) {
        double cpuMillisPerPost = 1000 * used.server() / accepted;
        int cores = Runtime.getRuntime().availableProcessors();
        double alone = cores * 1000 / cpuMillisPerPost;
        results.row(new Row("G1", label, "server CPU per accepted POST, server in its own process (diagnostic)",
                String.format("%.3f ms (%.2f of %d cores)", cpuMillisPerPost, used.server(), cores),
                String.format("load generator and mocks %.2f cores, mariadbd %.2f, other %.2f, idle %.2f", used.bench(),
                        used.mariadb(), used.other(), used.idle()),
                "allows " + Fmt.perSecond(alone) + " on " + cores + " cores alone", "— (≥ 3,000/s is the row above's)",
                "—"));
        results.note("G1", label + " server in its own process: " + used.summary());
    }

    /** The separate server's database, reached from the bench with a pool of one connection. */
    private static HikariDataSource oneConnection(BenchDatabase db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(1);
        pool.setPoolName("bench-g8");
        return pool;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
