package org.weft.server.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * A database of its own for each test, migrated only as far as the test asks: for tests that store rows as an older Weft
 * did, then upgrade and read what the newer migrations made of them. H2 in a temporary directory, or a fresh database on
 * the MariaDB of {@code WEFT_TEST_DB_URL}; dropped after the test. Register it with
 * {@code @RegisterExtension final OlderSchema older = new OlderSchema();}.
 */
final class OlderSchema implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private DatabaseSettings settings;

    @Override
    public void beforeEach(ExtensionContext context) {
        // Flyway opens the database here before Weft does: H2 must keep its listener on loopback first, as Database.open
        // makes it, or every later embedded database in this JVM refuses to open.
        EmbeddedServerAddress.ensureLoopback();
        dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (settings != null) {
            TestDatabases.drop(settings);
        }
    }

    /** Weft's migrations (the Java ones included) up to and including {@code version}. */
    void migrateTo(String version) {
        Database.migrationsUpTo(version, settings, dir).load().migrate();
    }

    /**
     * Runs the statements with foreign keys off: such a test stores only the rows it is about, not the proposals or
     * actors they name.
     */
    void insertWithoutForeignKeys(SqlStatements statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(isEmbedded() ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
            statements.run(c);
            st.execute(isEmbedded() ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    /** The same, for plain SQL. */
    void insertWithoutForeignKeys(String... sql) throws SQLException {
        insertWithoutForeignKeys(c -> {
            try (Statement st = c.createStatement()) {
                for (String statement : sql) {
                    st.execute(statement);
                }
            }
        });
    }

    /** Weft on this database, migrated to the newest version, its mapping validated against the schema. */
    Database upgrade() {
        return Database.open(settings, dir, true);
    }

    /** Flyway over this database with every migration Weft packages, as a start that needs it runs them. */
    Flyway flyway() {
        return Database.migrationsUpTo("latest", settings, dir).load();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(dir), settings.userOrDefault(), settings.passwordOrDefault());
    }

    boolean isEmbedded() {
        return settings.isEmbedded();
    }

    /** Statements run on one connection. */
    @FunctionalInterface
    interface SqlStatements {
        void run(Connection connection) throws SQLException;
    }
}
