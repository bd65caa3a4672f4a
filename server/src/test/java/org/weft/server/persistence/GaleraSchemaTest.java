package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * with an id of its own. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL); deploy/cluster/check checks the same on Galera.
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
