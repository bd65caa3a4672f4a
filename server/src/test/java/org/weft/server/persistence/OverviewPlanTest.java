package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * The needs overview's counts are read from indexes alone, never by scanning the proposal table nor by fetching its
 * rows: MariaDB's {@code EXPLAIN} of each statement of {@link OverviewCounts}, on a seeded board, must name the
 * expected index and say "Using index" (every column read from the index). The open counts read V80's
 * {@code ix_proposal_overview} (area and top-level categories, no join), the last four weeks V80's others, each a
 * range on a time within the community and purpose. Without V80 the four-week statements fetch every row in the
 * window and the categories were a join (the 300-700 ms of G11): this test fails on either.
 *
 * <p>MariaDB only, like {@code BoardPlanTest}; CI's MariaDB pass runs it ({@code WEFT_TEST_DB_URL}).
 */
class OverviewPlanTest {
    private static final int PROPOSALS = 6_000;
    private static final Path DIR = TestDatabases.tempDir();
    private static DatabaseSettings settings;
    private static Database db;

    @BeforeAll
    static void seed() throws SQLException {
        assumeTrue(TestDatabases.usingMariaDb(), "reads MariaDB's EXPLAIN: runs in the MariaDB pass (WEFT_TEST_DB_URL)");
        settings = TestDatabases.fresh(DIR);
        db = Database.open(settings, DIR, true);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(),
                settings.passwordOrDefault())) {
            BoardSeed.seed(c, PROPOSALS);
            try (Statement st = c.createStatement()) {
                // Some of the promised and fulfilled ones were so lately, as on a living board.
                st.executeUpdate("UPDATE proposal SET promised_at = published_at WHERE status IN ('PROMISED', 'FULFILLED')");
                st.executeUpdate("UPDATE proposal SET fulfilled_at = published_at WHERE status = 'FULFILLED'");
                st.executeUpdate("UPDATE proposal SET top_categories = ' food ' WHERE id % 3 = 0");
                st.executeUpdate("UPDATE proposal SET top_categories = ' childcare ' WHERE id % 3 = 1");
                st.executeUpdate("UPDATE proposal SET top_categories = '' WHERE id % 3 = 2");
                st.execute("ANALYZE TABLE proposal, proposal_category");
            }
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
            TestDatabases.drop(settings);
        }
    }

    static Map<String, OverviewCounts.Sql> statements() {
        OverviewCounts.Scope visitor = new OverviewCounts.Scope(List.of(1L), false);
        OverviewCounts.Scope member = new OverviewCounts.Scope(List.of(1L), true);
        Instant from = Instant.now().minus(Duration.ofDays(28));
        Map<String, OverviewCounts.Sql> all = new LinkedHashMap<>();
        all.put("missing top_categories", OverviewCounts.missingTopCategoriesSql());
        all.put("open by area and category", OverviewCounts.openSql(visitor));
        all.put("open by area and category, member", OverviewCounts.openSql(member));
        all.put("published in the weeks", OverviewCounts.publishedSql(visitor, from, 4));
        all.put("published in the weeks, member", OverviewCounts.publishedSql(member, from, 4));
        all.put("promised in the weeks", OverviewCounts.reachingSql(visitor, "promised_at", from, 4));
        all.put("fulfilled in the weeks", OverviewCounts.reachingSql(visitor, "fulfilled_at", from, 4));
        return all;
    }

    static List<String> names() {
        return List.copyOf(statements().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void readsTheProposalTableThroughAnIndex(String name) {
        OverviewCounts.Sql sql = statements().get(name);
        List<Object[]> plan = explain(sql);
        String shown = plan.stream().map(java.util.Arrays::toString).collect(Collectors.joining("\n"));
        Object[] p = plan.stream().filter(r -> "p".equals(r[2])).findFirst().orElseThrow(() -> new AssertionError(shown));
        assertFalse("ALL".equals(p[3]) || "index".equals(p[3]) || p[5] == null,
                name + ": the proposal table (or a whole index) is scanned\n" + shown);
        assertEquals(expectedIndex(name), p[5], name + "\n" + shown);
        assertTrue(readsTheIndexAlone(p[9]), name + ": rows are fetched, not counted in the index\n" + shown);
        for (Object[] row : plan) {
            if ("c".equals(row[2])) {
                assertFalse("ALL".equals(row[3]) || "index".equals(row[3]), name + ": the categories are scanned\n"
                        + shown);
                assertTrue(readsTheIndexAlone(row[9]), name + ": category rows are fetched\n" + shown);
            }
        }
    }

    /** "Using index" in the plan's Extra, itself: "Using index condition" filters in the index but fetches rows. */
    private static boolean readsTheIndexAlone(Object extra) {
        return List.of(String.valueOf(extra).split(";\\s*")).contains("Using index");
    }

    private static String expectedIndex(String name) {
        if (name.startsWith("open")) {
            return "ix_proposal_overview";
        }
        if (name.startsWith("missing")) {
            return "ix_proposal_top_categories";
        }
        return "ix_proposal_overview_" + name.substring(0, name.indexOf(' '));
    }

    private static List<Object[]> explain(OverviewCounts.Sql sql) {
        return db.inTransaction(s -> sql.bind(s.createNativeQuery("EXPLAIN " + sql.text(), Object[].class)).getResultList());
    }
}
