package org.weft.bench.targets;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DatabaseBytes;
import org.weft.bench.db.DbKind;
import org.weft.bench.db.DbServer;
import org.weft.bench.db.Seeder;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.Ports;
import org.weft.bench.server.ServerProcess;
import org.weft.bench.server.WeftEnv;
import org.weft.server.persistence.Database;

/**
 * G12, storage under a flood: 100 signed Likes of about 1 MB from one actor (hardening issue, case 2), against a
 * separate server process with ./weft's flags. Four steps on one database:
 * <ol>
 *   <li>quotas off, bodies kept (as for the first hours after processing): how much the database grows for the
 *       100 MB of bodies, at its peak while they are stored and processed;</li>
 *   <li>restarted with bodies kept 0 hours: the pruner's next run removes them and compacts; the size after;</li>
 *   <li>a second flood into the pruned database, pruned again: what the first flood's freed space is worth;</li>
 *   <li>the shipped quotas: how many of 100 are accepted and that the rest get 429 with Retry-After, while another
 *       server's actor is still accepted.</li>
 * </ol>
 * The yardstick is the bytes of the bodies kept. On MariaDB the tablespace files do not shrink (InnoDB reuses freed
 * pages instead); the row says how much of the file is in use and free, and step 3 shows the reuse.
 */
public final class StorageFlood {
    static final int FLOOD = 100;
    private static final Duration IDLE = Duration.ofSeconds(65);
    private static final Duration STABLE = Duration.ofSeconds(10);
    /**
     * Long enough on H2 for a body read less than five minutes before it was pruned (H2's LOB_TIMEOUT holds what a
     * query returned), plus the follow-up compactions; the second flood is pruned a minute after it was processed.
     */
    private static final Duration PRUNE_WAIT = Duration.ofSeconds(540);

    private StorageFlood() {
    }

    public static void run(DbServer dbServer, Path work, ServerLaunch launch, Results results) throws Exception {
        String label = dbServer.kind().label();
        Sender flooder = Sender.create("http://127.0.0.1:9", "flooder");
        Sender neighbour = Sender.create("http://127.0.0.2:9", "neighbour");
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            try (Database database = Database.open(db.settings(), db.dataDir())) {
                Seeder.insertActors(database.dataSource(), List.of(flooder.actor(), neighbour.actor()));
            }
            int port = Ports.free();
            Map<String, String> keep = new HashMap<>(WeftEnv.NO_INBOX_LIMITS);
            keep.put("WEFT_RETENTION_EVERY_MINUTES", "1");
            keep.put("WEFT_RETENTION_INBOUND_HOURS", "1");
            Map<String, String> prune = new HashMap<>(keep);
            prune.put("WEFT_RETENTION_INBOUND_HOURS", "0");
            double keptMb = FLOOD * (double) FloodRequests.BODY_BYTES / 1e6;

            // 1. The bodies kept.
            long baseline;
            Sizes first;
            FloodRequests.Answers flood1;
            try (ServerProcess server = start(launch, db, port, keep, "g12-keep")) {
                // The pruner's first run (one minute after start) compacts what start-up wrote: the baseline is after it.
                Thread.sleep(IDLE.toMillis());
                baseline = DatabaseBytes.onDisk(db);
                flood1 = FloodRequests.send(flooder, port, "a", FLOOD, FloodRequests.BODY_BYTES);
                first = watch(db, size -> false, STABLE, Duration.ofSeconds(120));
                requireAlive(server);
            }
            Stored afterFlood = stored(db, "a");

            // 2. Pruned, then 3. a second flood into the pruned database, pruned again.
            long pruned;
            long freeAfterPrune;
            Sizes second;
            long prunedAgain;
            FloodRequests.Answers flood2;
            try (ServerProcess server = start(launch, db, port, prune, "g12-prune")) {
                pruned = waitPruned(db, "a", baseline).last();
                freeAfterPrune = DatabaseBytes.freeForReuse(db);
                flood2 = FloodRequests.send(flooder, port, "b", FLOOD, FloodRequests.BODY_BYTES);
                second = watch(db, size -> false, STABLE, Duration.ofSeconds(120));
                prunedAgain = waitPruned(db, "b", baseline).last();
                requireAlive(server);
            }
            // What an operator who wants the disk back on MariaDB can do (Weft does not: docs/operating.md).
            long optimized = -1;
            long optimizeMillis = -1;
            if (db.kind() == DbKind.MARIADB) {
                long started = System.nanoTime();
                try (Connection c = db.connect()) {
                    c.createStatement().execute("OPTIMIZE TABLE inbound_activity");
                }
                optimizeMillis = (System.nanoTime() - started) / 1_000_000;
                optimized = DatabaseBytes.onDisk(db);
            }
            Stored afterPrune = stored(db, "a");

            // 4. The shipped quotas.
            FloodRequests.Answers quota;
            FloodRequests.Answers other;
            try (ServerProcess server = start(launch, db, port, Map.of(), "g12-quota")) {
                quota = FloodRequests.send(flooder, port, "c", FLOOD, FloodRequests.BODY_BYTES);
                other = FloodRequests.send(neighbour, port, "n", 1, 2_000);
                requireAlive(server);
            }
            Stored quotaStored = stored(db, "c");

            double growth = (first.peak() - baseline) / 1e6;
            results.row(new Row("G12", label, "database growth at its peak while 100 bodies of 1 MB from one actor are"
                    + " stored and processed (quotas off, bodies kept)", Fmt.num(growth) + " MB",
                    "bodies kept: " + Fmt.num(keptMb) + " MB", Fmt.ratio(growth, keptMb), "≤ 1.5× the bytes kept",
                    Verdict.atMost(growth / keptMb, 1.5, "×")));
            boolean innodb = db.kind() == DbKind.MARIADB;
            double target = baseline / 1e6 * 1.05 + 1;
            results.row(new Row("G12", label, innodb
                    ? "tablespace files after the pruner's run (InnoDB keeps the freed pages for new rows; Weft runs no"
                            + " OPTIMIZE)"
                    : "file after the pruner's run and its follow-up compactions (bodies removed, file compacted)",
                    Fmt.num(pruned / 1e6) + " MB" + (innodb ? ", of which " + Fmt.num(freeAfterPrune / 1e6)
                            + " MB free for reuse" : ""),
                    "before the flood: " + Fmt.num(baseline / 1e6) + " MB", Fmt.ratio(pruned / 1e6, baseline / 1e6),
                    "back to baseline (within 5% + 1 MB)", Verdict.atMost(pruned / 1e6, target, "MB")));
            if (innodb) {
                results.row(new Row("G12", label, "tablespace files after OPTIMIZE TABLE inbound_activity (an operator's"
                        + " choice; took " + Fmt.ms(optimizeMillis) + ")", Fmt.num(optimized / 1e6) + " MB",
                        "before the flood: " + Fmt.num(baseline / 1e6) + " MB", Fmt.ratio(optimized / 1e6, baseline / 1e6),
                        "back to baseline (within 5% + 1 MB)", Verdict.atMost(optimized / 1e6, target, "MB")));
            }
            double growth2 = (second.peak() - pruned) / 1e6;
            results.row(new Row("G12", label, "a second flood of 100 × 1 MB into the pruned database: growth at its peak",
                    Fmt.num(growth2) + " MB", "the first flood's growth " + Fmt.num(growth) + " MB", Fmt.ratio(growth2, growth),
                    "— (freed space reused)", "after pruning again: " + Fmt.num(prunedAgain / 1e6) + " MB on disk"));
            int fit = (int) (16L * 1024 * 1024 / FloodRequests.BODY_BYTES);
            boolean quotaHeld = quota.count(202) == fit && quota.count(429) == FLOOD - fit
                    && quota.retryAfterSeconds().size() == FLOOD - fit && other.count(202) == 1 && quotaStored.rows() == fit;
            results.row(new Row("G12", label, "100 × 1 MB from one actor with the shipped quotas: accepted / 429",
                    quota.count(202) + " / " + quota.count(429) + " (Retry-After " + range(quota.retryAfterSeconds()) + " s)",
                    "quota 16 MiB an hour = " + fit + " of them", "—", "429 past the quota, nothing stored",
                    quotaHeld ? "target met" : "**missed**: " + quota.statuses() + ", stored " + quotaStored.rows()
                            + ", other actor " + other.statuses()));
            results.note("G12", String.format("%s: flood 1 answered %s in %.1f s; %d rows stored, %d with their body;"
                            + " baseline %.1f MB, peak %.1f MB, settled %.1f MB", label, flood1.statuses(),
                    flood1.took().toMillis() / 1e3, afterFlood.rows(), afterFlood.withBody(), baseline / 1e6, first.peak() / 1e6,
                    first.last() / 1e6));
            results.note("G12", String.format("%s: after the pruner's run %.1f MB on disk%s; the 100 rows are kept without"
                            + " their bodies (%d rows, %d with a body), remembering the ids", label, pruned / 1e6,
                    innodb ? String.format(", of which %.1f MB free for reuse", freeAfterPrune / 1e6) : "",
                    afterPrune.rows(), afterPrune.withBody()));
            results.note("G12", String.format("%s: flood 2 answered %s; peak %.1f MB, then %.1f MB after pruning", label,
                    flood2.statuses(), second.peak() / 1e6, prunedAgain / 1e6));
            results.note("G12", String.format("%s: shipped quotas: %s, %d stored; Retry-After %s s; a small Like from"
                    + " another server's actor meanwhile: %s", label, quota.statuses(), quotaStored.rows(),
                    range(quota.retryAfterSeconds()), other.statuses()));
        }
    }

    private static ServerProcess start(ServerLaunch launch, BenchDatabase db, int port, Map<String, String> overrides,
                                       String name) {
        return ServerProcess.start(launch.javaOpts(), ServerProcess.weftServe(launch.serverJar()),
                WeftEnv.shipped(db, port, overrides), port,
                launch.logDir().resolve(name + "-" + db.kind().name().toLowerCase() + ".log"), Duration.ofSeconds(60));
    }

    private static void requireAlive(ServerProcess server) {
        if (!server.isAlive()) {
            throw new IllegalStateException("the server died during the flood");
        }
    }

    /** Peak and last size while watching. */
    private record Sizes(long peak, long last) {
    }

    /** Samples the size every 200 ms until {@code done} holds, or it has not changed for {@code stable}, or {@code max}. */
    private static Sizes watch(BenchDatabase db, LongPredicate done, Duration stable, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long peak = 0;
        long last = -1;
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long size = DatabaseBytes.onDisk(db);
            peak = Math.max(peak, size);
            if (size != last) {
                last = size;
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince > stable.toNanos()) {
                break;
            }
            if (done.test(size)) {
                break;
            }
            Thread.sleep(200);
        }
        return new Sizes(peak, last);
    }

    /**
     * Until the pruner's run is over: on H2 the file comes back near the baseline; on MariaDB (whose files do not
     * shrink) the rows lose their bodies, then the size settles.
     */
    private static Sizes waitPruned(BenchDatabase db, String tag, long baseline) throws Exception {
        if (db.kind() == DbKind.H2) {
            return watch(db, size -> size <= baseline * 1.05 + 1_000_000, Duration.ofDays(1), PRUNE_WAIT);
        }
        long deadline = System.nanoTime() + PRUNE_WAIT.toNanos();
        while (stored(db, tag).withBody() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
        }
        Thread.sleep(5_000); // InnoDB's purge frees the pages a moment after the commit
        return watch(db, size -> false, STABLE, Duration.ofSeconds(60));
    }

    private record Stored(long rows, long withBody) {
    }

    /** The flood's rows (H2: only while no server holds the file, or through its AUTO_SERVER). */
    private static Stored stored(BenchDatabase db, String tag) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN LENGTH(body) > 0 THEN 1 ELSE 0"
                     + " END), 0) FROM inbound_activity WHERE activity_uri LIKE ?")) {
            q.setString(1, "%/likes/" + tag + "-%");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Stored(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static String range(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        long min = values.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        return min == max ? String.valueOf(min) : min + "–" + max;
    }
}
