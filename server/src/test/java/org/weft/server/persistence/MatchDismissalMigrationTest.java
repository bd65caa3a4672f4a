package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V18 makes a dismissal each member's own. A match dismissed before it (one shared state, DISMISSED, which did not say
 * who dismissed it) must stay dismissed for both members after the upgrade, and an untouched match must stay as it was.
 * Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class MatchDismissalMigrationTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void aMatchDismissedBeforeV18StaysDismissedForBothMembers() throws SQLException {
        older.migrateTo("17");
        older.insertWithoutForeignKeys("INSERT INTO proposal_match"
                + " (id, request_id, offer_id, score, reasons, state, created_at, updated_at)"
                + " VALUES (1, 10, 20, 90, 'SAME_AREA', 'DISMISSED', '2026-11-01 10:00:00', '2026-11-02 09:30:00'),"
                + " (2, 11, 21, 80, 'SAME_AREA', 'NEW', '2026-11-01 10:00:00', '2026-11-01 10:00:00'),"
                + " (3, 12, 22, 70, 'SAME_AREA', 'WITHDRAWN', '2026-11-01 10:00:00', '2026-11-03 08:00:00')");

        try (Database db = older.upgrade()) {
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
