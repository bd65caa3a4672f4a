package org.weft.bench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Bulk inserts with plain JDBC batches: ten thousand followers through the ORM one by one would make
 * the set-up slower than the benchmark. Column values follow what the server itself writes (UTC
 * DATETIME, enum names), see server/src/main/resources/db/migration.
 */
public final class Seeder {
    private static final int BATCH = 500;

    private Seeder() {
    }

    public static void insertActors(DataSource dataSource, List<RemoteActor> actors) throws SQLException {
        Timestamp now = utcNow();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO actor (uri, kind, is_local, username, domain, display_name, inbox, shared_inbox, key_id,"
                            + " public_key_pem, manually_approves, discoverable, created_at, fetched_at)"
                            + " VALUES (?, 'PERSON', FALSE, ?, ?, ?, ?, ?, ?, ?, FALSE, TRUE, ?, ?)")) {
                int pending = 0;
                for (RemoteActor actor : actors) {
                    insert.setString(1, actor.uri());
                    insert.setString(2, actor.username());
                    insert.setString(3, actor.domain());
                    insert.setString(4, actor.username());
                    insert.setString(5, actor.inbox());
                    insert.setString(6, actor.sharedInbox());
                    insert.setString(7, actor.keyId());
                    insert.setString(8, actor.publicKeyPem());
                    insert.setTimestamp(9, now);
                    insert.setTimestamp(10, now);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            c.commit();
        }
    }

    /** Makes every remote actor whose username starts with {@code prefix} an accepted follower of {@code followeeId}. */
    public static int followAll(DataSource dataSource, String prefix, long followeeId) throws SQLException {
        Timestamp now = utcNow();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO follow (follower_id, followee_id, activity_uri, state, created_at, accepted_at)"
                             + " SELECT id, ?, CONCAT(uri, '/follows/1'), 'ACCEPTED', ?, ? FROM actor"
                             + " WHERE is_local = FALSE AND username LIKE ?")) {
            insert.setLong(1, followeeId);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setString(4, prefix + "%");
            return insert.executeUpdate();
        }
    }

    /**
     * Makes the local actor {@code followerId} an accepted follower of each of the (stored) actors {@code followeeUris}.
     * The ids are looked up first: MariaDB's driver sends batches with its bulk protocol, which takes no INSERT … SELECT.
     */
    public static void followedBy(DataSource dataSource, long followerId, String followerUri, List<String> followeeUris)
            throws SQLException {
        Timestamp now = utcNow();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Long> followees = new ArrayList<>();
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM actor WHERE uri = ?")) {
                for (String uri : followeeUris) {
                    find.setString(1, uri);
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("no stored actor " + uri);
                        }
                        followees.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO follow (follower_id, followee_id, activity_uri, state, created_at, accepted_at)"
                            + " VALUES (?, ?, ?, 'ACCEPTED', ?, ?)")) {
                for (int i = 0; i < followees.size(); i++) {
                    insert.setLong(1, followerId);
                    insert.setLong(2, followees.get(i));
                    insert.setString(3, followerUri + "/follows/" + (i + 1));
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    /** Rows in a table, e.g. to check that every accepted POST was stored. */
    public static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Timestamp utcNow() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }
}
