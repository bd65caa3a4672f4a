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
 * The needs overview's counts are read through indexes, never by scanning the proposal table: MariaDB's
 * {@code EXPLAIN} of each statement of {@link OverviewCounts}, on a seeded board. The open counts are read from
 * V61's index alone ("Using index": no row is fetched); the last four weeks and the medians by a range on a time
 * within the community. Without V61's indexes the open counts fetch every row of the community, and this test fails.
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
        all.put("open by area", OverviewCounts.openByAreaSql(visitor));
        all.put("open by area, member", OverviewCounts.openByAreaSql(member));
        all.put("open by category", OverviewCounts.openByCategorySql(visitor));
        all.put("weeks by publication", OverviewCounts.byWeekSql(visitor, "published_at", from, 4));
        all.put("weeks by fulfilment", OverviewCounts.byWeekSql(visitor, "fulfilled_at", from, 4));
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
        assertFalse("ALL".equals(p[3]) || p[5] == null, name + ": the proposal table is scanned\n" + shown);
        if (name.startsWith("open")) {
            assertEquals("ix_proposal_overview", p[5], name + "\n" + shown);
            assertTrue(String.valueOf(p[9]).contains("Using index"), name + ": rows are fetched, not counted in the index\n"
                    + shown);
        }
        for (Object[] row : plan) {
            if ("c".equals(row[2])) {
                assertFalse("ALL".equals(row[3]), name + ": the categories are scanned\n" + shown);
            }
        }
    }

    private static List<Object[]> explain(OverviewCounts.Sql sql) {
        return db.inTransaction(s -> sql.bind(s.createNativeQuery("EXPLAIN " + sql.text(), Object[].class)).getResultList());
    }
}
