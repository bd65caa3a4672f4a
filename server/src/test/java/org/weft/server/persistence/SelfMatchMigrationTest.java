package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V93 removes the matches stored before the rule that nobody's offer answers their own request, and the notices of
 * them: a member (5) who asked for a pram and gave one away was shown her own offer as a match for her request. A
 * match of her request with someone else's offer (6) stays, and so does its notice. Runs on H2 and on MariaDB
 * (WEFT_TEST_DB_URL).
 */
class SelfMatchMigrationTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void aMatchOfAMembersOfferWithHerOwnRequestIsGoneWithItsNotice() throws SQLException {
        older.migrateTo("92");
        older.insertWithoutForeignKeys("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, group_id,"
                        + " purpose, kind, status, audience, source, moderation, title, description, language, ends_at,"
                        + " published_at) VALUES"
                        + " (1, 'http://localhost/proposals/1', TRUE, 5, 7, 7, 'REQUEST', 'GIFT', 'OPEN', 'PUBLIC', 'LOCAL',"
                        + " 'VISIBLE', 'A pram', '', 'en', '2027-01-01 10:00:00', '2026-12-01 10:00:00'),"
                        + " (2, 'http://localhost/proposals/2', TRUE, 5, 5, 7, 'OFFER', 'GIFT', 'OPEN', 'PUBLIC', 'LOCAL',"
                        + " 'VISIBLE', 'A pram to give', '', 'en', '2027-01-01 10:00:00', '2026-12-01 11:00:00'),"
                        + " (3, 'http://localhost/proposals/3', TRUE, 6, 6, 7, 'OFFER', 'GIFT', 'OPEN', 'PUBLIC', 'LOCAL',"
                        + " 'VISIBLE', 'Our old pram', '', 'en', '2027-01-01 10:00:00', '2026-12-01 12:00:00')",
                "INSERT INTO proposal_match (id, request_id, offer_id, score, reasons, state, created_at, updated_at) VALUES"
                        + " (1, 1, 2, 90, 'SAME_AREA', 'NEW', '2026-12-01 11:00:00', '2026-12-01 11:00:00'),"
                        + " (2, 1, 3, 80, 'SAME_AREA', 'NEW', '2026-12-01 12:00:00', '2026-12-01 12:00:00')",
                "INSERT INTO notification (id, member_id, kind, proposal_id, match_id, item_count, created_at) VALUES"
                        + " (1, 5, 'match', 1, 1, 1, '2026-12-01 11:00:00'),"
                        + " (2, 5, 'match', 1, 2, 1, '2026-12-01 12:00:00'),"
                        + " (3, 6, 'match', 3, 2, 1, '2026-12-01 12:00:00')");

        try (Database db = older.upgrade()) {
            assertNull(db.inTransaction(s -> s.find(MatchEntity.class, 1L)), "her offer no longer answers her request");
            assertNotNull(db.inTransaction(s -> s.find(MatchEntity.class, 2L)), "the neighbour's offer still does");
            assertEquals(2, count(db, "SELECT count(*) FROM notification WHERE match_id = 2"),
                    "both notices of the neighbour's match stay");
            assertEquals(0, count(db, "SELECT count(*) FROM notification WHERE id = 1"), "the notice of her own match is gone");
        }
    }

    private static long count(Database db, String sql) {
        Number n = db.inTransaction(s -> (Number) s.createNativeQuery(sql, Object.class).getSingleResult());
        return n.longValue();
    }
}
