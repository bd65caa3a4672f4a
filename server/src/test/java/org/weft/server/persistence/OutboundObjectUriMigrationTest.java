package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V96 reads what each public activity sent before it is about, so the outbox can still list the posts that exist: the
 * Note a Create embeds, the post an Announce names. One whose body cannot be read names nothing (the outbox leaves it
 * out), and non-public ones are not read. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class OutboundObjectUriMigrationTest {
    private static final String NOTE = "https://camp.example/proposals/1";

    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void aSentCreateAndAnnounceNameTheirPost() throws SQLException {
        older.migrateTo("95");
        older.insertWithoutForeignKeys(
                row(1, "Create", "{\"id\": \"https://camp.example/activities/1\", \"type\": \"Create\","
                        + " \"actor\": \"https://camp.example/users/alice\", \"object\": {\"id\": \"" + NOTE + "\","
                        + " \"type\": \"Note\", \"content\": \"A ladder\"}}", true),
                row(2, "Announce", "{\"id\": \"https://camp.example/activities/2\", \"type\": \"Announce\","
                        + " \"actor\": \"https://camp.example/groups/campa\", \"object\": \"" + NOTE + "\"}", true),
                row(3, "Create", "not json", true),
                row(4, "Follow", "{\"id\": \"https://camp.example/activities/4\", \"type\": \"Follow\","
                        + " \"actor\": \"https://camp.example/users/alice\", \"object\": \"https://x.example/u/b\"}", false));

        try (Database db = older.upgrade()) {
            assertEquals(NOTE, objectOf(db, 1));
            assertEquals(NOTE, objectOf(db, 2));
            assertNull(objectOf(db, 3), "an unreadable body names nothing");
            assertNull(objectOf(db, 4), "a non-public activity is never listed, so not read");
        }
    }

    private static String row(long id, String type, String body, boolean isPublic) {
        return "INSERT INTO outbound_activity (id, activity_uri, actor_id, activity_type, body, is_public, created_at)"
                + " VALUES (" + id + ", 'https://camp.example/activities/" + id + "', 1, '" + type + "', '" + body
                + "', " + isPublic + ", '2026-12-01 10:00:00')";
    }

    private static String objectOf(Database db, long id) {
        return db.inTransaction(s -> s.find(OutboundActivityEntity.class, id)).getObjectUri();
    }
}
