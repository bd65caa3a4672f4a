package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Flyway's schema history, read with plain JDBC: whether every packaged migration, and nothing else, has run and
 * succeeded. Then a start has nothing for Flyway to do, and skips it. Whatever else the history holds (no history, a
 * failed row, a migration missing or one this build does not know, a row of a kind Weft never writes) is Flyway's to
 * run or report as it always has.
 */
final class SchemaHistory {
    /** Flyway's own rows that carry no version: the history table's and a schema's creation. */
    private static final Set<String> MARKER_TYPES = Set.of("TABLE", "SCHEMA");
    /** Rows of applied migrations: SQL scripts and Java (JDBC) migrations. */
    private static final Set<String> MIGRATION_TYPES = Set.of("SQL", "JDBC");

    private SchemaHistory() {
    }

    /** Whether the database has run exactly the migrations packaged, all successfully. */
    static boolean isCurrent(Connection connection) {
        Optional<Set<String>> packaged = PackagedMigrations.versions();
        if (packaged.isEmpty()) {
            return false;
        }
        Optional<Set<String>> applied = applied(connection);
        return applied.isPresent() && applied.get().equals(packaged.get());
    }

    /** The versions applied successfully; empty when there is no history or it holds a row Flyway must look at. */
    private static Optional<Set<String>> applied(Connection connection) {
        Set<String> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, type, success FROM flyway_schema_history")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(2);
                boolean success = rows.getBoolean(3);
                if (!success) {
                    return Optional.empty();
                }
                if (version == null && MARKER_TYPES.contains(type)) {
                    continue;
                }
                if (version == null || !MIGRATION_TYPES.contains(type)) {
                    return Optional.empty();
                }
                versions.add(PackagedMigrations.normalized(version));
            }
            return Optional.of(versions);
        } catch (SQLException noHistory) {
            return Optional.empty(); // a new database, or one Flyway did not make: Flyway says which
        }
    }
}
