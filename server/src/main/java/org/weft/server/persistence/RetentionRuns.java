package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/** The {@code retention_run} table: the last run of each retention task, what it removed and when. */
public final class RetentionRuns {
    private static final String UPSERT = "INSERT INTO retention_run (task, ran_at, removed) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE ran_at = VALUES(ran_at), removed = VALUES(removed)";

    private RetentionRuns() {
    }

    /** A run of one task. */
    public record Run(Instant at, long removed) {
    }

    public static void record(Connection connection, String task, Instant at, long removed) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, task);
            upsert.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            upsert.setLong(3, removed);
            upsert.executeUpdate();
        }
    }

    public static void record(DataSource dataSource, Map<String, Long> removedByTask, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<String, Long> task : removedByTask.entrySet()) {
                record(connection, task.getKey(), at, task.getValue());
            }
        }
    }

    /** Every task's last run, by name. */
    public static Map<String, Run> all(DataSource dataSource) throws SQLException {
        Map<String, Run> runs = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT task, ran_at, removed FROM retention_run ORDER BY task")) {
            while (rs.next()) {
                runs.put(rs.getString(1), new Run(rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong(3)));
            }
        }
        return runs;
    }
}
