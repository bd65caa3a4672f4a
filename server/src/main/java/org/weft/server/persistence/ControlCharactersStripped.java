package org.weft.server.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.flywaydb.core.api.migration.Context;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.model.ControlCharacters;

/**
 * Migration V97: text people typed loses the control characters no one means to type ({@link ControlCharacters#strip})
 * in the rows written before forms and the API dropped them on the way in, so a NUL stored in an old title no longer
 * reaches a page, a Note or an export. The columns are those every page's form and the API's text fields fill: a post's
 * title, text, unit and translations, a profile's name and about, responses and the messages of a conversation, polls
 * and their options, rules and proposed rules, and the free text of reports, blocks, moderation, invites and API
 * tokens. A table's rows from other servers lose them too: the characters show as nothing, so no one's words change.
 *
 * <p>Each table is read {@value #BATCH} rows at a time in key order, and only a value that holds such a character is
 * written back, by its key; no table is read whole and no untouched row is written. Translations are JSON, which
 * holds a C0 control as an escape ({@code \u0000}): their texts are read, cleaned and written again as JSON. Java,
 * because the two databases share no function that could match these characters.
 */
final class ControlCharactersStripped extends WeftJavaMigration {
    static final int BATCH = 200;
    private static final UnaryOperator<String> TYPED = ControlCharacters::strip;
    /** The columns people fill through a form or the API (ui.Forms, api.JsonBody), table by table. */
    static final List<Columns> TYPED_COLUMNS = List.of(
            new Columns("proposal", "id", List.of("title", "description", "unit"), TYPED),
            new Columns("proposal", "id", List.of("translations"), ControlCharactersStripped::translations),
            new Columns("actor", "id", List.of("display_name", "summary"), TYPED),
            new Columns("response", "id", List.of("content"), TYPED),
            new Columns("conversation_message", "id", List.of("content"), TYPED),
            new Columns("poll", "id", List.of("question", "details"), TYPED),
            new Columns("poll_option", "id", List.of("name"), TYPED),
            new Columns("community_setting", "actor_id", List.of("rules"), TYPED),
            new Columns("decision", "id", List.of("proposed_rules", "rules_at_open"), TYPED),
            new Columns("report", "id", List.of("comment"), TYPED),
            new Columns("moderation_action", "id", List.of("reason"), TYPED),
            new Columns("account_block", "id", List.of("reason"), TYPED),
            new Columns("community_server_block", "id", List.of("reason"), TYPED),
            new Columns("domain_block", "id", List.of("public_comment"), TYPED),
            new Columns("invite", "code", List.of("note"), TYPED),
            new Columns("api_token", "id", List.of("label"), TYPED));

    public ControlCharactersStripped() {
        super("97", "strip control characters from typed text", 97_001); // change it with the columns or statements
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Columns columns : TYPED_COLUMNS) {
            clean(connection, columns);
        }
    }

    private static void clean(Connection connection, Columns columns) throws SQLException {
        List<PreparedStatement> updates = new ArrayList<>();
        try {
            for (String column : columns.names()) {
                updates.add(connection.prepareStatement("UPDATE " + columns.table() + " SET " + column + " = ? WHERE "
                        + columns.key() + " = ?"));
            }
            Object after = null;
            int read;
            do {
                read = 0;
                try (PreparedStatement select = connection.prepareStatement(page(columns, after != null))) {
                    if (after != null) {
                        select.setObject(1, after);
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            read++;
                            after = rows.getObject(1);
                            for (int i = 0; i < columns.names().size(); i++) {
                                String stored = rows.getString(i + 2);
                                String cleaned = columns.clean().apply(stored);
                                if (!Objects.equals(stored, cleaned)) {
                                    updates.get(i).setString(1, cleaned);
                                    updates.get(i).setObject(2, after);
                                    updates.get(i).addBatch();
                                }
                            }
                        }
                    }
                }
                for (PreparedStatement update : updates) {
                    update.executeBatch();
                }
            } while (read == BATCH);
        } finally {
            for (PreparedStatement update : updates) {
                update.close();
            }
        }
    }

    /** The next {@value #BATCH} rows after the last key read (the first ones when none was). */
    private static String page(Columns columns, boolean after) {
        return "SELECT " + columns.key() + ", " + String.join(", ", columns.names()) + " FROM " + columns.table()
                + (after ? " WHERE " + columns.key() + " > ?" : "") + " ORDER BY " + columns.key() + " LIMIT " + BATCH;
    }

    /**
     * A proposal's translations ({@code {"uk": {"title": …, "description": …}}}) with their texts cleaned, the same
     * object when none needed it; text that is not JSON is cleaned as text.
     */
    static String translations(String json) {
        if (json == null) {
            return null;
        }
        JsonNode stored;
        try {
            stored = PlainJson.read(json);
        } catch (IOException e) {
            return TYPED.apply(json);
        }
        JsonNode cleaned = cleaned(stored);
        return cleaned.equals(stored) ? json : cleaned.toString();
    }

    private static JsonNode cleaned(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(TYPED.apply(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = PlainJson.object();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), cleaned(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    /** Columns of one table cleaned by one function, the rows found by {@code key}. */
    record Columns(String table, String key, List<String> names, UnaryOperator<String> clean) {
    }
}
