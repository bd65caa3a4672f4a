package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V100 gives every conversation message kept before it the time it was written: its arrival, the order it was shown
 * in until then, so a conversation reads as it did. An unread notification of a conversation kept before it counts
 * its news from the message it names, as it did. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class WrittenAtMigrationTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void messagesKeptBeforeAreWrittenWhenTheyArrived() throws SQLException {
        older.migrateTo("99");
        older.insertWithoutForeignKeys("INSERT INTO conversation_message (id, response_id, uri, author_side, sender_id,"
                        + " content, created_at) VALUES"
                        + " (1, 3, 'https://camp.example/notes/1', FALSE, 6, 'Friday?', '2026-12-01 10:00:00.123456'),"
                        + " (2, 3, 'https://camp.example/notes/2', TRUE, 5, 'Friday.', '2026-12-01 11:00:00')",
                "INSERT INTO notification (id, member_id, kind, proposal_id, response_id, conversation_message_id,"
                        + " item_count, created_at) VALUES (1, 5, 'conversation', 2, 3, 1, 1, '2026-12-01 10:00:00')");

        try (Database db = older.upgrade()) {
            List<?> written = db.inTransaction(s -> s.createNativeQuery("SELECT CAST(written_at AS CHAR(32))"
                    + " FROM conversation_message ORDER BY id", Object.class).getResultList());
            List<?> arrived = db.inTransaction(s -> s.createNativeQuery("SELECT CAST(created_at AS CHAR(32))"
                    + " FROM conversation_message ORDER BY id", Object.class).getResultList());
            assertEquals(arrived, written);
            Long countsFrom = db.inTransaction(s -> s.find(NotificationEntity.class, 1L).getFirstMessageId());
            assertEquals(Long.valueOf(1), countsFrom, "from the message it names");
        }
    }
}
