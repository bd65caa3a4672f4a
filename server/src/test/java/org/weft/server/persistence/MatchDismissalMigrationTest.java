package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * V18 makes a dismissal each member's own. A match dismissed before it (one shared state, DISMISSED, which did not say
 * who dismissed it) must stay dismissed for both members after the upgrade, and an untouched match must stay as it was.
 * Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class MatchDismissalMigrationTest {
    private final Path dir = TestDatabases.tempDir();
    private final DatabaseSettings settings = TestDatabases.fresh(dir);

    /**
     * This test opens the database with Flyway before Weft does: H2 must learn to keep its listener on loopback first,
     * as {@code Database.open} makes it, or every later embedded database in this JVM refuses to open.
     */
    @BeforeAll
    static void keepH2OnLoopback() {
        EmbeddedServerAddress.ensureLoopback();
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(settings);
    }

    @Test
    void aMatchDismissedBeforeV18StaysDismissedForBothMembers() throws SQLException {
        Database.migrationsUpTo("17", settings, dir).load().migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(dir), settings.userOrDefault(),
                settings.passwordOrDefault()); Statement st = c.createStatement()) {
            // Only the match rows matter here: the proposals they name are left out, so foreign keys are off meanwhile.
            st.execute(settings.isEmbedded() ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
            st.execute("INSERT INTO proposal_match (id, request_id, offer_id, score, reasons, state, created_at, updated_at)"
                    + " VALUES (1, 10, 20, 90, 'SAME_AREA', 'DISMISSED', '2026-11-01 10:00:00', '2026-11-02 09:30:00'),"
                    + " (2, 11, 21, 80, 'SAME_AREA', 'NEW', '2026-11-01 10:00:00', '2026-11-01 10:00:00'),"
                    + " (3, 12, 22, 70, 'SAME_AREA', 'WITHDRAWN', '2026-11-01 10:00:00', '2026-11-03 08:00:00')");
        }

        try (Database db = Database.open(settings, dir, true)) {
            MatchEntity dismissed = db.inTransaction(s -> s.find(MatchEntity.class, 1L));
            Instant when = Instant.parse("2026-11-02T09:30:00Z");
            assertEquals(when, dismissed.getRequestDismissedAt(), "the request's author still does not see it");
            assertEquals(when, dismissed.getOfferDismissedAt(), "nor does the offer's author");
            assertEquals(MatchEntity.State.NEW, dismissed.getState(), "the pair itself was never withdrawn");

            MatchEntity untouched = db.inTransaction(s -> s.find(MatchEntity.class, 2L));
            assertEquals(MatchEntity.State.NEW, untouched.getState());
            assertNull(untouched.getRequestDismissedAt());
            assertNull(untouched.getOfferDismissedAt());
            MatchEntity withdrawn = db.inTransaction(s -> s.find(MatchEntity.class, 3L));
            assertEquals(MatchEntity.State.WITHDRAWN, withdrawn.getState());
            assertNull(withdrawn.getRequestDismissedAt());
            assertNotNull(withdrawn.getUpdatedAt());
        }
    }
}
