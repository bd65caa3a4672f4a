package org.weft.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;

/**
 * Gives each test server a database of its own: an H2 file in a temporary directory by default, or a
 * database of its own on the MariaDB server named by {@code WEFT_TEST_DB_URL} (CI runs the suite both ways).
 */
public final class TestDatabases {
    private static final String MARIADB_URL = System.getenv("WEFT_TEST_DB_URL");

    private TestDatabases() {
    }

    public static boolean usingMariaDb() {
        return MARIADB_URL != null && !MARIADB_URL.isBlank();
    }

    /**
     * A new, empty database, for a test that must see the migrations run (Flyway on an empty schema, an older schema
     * upgraded, a start's skipping of Flyway) or that opens a database of its own; embedded settings store their file
     * under {@code dataDir}.
     */
    public static DatabaseSettings fresh(Path dataDir) {
        if (!usingMariaDb()) {
            return new DatabaseSettings("", "", "", 8);
        }
        String name = newName();
        try (Connection c = serverConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + MARIADB_URL + ": " + e.getMessage(), e);
        }
        return settingsOf(name);
    }

    /**
     * As {@link #fresh}, for a test that opens it at once with {@code Database.open} (a test server,
     * {@link FreshDatabase}): it starts as a copy of a database migrated once per test JVM, so the open finds every
     * migration applied (as every restart of a server does) instead of running them all, which was most of a start's
     * time. Embedded, the copy is the template's file; on MariaDB, its tables and rows ({@link MariaDbTemplate}).
     */
    public static DatabaseSettings migrated(Path dataDir) {
        if (!usingMariaDb()) {
            try {
                Files.copy(EmbeddedTemplate.FILE, dataDir.resolve(EmbeddedTemplate.FILE.getFileName()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot copy the migrated template database into " + dataDir, e);
            }
            return fresh(dataDir);
        }
        String name = newName();
        try {
            ServerTemplate.TEMPLATE.copyInto(name);
        } catch (SQLException e) {
            drop(settingsOf(name)); // a copy cut short is no test's database
            throw new IllegalStateException("Cannot copy the migrated template into " + name + ": " + e.getMessage(),
                    e);
        }
        return settingsOf(name);
    }

    /** The MariaDB template, made the first time a test asks for a migrated database. */
    private static final class ServerTemplate {
        static final MariaDbTemplate TEMPLATE = MariaDbTemplate.create(TestDatabases::settingsOf);
    }

    /** The embedded database file every migration has run on, made the first time a test asks for one. */
    private static final class EmbeddedTemplate {
        static final Path FILE = create();

        private static Path create() {
            Path dir = tempDir();
            DatabaseSettings settings = new DatabaseSettings("", "", "", 8);
            // Closing the pool closes H2 (no DB_CLOSE_DELAY): the file is complete and nothing holds it.
            Database.open(settings, dir).close();
            return dir.resolve("weft.mv.db");
        }
    }

    /** Drops a database made by {@link #fresh}; embedded ones go with their temporary directory. */
    public static void drop(DatabaseSettings settings) {
        if (settings.isEmbedded()) {
            return;
        }
        String name = settings.url().substring(settings.url().lastIndexOf('/') + 1);
        try (Connection c = serverConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String newName() {
        return "weft_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static DatabaseSettings settingsOf(String name) {
        String base = MARIADB_URL.endsWith("/") ? MARIADB_URL : MARIADB_URL + "/";
        return new DatabaseSettings(base + name, user(), password(), 8);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("weft-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection of its own to the MariaDB server (no database chosen), for a test that watches the server from
     * outside the application's pool: a busy pool must not delay what the test observes.
     */
    public static Connection serverConnection() throws SQLException {
        if (MARIADB_URL == null) {
            throw new IllegalStateException("no MariaDB server: WEFT_TEST_DB_URL is not set");
        }
        return DriverManager.getConnection(MARIADB_URL, user(), password());
    }

    private static String user() {
        String user = System.getenv("WEFT_TEST_DB_USER");
        return user == null ? "weft" : user;
    }

    private static String password() {
        String password = System.getenv("WEFT_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }
}
