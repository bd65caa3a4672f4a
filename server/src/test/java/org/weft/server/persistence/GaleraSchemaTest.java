package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What MariaDB Galera asks of the schema (docs/operating.md, "On a Galera cluster"): a primary key in every table, and
 * on MariaDB InnoDB only. V70 gave proposal_term the one key it lacked; the terms stored before it keep their rows, each
 * with an id of its own; V84 keys them by (proposal, term) instead. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL); deploy/cluster/check checks the same on Galera.
 */
class GaleraSchemaTest {
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void everyTableHasAPrimaryKeyAndTermsStoredBeforeV70KeepTheirRows() throws SQLException {
        older.migrateTo("59");
        older.insertWithoutForeignKeys(
                "INSERT INTO proposal_term (proposal_id, term) VALUES (7, 'pram'), (7, 'pram'), (8, 'bread')");
        assertEquals(List.of("proposal_term"), tablesWithoutPrimaryKey(), "before V70, the one table Galera would refuse");

        older.migrateTo("70");
        assertEquals(List.of(), tablesWithoutPrimaryKey(), "every table has a primary key");
        try (Connection c = older.connect(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("SELECT id, proposal_id, term FROM proposal_term ORDER BY proposal_id, id")) {
            Set<Long> ids = new HashSet<>();
            List<String> terms = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
                terms.add(rows.getLong(2) + " " + rows.getString(3));
            }
            assertEquals(List.of("7 pram", "7 pram", "8 bread"), terms, "no term lost, the repeated one kept");
            assertEquals(3, ids.size(), "each row its own id");
        }
        if (!older.isEmbedded()) {
            assertEquals(List.of(), tablesNotInnoDb(), "Galera replicates InnoDB tables only");
        }
    }

    @Test
    void fromV84TermsAreKeyedByProposalAndTermAndTellAccentsApart() throws SQLException {
        older.migrateTo("80");
        older.insertWithoutForeignKeys(
                "INSERT INTO proposal_term (proposal_id, term) VALUES (7, 'pram'), (7, 'pram'), (7, 'cafe'), (8, 'bread')");

        older.migrateTo("84");
        assertEquals(List.of(), tablesWithoutPrimaryKey(), "every table still has a primary key");
        assertEquals(List.of("7 cafe", "7 pram", "8 bread"), terms(), "a repeated term kept once, no other lost");
        // The analyzer keeps "café" and "cafe" apart (a folded and an unfolded reading); so does the key, on both
        // databases: under MariaDB's utf8mb4_unicode_ci the second would have been refused as the first.
        older.insertWithoutForeignKeys("INSERT INTO proposal_term (proposal_id, term) VALUES (7, 'café'), (7, 'Pram')");
        assertEquals(List.of("7 Pram", "7 cafe", "7 café", "7 pram", "8 bread"), terms());
        assertThrows(SQLException.class, () -> older.insertWithoutForeignKeys(
                "INSERT INTO proposal_term (proposal_id, term) VALUES (8, 'bread')"), "one row per proposal and term");
    }

    private List<String> terms() throws SQLException {
        List<String> terms = new ArrayList<>();
        try (Connection c = older.connect(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("SELECT proposal_id, term FROM proposal_term")) {
            while (rows.next()) {
                terms.add(rows.getLong(1) + " " + rows.getString(2));
            }
        }
        terms.sort(null); // by code point, as the key itself orders them on neither database
        return terms;
    }

    private List<String> tablesWithoutPrimaryKey() throws SQLException {
        return names("SELECT LOWER(t.table_name) FROM information_schema.tables t WHERE t.table_schema = " + schema()
                + " AND t.table_type IN ('BASE TABLE', 'TABLE')"
                + " AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c"
                + " WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name"
                + " AND c.constraint_type = 'PRIMARY KEY') ORDER BY 1");
    }

    private List<String> tablesNotInnoDb() throws SQLException {
        return names("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = " + schema()
                + " AND table_type = 'BASE TABLE' AND engine <> 'InnoDB' ORDER BY 1");
    }

    /** The schema Weft's tables are in: the database on MariaDB, H2's current schema. */
    private String schema() {
        return older.isEmbedded() ? "CURRENT_SCHEMA" : "DATABASE()";
    }

    private List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = older.connect(); Statement st = c.createStatement(); ResultSet rows = st.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
