package org.weft.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;

/**
 * A database made by {@link TestDatabases#migrated} is the one Flyway makes from empty: every test server on MariaDB
 * starts from such a copy, so a difference here (a foreign key lost, an ON DELETE rule, a collation, a check) would be
 * a difference between what the tests exercise and what production runs. On MariaDB only: an embedded copy is the
 * migrated template's file, byte for byte, so there is nothing to compare.
 */
class MigratedSchemaTest {
    /** What information_schema says of a schema, one query per aspect; every column a table's DDL can set. */
    private static final Map<String, String> ASPECTS = aspects();

    private final List<DatabaseSettings> made = new ArrayList<>();

    @AfterEach
    void dropBoth() {
        made.forEach(TestDatabases::drop);
    }

    @Test
    void aCopyOfTheTemplateIsTheSchemaFlywayMakesFromEmpty() throws SQLException {
        assumeTrue(TestDatabases.usingMariaDb(), "an embedded copy is the migrated template's file, byte for byte");
        Path migratedDir = TestDatabases.tempDir();
        DatabaseSettings byFlyway = TestDatabases.fresh(migratedDir);
        made.add(byFlyway);
        Database.open(byFlyway, migratedDir).close();
        DatabaseSettings copied = TestDatabases.migrated(TestDatabases.tempDir());
        made.add(copied);

        for (Map.Entry<String, String> aspect : ASPECTS.entrySet()) {
            List<String> expected = rows(schema(byFlyway), aspect.getValue());
            assertEquals(expected, rows(schema(copied), aspect.getValue()), aspect.getKey() + " differ");
        }
    }

    /**
     * The comparison would pass on two empty schemas too: the copy holds what it must carry. (The migrations make no
     * check constraint yet; the comparison covers them for when one does.)
     */
    @Test
    void theComparisonSeesForeignKeysWithTheirRulesAndTheHistory() throws SQLException {
        assumeTrue(TestDatabases.usingMariaDb(), "an embedded copy is the migrated template's file, byte for byte");
        DatabaseSettings copied = TestDatabases.migrated(TestDatabases.tempDir());
        made.add(copied);
        String schema = schema(copied);
        List<String> foreignKeys = rows(schema, ASPECTS.get("foreign keys"));
        assertTrue(foreignKeys.stream().anyMatch(fk -> fk.endsWith("|CASCADE")), "ON DELETE CASCADE: " + foreignKeys);
        assertTrue(foreignKeys.stream().anyMatch(fk -> fk.endsWith("|SET NULL")), "ON DELETE SET NULL: " + foreignKeys);
        assertTrue(rows(schema, ASPECTS.get("schema history")).stream().anyMatch(row -> row.contains("|92|")),
                "the newest migration in Flyway's history");
    }

    private static Map<String, String> aspects() {
        Map<String, String> aspects = new LinkedHashMap<>();
        aspects.put("schema defaults", "SELECT default_character_set_name, default_collation_name"
                + " FROM information_schema.schemata WHERE schema_name = ?");
        aspects.put("tables", "SELECT table_name, table_type, engine, row_format, table_collation, create_options,"
                + " table_comment, auto_increment FROM information_schema.tables WHERE table_schema = ?");
        aspects.put("columns", "SELECT table_name, column_name, ordinal_position, column_type, column_default,"
                + " is_nullable, character_set_name, collation_name, extra, is_generated, generation_expression,"
                + " column_comment"
                + " FROM information_schema.columns WHERE table_schema = ?");
        aspects.put("indexes", "SELECT table_name, index_name, seq_in_index, column_name, non_unique, sub_part,"
                + " index_type, collation, nullable, packed, index_comment, ignored"
                + " FROM information_schema.statistics WHERE table_schema = ?");
        aspects.put("constraints", "SELECT table_name, constraint_name, constraint_type"
                + " FROM information_schema.table_constraints WHERE constraint_schema = ?");
        aspects.put("key columns", "SELECT table_name, constraint_name, column_name, ordinal_position,"
                + " position_in_unique_constraint, referenced_table_schema = table_schema, referenced_table_name,"
                + " referenced_column_name FROM information_schema.key_column_usage WHERE constraint_schema = ?");
        aspects.put("foreign keys", "SELECT table_name, constraint_name, referenced_table_name, unique_constraint_name,"
                + " match_option, update_rule, delete_rule"
                + " FROM information_schema.referential_constraints WHERE constraint_schema = ?");
        aspects.put("checks", "SELECT table_name, constraint_name, level, check_clause"
                + " FROM information_schema.check_constraints WHERE constraint_schema = ?");
        aspects.put("views, triggers, routines, events", "SELECT 'view', table_name FROM information_schema.views"
                + " WHERE table_schema = ? UNION ALL SELECT 'trigger', trigger_name FROM information_schema.triggers"
                + " WHERE trigger_schema = ? UNION ALL SELECT 'routine', routine_name FROM information_schema.routines"
                + " WHERE routine_schema = ? UNION ALL SELECT 'event', event_name FROM information_schema.events"
                + " WHERE event_schema = ?");
        // When and how long each ran differs by nature; what ran, in which order, with which checksum, may not.
        aspects.put("schema history", "SELECT installed_rank, version, description, type, script, checksum, success"
                + " FROM `%s`.flyway_schema_history");
        return aspects;
    }

    /** The query's rows, each as its columns joined by '|', sorted. */
    private static List<String> rows(String schema, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabases.serverConnection();
             PreparedStatement select = c.prepareStatement(query.replace("%s", schema))) {
            for (int i = 1; i <= query.chars().filter(ch -> ch == '?').count(); i++) {
                select.setString(i, schema);
            }
            try (ResultSet found = select.executeQuery()) {
                int columns = found.getMetaData().getColumnCount();
                while (found.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i == 1 ? "" : "|").append(found.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String schema(DatabaseSettings settings) {
        return settings.url().substring(settings.url().lastIndexOf('/') + 1);
    }
}
