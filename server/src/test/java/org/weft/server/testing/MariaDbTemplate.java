package org.weft.server.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;

/**
 * A MariaDB database every migration has run on, made once per test JVM, that new test databases are copied from:
 * creating some fifty tables from their {@code SHOW CREATE TABLE} takes a fraction of running the 92 migrations,
 * many of which rebuild a table. The copy is the schema exactly (columns, indexes, foreign keys with their rules,
 * checks, charsets, table options; {@code MigratedSchemaTest} compares it with a migrated one) plus every row the
 * migrations left, Flyway's history among them, so a server opening it finds every migration applied and skips Flyway.
 */
final class MariaDbTemplate {
    /** Its name says it is a test's, should the JVM die before the shutdown hook drops it. */
    private static final String PREFIX = "weft_test_template_";

    private final String name;
    /** Each table's {@code CREATE TABLE}, as the server prints it, in the template's table order. */
    private final List<String> createTables;
    /** The tables the migrations left rows in (Flyway's history, and any a migration seeds). */
    private final List<String> tablesWithRows;

    private MariaDbTemplate(String name, List<String> createTables, List<String> tablesWithRows) {
        this.name = name;
        this.createTables = createTables;
        this.tablesWithRows = tablesWithRows;
    }

    /**
     * Migrates a new template database on the test server and reads what a copy needs; {@code settingsOf} gives the
     * settings that open a database of the name given.
     */
    static MariaDbTemplate create(Function<String, DatabaseSettings> settingsOf) {
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = TestDatabases.serverConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            dropAtExit(name);
            // As a test server's first start does: Weft's own open runs Flyway, Java migrations included.
            Database.open(settingsOf.apply(name), TestDatabases.tempDir()).close();
            refuseWhatIsNotCopied(s, name);
            List<String> tables = baseTables(s, name);
            List<String> creates = new ArrayList<>();
            List<String> withRows = new ArrayList<>();
            for (String table : tables) {
                try (ResultSet shown = s.executeQuery("SHOW CREATE TABLE " + name + "." + quoted(table))) {
                    shown.next();
                    creates.add(shown.getString(2));
                }
                try (ResultSet any = s.executeQuery("SELECT 1 FROM " + name + "." + quoted(table) + " LIMIT 1")) {
                    if (any.next()) {
                        withRows.add(table);
                    }
                }
            }
            return new MariaDbTemplate(name, List.copyOf(creates), List.copyOf(withRows));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make the migrated template database " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code database} a copy of the template, on one connection and in one batch: its tables (foreign key checks
     * off, so a table may name one created after it) and the rows in them.
     */
    void copyInto(String database) throws SQLException {
        try (Connection c = TestDatabases.serverConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("USE " + database);
            s.execute("SET SESSION FOREIGN_KEY_CHECKS = 0");
            for (String create : createTables) {
                s.addBatch(create);
            }
            for (String table : tablesWithRows) {
                s.addBatch("INSERT INTO " + quoted(table) + " SELECT * FROM " + name + "." + quoted(table));
            }
            s.executeBatch();
        }
    }

    /**
     * Only tables are copied: a migration that makes a view, trigger, routine, event or sequence fails every MariaDB
     * test here, until this class copies that too, rather than leaving the copies silently short of it.
     */
    private static void refuseWhatIsNotCopied(Statement s, String name) throws SQLException {
        String schema = "'" + name + "'";
        String[] others = {
                "SELECT CONCAT('view ', table_name) FROM information_schema.views WHERE table_schema = " + schema,
                "SELECT CONCAT('trigger ', trigger_name) FROM information_schema.triggers"
                        + " WHERE trigger_schema = " + schema,
                "SELECT CONCAT('routine ', routine_name) FROM information_schema.routines"
                        + " WHERE routine_schema = " + schema,
                "SELECT CONCAT('event ', event_name) FROM information_schema.events WHERE event_schema = " + schema,
                "SELECT CONCAT('sequence ', table_name) FROM information_schema.tables WHERE table_schema = " + schema
                        + " AND table_type = 'SEQUENCE'"};
        for (String query : others) {
            try (ResultSet found = s.executeQuery(query)) {
                if (found.next()) {
                    throw new IllegalStateException("The migrations made a " + found.getString(1)
                            + ", which MariaDbTemplate does not copy yet: teach it to");
                }
            }
        }
    }

    private static List<String> baseTables(Statement s, String name) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + name + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /**
     * Drops the template when the test JVM exits normally; test databases are dropped by their tests, but this one is
     * shared by all of them and no test knows when it is the last.
     */
    private static void dropAtExit(String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = TestDatabases.serverConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                System.err.println("Could not drop the template database " + name + ": " + e.getMessage());
            }
        }, "drop-" + name));
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
