package org.weft.server.domain.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.RetentionSettings;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestDatabases;

/**
 * The operator's storage figures against a real database (H2, or MariaDB with WEFT_TEST_DB_URL): the size the
 * database reports, growth per day worked out from the pruner's samples, the backlogs, and the last prune.
 */
class StorageReportTest {
    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

    private DatabaseSettings settings;
    private Database db;
    private final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void open() {
        Path dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void growthIsUnknownUntilASampleIsAnHourOldThenMeasuredPerDay() throws SQLException {
        StorageReport report = new StorageReport(db, clock);
        StorageReport.Overview fresh = report.overview();
        assertTrue(fresh.databaseBytes() > 0, "the database reports its size");
        assertTrue(fresh.bytesPerDay().isEmpty(), "no sample yet");

        sample(NOW.minus(Duration.ofMinutes(30)), 0);
        assertTrue(report.overview().bytesPerDay().isEmpty(), "half an hour says little per day");

        sample(NOW.minus(Duration.ofDays(2)), 0);
        sample(NOW.minus(Duration.ofDays(9)), 1); // outside the week it is measured over
        StorageReport.Overview overview = report.overview();
        assertEquals(Math.round(overview.databaseBytes() / 2.0), overview.bytesPerDay().getAsLong(),
                "from nothing two days ago to today's size: half of it a day");
    }

    @Test
    void everyTableIsListedWithItsRowsAndTheLastPruneCounts() throws SQLException {
        for (int i = 1; i <= 2; i++) {
            update("INSERT INTO tombstone (uri, former_type, deleted_at) VALUES ('https://camp.example/p/" + i + "', 'Note',"
                    + " '2030-01-01 00:00:00')");
        }
        update("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (1, 'https://camp.example/users/amina', 'PERSON', TRUE,"
                + " 'amina', 'camp.example', 'Amina', 'https://camp.example/users/amina/inbox', 'k1', 'pem', FALSE, TRUE,"
                + " '2030-01-01 00:00:00')");
        for (int i = 0; i < 3; i++) {
            update("INSERT INTO notification (member_id, kind, created_at, read_at) VALUES (1, 'RESPONSE',"
                    + " '2030-01-01 00:00:00', '2030-01-02 00:00:00')");
        }
        StorageReport report = new StorageReport(db, clock);
        assertTrue(report.lastPrune().isEmpty(), "never pruned");

        new Pruner(db, Pruner.standardRules(new RetentionSettings(10, 6, 72, 7, 500)), clock, 100).runOnce();

        StorageReport.LastPrune last = report.lastPrune().orElseThrow();
        assertEquals(NOW, last.at());
        assertEquals(3, last.rows(), "the three notifications read four months ago");
        var tables = report.tables();
        assertTrue(tables.stream().anyMatch(t -> t.name().equals("proposal")), tables.toString());
        assertTrue(tables.stream().anyMatch(t -> t.name().equals("tombstone") && t.bytes() >= 0), tables.toString());
        assertEquals(0, report.overview().inboundBacklog());
        assertEquals(0, report.overview().pendingDeliveries());
    }

    private void sample(Instant at, long wholeBytes) throws SQLException {
        update("INSERT INTO storage_sample (sampled_at, table_name, row_count, bytes) VALUES ('"
                + LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString().replace('T', ' ') + "', '*', 0, " + wholeBytes + ")");
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
