package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start runs Flyway only when the schema history says it has something to do: a new database is migrated, one a
 * migration behind gets it, a current one is left alone (that Flyway is then not even loaded is {@link LeanStartTest}'s),
 * and a failed row or a migration this build does not know is Flyway's to report, in its own words. Runs on H2 by
 * default and on MariaDB when WEFT_TEST_DB_URL is set.
 */
class SchemaHistoryTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void theVersionsFoundWithoutFlywayAreTheOnesFlywayRuns() {
        Set<String> flyways = Stream.of(older.flyway().info().all()).map(MigrationInfo::getVersion)
                .map(v -> PackagedMigrations.normalized(v.getVersion())).collect(Collectors.toSet());
        assertEquals(flyways, PackagedMigrations.versions().orElseThrow());
        assertTrue(flyways.contains("92") && flyways.contains("84"), "SQL and Java migrations both counted: " + flyways);
    }

    @Test
    void aNewDatabaseIsMigratedWhenOpened() throws SQLException {
        assertFalse(isCurrent(), "no history yet");
        older.upgrade().close();
        assertTrue(isCurrent());
        assertEquals(0, count("SELECT COUNT(*) FROM community_server_block"), "the newest migration's table is there");
    }

    @Test
    void aDatabaseOneMigrationBehindGetsItWhenOpened() throws SQLException {
        older.migrateTo("91");
        assertFalse(isCurrent(), "V92 not applied yet");
        older.upgrade().close();
        assertEquals(1, count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '92' AND success = TRUE"));
        assertEquals(0, count("SELECT COUNT(*) FROM community_server_block"), "V92 ran");
        assertTrue(isCurrent());
    }

    @Test
    void aFailedMigrationIsReportedAsFlywayReportsIt() throws SQLException {
        older.upgrade().close();
        execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '92'");
        assertFalse(isCurrent());

        FlywayException flyways = assertThrows(FlywayException.class, () -> older.flyway().migrate());
        FlywayException weft = assertThrows(FlywayException.class, () -> older.upgrade().close());
        assertEquals(flyways.getMessage(), weft.getMessage());
        assertTrue(weft.getMessage().contains("failed migration to version 92"), weft.getMessage());
    }

    @Test
    void aMigrationThisBuildDoesNotKnowIsLeftToFlyway() throws SQLException {
        older.upgrade().close();
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, installed_on, execution_time, success) VALUES (9999, '9999', 'from a newer build',"
                + " 'SQL', 'V9999__newer.sql', 1, 'weft', CURRENT_TIMESTAMP, 1, TRUE)");
        assertFalse(isCurrent(), "a newer build's migration is not this build's schema");
    }

    @Test
    void aMissingMigrationBelowTheNewestIsLeftToFlyway() throws SQLException {
        older.upgrade().close();
        // As when a branch's V90 arrives after V92 ran: the newest version alone would say current.
        execute("DELETE FROM flyway_schema_history WHERE version = '89'");
        assertFalse(isCurrent());
    }

    private boolean isCurrent() throws SQLException {
        try (Connection c = older.connect()) {
            return SchemaHistory.isCurrent(c);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = older.connect(); Statement st = c.createStatement(); var rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = older.connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
