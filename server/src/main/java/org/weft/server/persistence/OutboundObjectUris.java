package org.weft.server.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.api.migration.Context;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.ObjectRef;

/**
 * Migration V96: each sent activity names what it is about ({@code object_uri}), so the outbox lists a post only while
 * it still exists as its own URL serves it, instead of replaying every Create and Update ever sent (the full text of
 * deleted and edited posts stayed readable there). The public activities sent before are read once for it; one whose
 * body is unreadable keeps none, and the outbox no longer lists it. Java, because H2 and MariaDB share no JSON
 * functions.
 */
final class OutboundObjectUris extends WeftJavaMigration {

    public OutboundObjectUris() {
        super("96", "outbound activity object uris", 96_001); // change it with the statements
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE outbound_activity ADD COLUMN object_uri VARCHAR(700) NULL");
            statement.execute("CREATE INDEX ix_outbound_object ON outbound_activity (object_uri)");
        }
        Map<Long, String> objects = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body FROM outbound_activity WHERE is_public = TRUE");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                objectUri(rows.getString(2)).ifPresent(uri -> objects.put(id, uri));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbound_activity SET object_uri = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> row : objects.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The id of a stored activity's object; empty when the body is unreadable or the id too long to keep. */
    static Optional<String> objectUri(String body) {
        try {
            ObjectRef object = Activity.fromJson(PlainJson.read(body)).object();
            return Optional.ofNullable(object == null ? null : object.id())
                    .filter(id -> id.length() <= OutboundActivityEntity.MAX_OBJECT_URI);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
