package org.weft.bench.targets;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.WebServer;
import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.load.ClosedLoopLoad;
import org.weft.bench.load.LoadResult;
import org.weft.bench.load.OpenLoopLoad;
import org.weft.bench.load.RawRequests;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.BareHelidon;
import org.weft.bench.server.InProcessServer;
import org.weft.bench.server.Ports;
import org.weft.bench.server.WeftEnv;
import org.weft.server.WeftServer;

/**
 * G14: the board page with 100,000 proposals on one community's board, its newest page and a keyset page 90,000 cards
 * deep, at a modest open-loop rate, beside two yardsticks from the same run: the same page of a community with 100
 * proposals (in the same table), and the bare Helidon route at the same rate. The proposals are written with batched
 * SQL (the API would take an hour), then ANALYZEd as a long-running server's tables would be.
 */
public final class BoardPages {
    static final int BIG_BOARD = 100_000;
    static final int SMALL_BOARD = 100;
    static final double PER_SECOND = 100;
    static final Duration LENGTH = Duration.ofSeconds(20);
    private static final int CONNECTIONS = 16;
    private static final int BATCH = 1_000;

    private BoardPages() {
    }

    public static void run(DbServer dbServer, Path work, Results results) throws Exception {
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            WeftServer server = InProcessServer.start(db, Map.of());
            try {
                server.localActors().createGroup("camp", "Camp", null);
                server.localActors().createGroup("small", "Small", null);
                for (int i = 0; i < 8; i++) {
                    server.localActors().createMember("member" + i, "Member " + i, "correct horse battery staple " + i, false);
                }
                long started = System.nanoTime();
                try (Connection c = db.connect()) {
                    seed(c, "camp", BIG_BOARD, 1);
                    seed(c, "small", SMALL_BOARD, BIG_BOARD + 1);
                    try (Statement st = c.createStatement()) {
                        st.execute("ANALYZE TABLE proposal, proposal_category");
                    }
                }
                double seedSeconds = (System.nanoTime() - started) / 1e9;
                String host = WeftEnv.hostHeader(server.port());
                String deep = cursorAt(db, "camp", 90_000);
                Map<String, byte[]> pages = new LinkedHashMap<>();
                pages.put("board of 100 proposals, newest page", RawRequests.get(host, "/board/small", "text/html"));
                pages.put("board of 100,000 proposals, newest page", RawRequests.get(host, "/board/camp", "text/html"));
                pages.put("board of 100,000 proposals, keyset page 90,000 deep",
                        RawRequests.get(host, "/board/camp?before=" + deep, "text/html"));
                pages.put("board of 100,000 proposals, requests only, newest page",
                        RawRequests.get(host, "/board/camp?purpose=request", "text/html"));
                LoadResult bare = bareRoute();
                String label = db.kind().label();
                results.note("G14", label + ": " + Fmt.num(BIG_BOARD + SMALL_BOARD) + " proposals written and analysed in "
                        + String.format("%.1f s", seedSeconds) + "; each figure " + Fmt.num(PER_SECOND) + " GET/s offered for "
                        + LENGTH.toSeconds() + " s (open-loop, " + CONNECTIONS + " connections) after a closed-loop warm-up");
                results.note("G14", label + " bare Helidon route at the same rate: " + bare.summary());
                LoadResult small = null;
                for (Map.Entry<String, byte[]> page : pages.entrySet()) {
                    LoadResult figure = measure(server.port(), page.getValue());
                    results.note("G14", label + " " + page.getKey() + ": " + figure.summary());
                    if (small == null) {
                        small = figure;
                    }
                    double p99 = figure.percentileMillis(99);
                    results.row(new Row("G14", label, page.getKey() + " at " + Fmt.num(PER_SECOND) + "/s offered",
                            "p50 " + Fmt.ms(figure.percentileMillis(50)) + ", p99 " + Fmt.ms(p99)
                                    + (figure.failed() == 0 && figure.count(200) == figure.completed() ? ""
                                    : " (" + figure.failed() + " failed, " + (figure.completed() - figure.count(200))
                                    + " not 200)"),
                            "board of 100 p99 " + Fmt.ms(small.percentileMillis(99)) + "; bare Helidon p99 "
                                    + Fmt.ms(bare.percentileMillis(99)),
                            Fmt.ratio(p99, small.percentileMillis(99)), "p99 ≤ 50 ms", Verdict.atMost(p99, 50, "ms")));
                }
            } finally {
                server.close();
            }
        }
    }

    static LoadResult measure(int port, byte[] request) throws InterruptedException {
        new ClosedLoopLoad("127.0.0.1", port, 4).run(List.of(request), 2_000, Duration.ofSeconds(5)); // JIT, caches
        int total = (int) (PER_SECOND * LENGTH.toSeconds());
        return new OpenLoopLoad("127.0.0.1", port, CONNECTIONS).run(Collections.nCopies(total, request), PER_SECOND,
                Duration.ofSeconds(30));
    }

    static LoadResult bareRoute() throws InterruptedException {
        WebServer bare = BareHelidon.start(Ports.free());
        try {
            return measure(bare.port(), RawRequests.get("127.0.0.1:" + bare.port(), BareHelidon.PATH, "text/plain"));
        } finally {
            bare.stop();
        }
    }

    /** Writes {@code count} open, public proposals on {@code community}'s board, a minute apart, newest last. */
    private static void seed(Connection c, String community, int count, long firstId) throws SQLException {
        long group = idOf(c, community);
        long[] authors = new long[8];
        for (int i = 0; i < authors.length; i++) {
            authors[i] = idOf(c, "member" + i);
        }
        Instant newest = Instant.now().minusSeconds(60);
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id,"
                + " group_id, purpose, kind, status, audience, source, moderation, title, description, language, area_code,"
                + " ends_at, published_at) VALUES (?, ?, true, ?, ?, ?, ?, 'GIFT', ?, 'PUBLIC', 'LOCAL', 'VISIBLE', ?, ?, 'en',"
                + " NULL, ?, ?)");
             PreparedStatement cat = c.prepareStatement(
                     "INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (?, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                long author = authors[i % authors.length];
                p.setLong(1, id);
                p.setString(2, "https://bench.example/proposals/" + id);
                p.setLong(3, author);
                p.setLong(4, author);
                p.setLong(5, group);
                p.setString(6, i % 2 == 0 ? "OFFER" : "REQUEST");
                p.setString(7, i % 10 == 0 ? "PROMISED" : "OPEN");
                p.setString(8, "Proposal " + id + ": something to share");
                p.setString(9, "A few lines about proposal " + id + ", what it is and when it can be picked up.");
                p.setTimestamp(10, Timestamp.from(newest.plus(Duration.ofDays(30))));
                p.setTimestamp(11, Timestamp.from(newest.minusSeconds(60L * (count - i))));
                p.addBatch();
                cat.setLong(1, id);
                cat.setString(2, "https://w3id.org/weft/taxonomy/v1#" + (i % 3 == 0 ? "bread" : i % 3 == 1 ? "tools" : "rice"));
                cat.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == count) {
                    p.executeBatch();
                    cat.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    static long idOf(Connection c, String username) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT actor_id FROM local_username WHERE username = ?")) {
            q.setString(1, username);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The cursor just past the {@code depth}-th newest proposal of the board, as the board's "Older" link writes it. */
    private static String cursorAt(BenchDatabase db, String community, int depth) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("SELECT p.published_at, p.id FROM proposal p"
                + " WHERE p.group_id = ? ORDER BY p.published_at DESC, p.id DESC LIMIT 1 OFFSET ?")) {
            q.setLong(1, idOf(c, community));
            q.setInt(2, depth - 1);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                Instant at = r.getTimestamp(1).toInstant();
                return (at.getEpochSecond() * 1_000_000L + at.getNano() / 1000) + "-" + r.getLong(2);
            }
        }
    }
}
