package org.weft.bench.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Collections;
import java.util.StringJoiner;
import java.util.TimeZone;
import java.util.function.LongPredicate;
import javax.sql.DataSource;

import org.HdrHistogram.Histogram;
import org.weft.bench.db.DbKind;
import org.weft.bench.load.LoadResult;
import org.weft.bench.load.OpenLoopLoad;
import org.weft.bench.load.RawRequests;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.WeftEnv;
import org.weft.server.WeftServer;

/**
 * G8 backlog, scaled down: the G1 runs leave the inbound table holding many more activities than the worker
 * has processed (the inbox stores and answers; the worker follows behind), which is what an inbox looks like
 * after an outage. This measures how fast that backlog drains, against G1's accepted rate, while a member's
 * page (a community board, read from the database) is fetched open-loop and must stay quick.
 *
 * <p>The backlog is what G1 left (some 15,000 activities), not the 100,000 of benchmarks.md: the drain rate
 * is what the target is about, and it does not depend on the backlog's size while the claim query uses its index.
 * When the worker kept up with G1 (fewer than {@link #MIN_BACKLOG} left), a copy of G1's activities is made due at
 * once instead ({@link #outage}), so there is a drain to time and a board to fetch meanwhile.
 */
final class Backlog {
    private static final double PAGE_GETS_PER_SECOND = 50;
    private static final Duration CHUNK = Duration.ofSeconds(2);
    private static final Duration LIMIT = Duration.ofMinutes(3);
    /** Fewer pending rows than this when G1 stops is too short a drain to time in 2 s steps: an outage is made. */
    private static final long MIN_BACKLOG = 5_000;
    /** How long after the statement that makes the copies due they become due: time for its own work to settle. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** The community whose board is read while the backlog drains. */
    static final String COMMUNITY = "camp";
    /**
     * Board GETs before the timed drain, not counted: the community is made just before and its page was never
     * served, so its first GETs pay for loading and compiling the page's code, which G5 measures, not G8.
     */
    private static final int WARM_UP_GETS = 100;

    private Backlog() {
    }

    /**
     * The server whose backlog drains, its community "camp" made: its port, its database reached from here, and what
     * the row names it as ("" in the bench's JVM).
     */
    record Drained(int port, DataSource database, String where) {
        static Drained inProcess(WeftServer server) {
            return new Drained(server.port(), server.db().dataSource(), "");
        }
    }

    /** The in-process server: its community is made here. */
    static void drain(DbKind kind, WeftServer server, double acceptedPerSecond, Results results) throws Exception {
        server.localActors().createGroup(COMMUNITY, "Camp", null);
        drain(kind, Drained.inProcess(server), acceptedPerSecond, results);
    }

    static void drain(DbKind kind, Drained server, double acceptedPerSecond, Results results) throws Exception {
        byte[] board = RawRequests.get(WeftEnv.hostHeader(server.port()), "/board/" + COMMUNITY, "text/html");
        OpenLoopLoad pages = new OpenLoopLoad("127.0.0.1", server.port(), 8);
        Histogram latency = new Histogram(3);
        long pageGets = 0;
        long failed = 0;
        StringJoiner chunkP99s = new StringJoiner(", ");

        long leftByG1 = pending(server);
        long copies = leftByG1 >= MIN_BACKLOG ? 0 : outage(server);
        // While the page warms, G1's own backlog (if large) goes on draining: the timed drain starts from what is left.
        LoadResult cold = pages.run(Collections.nCopies(WARM_UP_GETS, board), PAGE_GETS_PER_SECOND, Duration.ofSeconds(5));
        long backlog = pending(server); // the copies are pending, not yet due: the worker has not started on them
        if (copies > 0) {
            // The copies become due together a little later, not at once: the statement that makes them due is the
            // bench's, not the drain's, and its work (on H2, in the server's own heap) is over before the clock starts.
            makeDue(server, Instant.now().plus(SETTLE));
            // The clock starts once the worker has finished its first rows: it finds them at its first poll after they
            // are due (it polls every second), which is the bench's wait, not the drain's.
            pendingBecomes(server, n -> n < backlog, SETTLE.plusSeconds(2));
        }
        long started = System.nanoTime();
        long left = backlog;
        while (left > 0 && System.nanoTime() - started < LIMIT.toNanos()) {
            int n = (int) (PAGE_GETS_PER_SECOND * CHUNK.toSeconds());
            LoadResult chunk = pages.run(Collections.nCopies(n, board), PAGE_GETS_PER_SECOND, Duration.ofSeconds(5));
            latency.add(chunk.latencyMicros());
            chunkP99s.add(Fmt.ms(chunk.percentileMillis(99)));
            pageGets += chunk.count(200);
            failed += chunk.completed() - chunk.count(200) + chunk.failed();
            left = pending(server);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double drained = (backlog - left) / seconds;
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        String db = kind.label();
        results.row(new Row("G8", db, String.format("backlog of %,d stored activities: drained/s%s", backlog, server.where()),
                Fmt.perSecond(drained) + (left > 0 ? String.format(" (%,d left after %d s)", left, LIMIT.toSeconds()) : ""),
                "G1 accepted " + Fmt.perSecond(acceptedPerSecond) + " (same run)", Fmt.ratio(drained, acceptedPerSecond),
                "≥ 80% of the G1 rate", Verdict.atLeast(drained, 0.8 * acceptedPerSecond, "/s")));
        results.row(new Row("G8", db, String.format("board page GET p99 at %.0f/s while the backlog drains%s",
                PAGE_GETS_PER_SECOND, server.where()),
                "p99 " + Fmt.ms(p99), "—", "—", "p99 ≤ 50 ms", failed == 0 ? Verdict.atMost(p99, 50, "ms")
                        : "**missed**: " + failed + " page GETs failed"));
        results.note("G8", String.format("%s%s: %,d pending when the G1 load stopped%s, %,d left after %.1f s; %,d board"
                        + " GETs answered 200, %d not; p50 %.2f ms, p99 %.2f ms, max %.1f ms; p99 of each %d s in turn: %s."
                        + " Before the timed drain, %d GETs of the page never served before (not counted): p50 %.2f ms,"
                        + " p99 %.2f ms, max %.1f ms.", db, server.where(), leftByG1,
                copies == 0 ? "" : String.format(" (the worker kept up with G1), so %,d copies of G1's activities were made"
                        + " due at once, as after an outage", copies), left, seconds,
                pageGets, failed, latency.getValueAtPercentile(50) / 1000.0, p99, latency.getMaxValue() / 1000.0,
                CHUNK.toSeconds(), chunkP99s, WARM_UP_GETS, cold.percentileMillis(50), cold.percentileMillis(99),
                cold.maxMillis()));
    }

    /**
     * A backlog as an outage leaves one, for when the worker kept up with G1 and left too little to time: a copy of every
     * activity G1 stored (new activity ids, the same bodies and senders), written not yet due; {@link #makeDue} then
     * makes them due together a few seconds ahead, so the worker meets them all at once. The handlers treat them as they treated the originals.
     */
    private static long outage(Drained server) throws SQLException {
        try (Connection c = server.database().getConnection(); Statement st = c.createStatement()) {
            long copies = st.executeUpdate("INSERT INTO inbound_activity (activity_uri, actor_uri, activity_type, body,"
                    + " state, attempts, received_at, next_attempt_at) SELECT CONCAT(activity_uri, '#g8'), actor_uri,"
                    + " activity_type, body, 'PENDING', 0, received_at, TIMESTAMP '2999-01-01 00:00:00'"
                    + " FROM inbound_activity WHERE activity_uri NOT LIKE '%#g8'");
            return copies;
        }
    }

    /** Sets the copies' next attempt to {@code due}, written in UTC as Weft writes its instants. */
    private static void makeDue(Drained server, Instant due) throws SQLException {
        try (Connection c = server.database().getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE inbound_activity SET next_attempt_at = ? WHERE activity_uri LIKE '%#g8' AND state = 'PENDING'")) {
            st.setTimestamp(1, Timestamp.from(due), Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
            st.executeUpdate();
        }
    }

    /**
     * Waits until the inbound worker has nothing pending, for the diagnostic that holds it next.
     *
     * @throws IllegalStateException if rows are still pending after {@code limit}: the next figure would not be what
     *                               it says
     */
    static void awaitProcessed(WeftServer server, Duration limit) throws SQLException, InterruptedException {
        Drained here = Drained.inProcess(server);
        if (!pendingBecomes(here, n -> n == 0, limit)) {
            throw new IllegalStateException(pending(here) + " activities still pending after " + limit);
        }
    }

    /** Reads the pending count every 10 ms until it satisfies {@code wanted} (true) or {@code limit} passes (false). */
    private static boolean pendingBecomes(Drained server, LongPredicate wanted, Duration limit)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!wanted.test(pending(server))) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static long pending(Drained server) throws SQLException {
        try (Connection c = server.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM inbound_activity WHERE state = 'PENDING'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
