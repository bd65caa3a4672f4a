package org.weft.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbKind;

/**
 * What the database of the server under test holds, read over plain JDBC from the bench while the server runs (on
 * H2 through its AUTO_SERVER port, so the reads run inside the server process): its size on disk, the queues, and at
 * the start and end of a run the size and rows of every table. On MariaDB the size is the sum of the database's
 * InnoDB tablespace files ({@code information_schema.INNODB_SYS_TABLESPACES}, which needs the PROCESS privilege;
 * without it the sum of {@code DATA_LENGTH + INDEX_LENGTH} of its tables); on H2, the size of its one file.
 */
final class DbGauge implements AutoCloseable {
    private final BenchDatabase db;
    private Connection connection;
    private String sizeMethod;

    private DbGauge(BenchDatabase db) {
        this.db = db;
    }

    static DbGauge open(BenchDatabase db) {
        return new DbGauge(db);
    }

    /** How {@link #bytes()} measures, for the report. */
    String sizeMethod() throws SQLException {
        if (sizeMethod == null) {
            bytes();
        }
        return sizeMethod;
    }

    /** The database's size on disk, in bytes. */
    long bytes() throws SQLException {
        if (db.kind() == DbKind.H2) {
            sizeMethod = "size of the H2 file weft.mv.db";
            try {
                return Files.size(db.dataDir().resolve("weft.mv.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (PreparedStatement files = connection().prepareStatement("SELECT COALESCE(SUM(FILE_SIZE), 0)"
                + " FROM information_schema.INNODB_SYS_TABLESPACES WHERE NAME LIKE ?")) {
            files.setString(1, schema().replace("_", "\\_") + "/%");
            try (ResultSet rs = files.executeQuery()) {
                rs.next();
                sizeMethod = "sum of the database's InnoDB tablespace files (information_schema.INNODB_SYS_TABLESPACES"
                        + ".FILE_SIZE)";
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            sizeMethod = "sum of DATA_LENGTH + INDEX_LENGTH of the database's tables (information_schema.TABLES;"
                    + " tablespace files not readable: " + e.getMessage() + ")";
            return tables(false).stream().mapToLong(TableSize::bytes).sum();
        }
    }

    /** The database server and the settings that matter for a write load, for the report. */
    String describe() throws SQLException {
        if (db.kind() == DbKind.H2) {
            try (Statement st = connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT H2VERSION()")) {
                rs.next();
                return "H2 " + rs.getString(1);
            }
        }
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION(),"
                + " @@innodb_flush_log_at_trx_commit, @@innodb_buffer_pool_size")) {
            rs.next();
            return String.format(java.util.Locale.ROOT, "MariaDB %s, innodb_flush_log_at_trx_commit=%d, buffer pool %d MB",
                    rs.getString(1), rs.getInt(2), rs.getLong(3) >> 20);
        }
    }

    /** The inbound and delivery queues now. */
    record Queues(long inboundBacklog, long inboundRetrying, long inboundFailed, long deliveriesPending,
                  long deliveriesRetrying, long deliveriesGaveUp) {
        /** Activities whose processing failed at least once, and deliveries that did. */
        long errors() {
            return inboundRetrying + inboundFailed + deliveriesRetrying + deliveriesGaveUp;
        }
    }

    /**
     * Backlog: inbound activities stored and not yet processed once (a row that failed and waits for its next attempt
     * is counted as retrying, not as backlog). The counts use the {@code (state, next_attempt_at)} indexes.
     */
    Queues queues() throws SQLException {
        return new Queues(
                count("SELECT COUNT(*) FROM inbound_activity WHERE state = 'PENDING' AND attempts = 0"),
                count("SELECT COUNT(*) FROM inbound_activity WHERE state = 'PENDING' AND attempts > 0"),
                count("SELECT COUNT(*) FROM inbound_activity WHERE state = 'FAILED'"),
                count("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING' AND attempts = 0"),
                count("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING' AND attempts > 0"),
                count("SELECT COUNT(*) FROM delivery WHERE state = 'GAVE_UP'"));
    }

    /** One table: exact rows, and bytes as the database reports them. */
    record TableSize(String name, long rows, long bytes) {
    }

    /**
     * Every table with its rows ({@code COUNT(*)}) and bytes: MariaDB's {@code DATA_LENGTH + INDEX_LENGTH}, refreshed
     * first by {@code ANALYZE TABLE} when {@code analyze} is set (InnoDB's statistics otherwise lag); H2's
     * {@code DISK_SPACE_USED}. Only for the ends of a run: it reads every row.
     */
    List<TableSize> tables(boolean analyze) throws SQLException {
        List<String> names = tableNames();
        if (analyze && db.kind() == DbKind.MARIADB && !names.isEmpty()) {
            try (Statement st = connection().createStatement()) {
                st.execute("ANALYZE TABLE " + String.join(", ", names));
            }
        }
        List<TableSize> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new TableSize(name, count("SELECT COUNT(*) FROM " + name), tableBytes(name)));
        }
        return tables;
    }

    /**
     * The bytes of every table now, without counting rows: cheap enough for every sample. On MariaDB the statistics
     * are refreshed first ({@code ANALYZE TABLE}, which reads a few pages of each index): without it
     * {@code DATA_LENGTH + INDEX_LENGTH} only moves when InnoDB recalculates a table's statistics by itself, after a
     * tenth of its rows changed, and a table's line through the samples would follow those recalculations.
     */
    Map<String, Long> tableBytes() throws SQLException {
        Map<String, Long> bytes = new TreeMap<>();
        List<String> names = tableNames();
        if (db.kind() == DbKind.H2) {
            for (String name : names) {
                bytes.put(name.toLowerCase(java.util.Locale.ROOT), tableBytes(name));
            }
            return bytes;
        }
        if (names.isEmpty()) {
            return bytes;
        }
        try (Statement st = connection().createStatement()) {
            st.execute("ANALYZE TABLE " + String.join(", ", names));
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    bytes.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            close(); // a broken connection is opened again on the next reading
            throw e;
        }
        return bytes;
    }

    private List<String> tableNames() throws SQLException {
        List<String> names = new ArrayList<>();
        String list = db.kind() == DbKind.H2
                ? "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"
                : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(list)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long tableBytes(String table) throws SQLException {
        String sql = db.kind() == DbKind.H2 ? "SELECT DISK_SPACE_USED(?)"
                : "SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ?";
        try (PreparedStatement st = connection().prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String schema() throws SQLException {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            close(); // a broken connection is opened again on the next reading
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = db.connect();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
            connection = null;
        }
    }
}
