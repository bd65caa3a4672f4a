package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.activitypub.jsonld.PlainJson;

/**
 * V97 takes the control characters no one types out of the rows stored before forms and the API dropped them: every
 * column it names, a proposal's translations inside their JSON, rows beyond the first batch; line breaks, tabs, other
 * scripts and emoji stay, and clean rows are left as they were. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class ControlCharactersMigrationTest {
    /** A NUL, a bell and a C1 control among text that stays (a tab). */
    private static final String DIRTY = "Ket\u0000tle\u0007,\u009f\tdescaled";
    private static final String CLEANED = "Kettle,\tdescaled";
    private static final String CLEAN = "Line one\n\tline two خبز طازج 🍞";
    private static final Timestamp AT = Timestamp.valueOf("2026-12-01 10:00:00");

    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void everyTypedColumnLosesItsControlCharactersAndCleanTextStays() throws SQLException {
        older.migrateTo("96");
        Map<String, Map<String, Object>> rows = requiredColumns();
        for (ControlCharactersStripped.Columns columns : ControlCharactersStripped.TYPED_COLUMNS) {
            if (!columns.names().contains("translations")) {
                columns.names().forEach(name -> rows.get(columns.table()).put(name, DIRTY));
            }
        }
        String translations = PlainJson.object().set("uk", PlainJson.object().put("title", "Чайник\u0000")
                .put("description", "Два літри\u0085\nсьогодні")).toString();
        rows.get("proposal").put("translations", translations);
        older.insertWithoutForeignKeys(c -> {
            rows.forEach((table, values) -> insert(c, table, values));
            for (long id = 2; id <= ControlCharactersStripped.BATCH + 2; id++) {
                Map<String, Object> clean = new LinkedHashMap<>(rows.get("proposal"));
                clean.put("id", id);
                clean.put("uri", "https://camp.example/proposals/" + id);
                clean.putAll(Map.of("title", CLEAN, "description", CLEAN, "unit", "kg"));
                clean.put("translations", null);
                insert(c, "proposal", clean);
            }
            Map<String, Object> last = new LinkedHashMap<>(rows.get("proposal"));
            last.put("id", ControlCharactersStripped.BATCH + 3L);
            last.put("uri", "https://camp.example/proposals/last");
            insert(c, "proposal", last);
        });

        older.upgrade().close();

        try (Connection c = older.connect()) {
            for (ControlCharactersStripped.Columns columns : ControlCharactersStripped.TYPED_COLUMNS) {
                Object key = rows.get(columns.table()).get(columns.key());
                for (String name : columns.names()) {
                    if (!name.equals("translations")) {
                        assertEquals(CLEANED, read(c, columns.table(), columns.key(), key, name),
                                columns.table() + "." + name);
                    }
                }
            }
            assertEquals(PlainJson.object().set("uk", PlainJson.object().put("title", "Чайник")
                    .put("description", "Два літри\nсьогодні")), PlainJson.read(read(c, "proposal", "id", 1L,
                    "translations")), "the texts inside the JSON");
            assertEquals(CLEANED, read(c, "proposal", "id", ControlCharactersStripped.BATCH + 3L, "title"),
                    "a row after the first batch");
            assertEquals(CLEANED, read(c, "proposal", "id", ControlCharactersStripped.BATCH + 3L, "description"));
            assertEquals(CLEAN, read(c, "proposal", "id", 2L, "title"), "clean text stays as it was");
            assertEquals(CLEAN, read(c, "proposal", "id", ControlCharactersStripped.BATCH + 2L, "description"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** One row per table the migration reads, with the columns it must have; text columns are set after. */
    private static Map<String, Map<String, Object>> requiredColumns() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        rows.put("actor", row("id", 5L, "uri", "https://camp.example/users/rosa", "kind", "PERSON", "is_local", true,
                "username", "rosa", "domain", "camp.example", "inbox", "https://camp.example/users/rosa/inbox",
                "key_id", "https://camp.example/users/rosa#main-key", "public_key_pem", "pem",
                "manually_approves", false, "discoverable", true, "created_at", AT));
        rows.put("proposal", row("id", 1L, "uri", "https://camp.example/proposals/1", "is_local", true,
                "author_id", 5L, "attributed_to_id", 5L, "purpose", "OFFER", "kind", "GIFT", "status", "OPEN",
                "audience", "PUBLIC", "source", "FORM", "moderation", "VISIBLE", "language", "en", "ends_at", AT,
                "published_at", AT));
        rows.put("response", row("id", 3L, "uri", "https://camp.example/responses/3", "proposal_id", 1L,
                "responder_id", 5L, "kind", "OFFER", "state", "OPEN", "is_public", false, "created_at", AT));
        rows.put("conversation_message", row("id", 4L, "response_id", 3L, "uri", "https://camp.example/messages/4",
                "author_side", true, "sender_id", 5L, "created_at", AT));
        rows.put("poll", row("id", 6L, "uri", "https://camp.example/polls/6", "community_id", 5L, "multiple", false,
                "voters", "FOLLOWERS", "ends_at", AT, "created_at", AT));
        rows.put("poll_option", row("id", 7L, "poll_id", 6L, "position", 0));
        rows.put("community_setting", row("actor_id", 5L, "updated_at", AT));
        rows.put("decision", row("id", 8L, "poll_id", 6L, "community_id", 5L, "majority", "SIMPLE", "created_at", AT));
        rows.put("report", row("id", 9L, "account_id", 5L, "state", "OPEN", "created_at", AT));
        rows.put("moderation_action", row("id", 10L, "kind", "HIDE", "target", "https://camp.example/proposals/1",
                "created_at", AT));
        rows.put("account_block", row("id", 11L, "blocker_id", 5L, "blocked_id", 12L, "created_at", AT));
        rows.put("community_server_block", row("id", 13L, "community_id", 5L, "domain", "spam.example",
                "created_at", AT));
        rows.put("domain_block", row("id", 14L, "domain", "spam.example", "severity", "SUSPEND",
                "reject_reports", false, "obfuscate", false, "created_at", AT, "updated_at", AT));
        rows.put("invite", row("code", "abc123", "created_at", AT, "expires_at", AT));
        rows.put("api_token", row("id", 15L, "actor_id", 5L, "token_hash", "0".repeat(64), "created_at", AT));
        return rows;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static void insert(Connection c, String table, Map<String, Object> values) {
        List<String> names = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                insert.setObject(i + 1, values.get(names.get(i)));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static String read(Connection c, String table, String key, Object value, String column)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE " + key
                + " = ?")) {
            select.setObject(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
