package org.weft.bench.targets;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.load.LoadResult;
import org.weft.bench.load.RawRequests;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.InProcessServer;
import org.weft.bench.server.WeftEnv;
import org.weft.server.WeftServer;
import org.weft.server.domain.overview.NeedsOverview;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * G11: the needs overview of a community with 100,000 proposals (every figure counted in the database: by category,
 * by area, the last four weeks, the two medians), as a page and as JSON, at a modest open-loop rate, beside two
 * yardsticks from the same run: the overview of a community with 100 proposals (in the same table) and the bare
 * Helidon route. Seeded like G14 (batched SQL, then ANALYZE), with a spread of statuses, areas and categories, and
 * promise and fulfilment times, a minute apart: the last four weeks hold some 40,000 of them.
 */
public final class Overview100k {
    static final int BIG = 100_000;
    static final int SMALL = 100;
    private static final int BATCH = 1_000;
    private static final int COUNTS = 200;
    private static final int COUNT_WARMUP = 20;
    private static final List<String> AREAS = List.of("camp-a", "camp-a/block-3", "camp-a/block-5", "camp-b", "camp-c");
    private static final List<String> CATEGORIES = List.of("bread", "tools", "rice", "tents", "medicine", "diapers",
            "winter-clothes", "interpretation");
    private static final String[] STATUSES = {"OPEN", "OPEN", "OPEN", "PROMISED", "FULFILLED", "FULFILLED", "FULFILLED",
        "FULFILLED", "WITHDRAWN", "EXPIRED"};

    private Overview100k() {
    }

    public static void run(DbServer dbServer, Path work, Results results) throws Exception {
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            WeftServer server = InProcessServer.start(db, Map.of());
            try {
                server.localActors().createGroup("camp", "Camp", null);
                server.localActors().createGroup("small", "Small", null);
                server.localActors().createMember("member0", "Member 0", "correct horse battery staple 0", false);
                for (int i = 0; i < AREAS.size(); i++) {
                    server.proposals().areas().create(AREAS.get(i), "Area " + i, 36.2 + i * 0.01, 37.1 + i * 0.01);
                }
                long started = System.nanoTime();
                try (Connection c = db.connect()) {
                    seed(c, "camp", BIG, 1);
                    seed(c, "small", SMALL, BIG + 1);
                    try (Statement st = c.createStatement()) {
                        st.execute("ANALYZE TABLE proposal, proposal_category");
                    }
                }
                double seedSeconds = (System.nanoTime() - started) / 1e9;
                String host = WeftEnv.hostHeader(server.port());
                Map<String, byte[]> pages = new LinkedHashMap<>();
                pages.put("overview of 100 proposals, page", RawRequests.get(host, "/overview/small", "text/html"));
                pages.put("overview of 100,000 proposals, page", RawRequests.get(host, "/overview/camp", "text/html"));
                pages.put("overview of 100,000 proposals, JSON",
                        RawRequests.get(host, "/overview/camp.json", "application/json"));
                LoadResult bare = BoardPages.bareRoute();
                String label = db.kind().label();
                results.note("G11", label + ": " + Fmt.num(BIG + SMALL) + " proposals written and analysed in "
                        + String.format("%.1f s", seedSeconds) + "; each figure " + Fmt.num(BoardPages.PER_SECOND)
                        + " GET/s offered for " + BoardPages.LENGTH.toSeconds() + " s (open-loop) after a closed-loop warm-up");
                results.note("G11", label + " bare Helidon route at the same rate: " + bare.summary());
                LoadResult small = null;
                for (Map.Entry<String, byte[]> page : pages.entrySet()) {
                    LoadResult figure = BoardPages.measure(server.port(), page.getValue());
                    results.note("G11", label + " " + page.getKey() + ": " + figure.summary());
                    if (small == null) {
                        small = figure;
                    }
                    double p99 = figure.percentileMillis(99);
                    results.row(new Row("G11", label, page.getKey() + " at " + Fmt.num(BoardPages.PER_SECOND) + "/s offered",
                            "p50 " + Fmt.ms(figure.percentileMillis(50)) + ", p99 " + Fmt.ms(p99)
                                    + (figure.failed() == 0 && figure.count(200) == figure.completed() ? ""
                                    : " (" + figure.failed() + " failed, " + (figure.completed() - figure.count(200))
                                    + " not 200)"),
                            "overview of 100 p99 " + Fmt.ms(small.percentileMillis(99)) + "; bare Helidon p99 "
                                    + Fmt.ms(bare.percentileMillis(99)),
                            Fmt.ratio(p99, small.percentileMillis(99)), "p99 ≤ 50 ms", Verdict.atMost(p99, 50, "ms")));
                }
                uncachedCount(server, label, results);
            } finally {
                server.close();
            }
        }
    }

    /**
     * The count itself, without the one-minute views: a member's overview of the 100,000-proposal community counted
     * afresh {@value #COUNTS} times one after another (closed loop, after {@value #COUNT_WARMUP} unmeasured counts),
     * each a whole {@link NeedsOverview#community} (every statement, in one transaction).
     */
    private static void uncachedCount(WeftServer server, String label, Results results) {
        NeedsOverview overview = new NeedsOverview(server.db(), Taxonomy.load(), Clock.systemUTC(),
                server.config().overviewThreshold());
        for (int i = 0; i < COUNT_WARMUP; i++) {
            overview.community("camp", true, false).orElseThrow();
        }
        long[] nanos = new long[COUNTS];
        for (int i = 0; i < COUNTS; i++) {
            long started = System.nanoTime();
            overview.community("camp", true, false).orElseThrow();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        double p50 = nanos[COUNTS / 2] / 1e6;
        double p99 = nanos[(int) Math.ceil(COUNTS * 0.99) - 1] / 1e6;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        results.note("G11", label + " uncached count of the 100,000-proposal overview, " + COUNTS + " in a row: p50 "
                + Fmt.ms(p50) + ", p99 " + Fmt.ms(p99) + ", max " + Fmt.ms(nanos[COUNTS - 1] / 1e6)
                + String.format("; load average %.2f at its end", load));
        results.row(new Row("G11", label, "overview of 100,000 proposals, the count itself (uncached, " + COUNTS
                + " in a row)", "p50 " + Fmt.ms(p50) + ", p99 " + Fmt.ms(p99), "—", "—", "p99 ≤ 50 ms",
                Verdict.atMost(p99, 50, "ms")));
    }

    /** {@code count} proposals on {@code community}'s board, a minute apart, newest last, in a spread of everything. */
    private static void seed(Connection c, String community, int count, long firstId) throws SQLException {
        long group = BoardPages.idOf(c, community);
        long author = BoardPages.idOf(c, "member0");
        Instant newest = Instant.now().minusSeconds(60);
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id,"
                + " group_id, purpose, kind, status, audience, source, moderation, title, description, language, area_code,"
                + " ends_at, published_at, promised_at, fulfilled_at) VALUES (?, ?, true, ?, ?, ?, ?, 'GIFT', ?, ?, 'LOCAL',"
                + " 'VISIBLE', ?, 'A few lines.', 'en', ?, ?, ?, ?, ?)");
             PreparedStatement cat = c.prepareStatement(
                     "INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (?, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                String status = STATUSES[i % STATUSES.length];
                Instant published = newest.minusSeconds(60L * (count - i));
                p.setLong(1, id);
                p.setString(2, "https://bench.example/proposals/" + id);
                p.setLong(3, author);
                p.setLong(4, author);
                p.setLong(5, group);
                p.setString(6, i % 3 == 0 ? "OFFER" : "REQUEST");
                p.setString(7, status);
                p.setString(8, i % 7 == 0 ? "COMMUNITY" : "PUBLIC");
                p.setString(9, "Proposal " + id);
                p.setString(10, AREAS.get(i % AREAS.size()));
                p.setTimestamp(11, Timestamp.from(newest.plus(Duration.ofDays(30))));
                p.setTimestamp(12, Timestamp.from(published));
                boolean promised = status.equals("PROMISED") || status.equals("FULFILLED");
                p.setTimestamp(13, promised ? Timestamp.from(published.plus(Duration.ofHours(1 + i % 48))) : null);
                p.setTimestamp(14, status.equals("FULFILLED") ? Timestamp.from(published.plus(Duration.ofDays(1 + i % 10)))
                        : null);
                p.addBatch();
                cat.setLong(1, id);
                cat.setString(2, "https://w3id.org/weft/taxonomy/v1#" + CATEGORIES.get(i % CATEGORIES.size()));
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
}
