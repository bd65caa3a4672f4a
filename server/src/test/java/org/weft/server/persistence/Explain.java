package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's {@code EXPLAIN} of a statement, for the tests that check which index a query reads: one array per row of
 * the plan, in EXPLAIN's columns (id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra).
 */
final class Explain {
    static final int TABLE = 2;
    static final int TYPE = 3;
    static final int KEY = 5;
    static final int ROWS = 8;
    static final int EXTRA = 9;

    private Explain() {
    }

    /** The plan of {@code sql} with its parameters bound in order, on {@code c} (left open). */
    static List<Object[]> of(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The rows the optimizer expects a row of the plan to read (0 when it says none). */
    static long rows(Object[] row) {
        return row[ROWS] == null ? 0 : Long.parseLong(String.valueOf(row[ROWS]));
    }

    /** Whether a row of the plan reads its table whole: every row, or every entry of an index. */
    static boolean readsWhole(Object[] row) {
        return "ALL".equals(row[TYPE]) || "index".equals(row[TYPE]);
    }
}
