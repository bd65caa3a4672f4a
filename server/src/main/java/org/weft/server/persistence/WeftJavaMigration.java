package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * What Weft's migrations written in Java share: a fixed version, description and checksum, each run inside
 * Flyway's transaction for it. They are written in Java where the two databases need different statements, or rows
 * need reading before they are changed; SQL migrations serve both databases otherwise.
 */
abstract class WeftJavaMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;
    private final Integer checksum;

    /** {@code checksum}: change it whenever the migration's statements change (null: Flyway checks nothing). */
    WeftJavaMigration(String version, String description, Integer checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    /** Whether the migration runs on the embedded H2 database (otherwise on MariaDB). */
    static boolean isH2(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName());
    }
}
