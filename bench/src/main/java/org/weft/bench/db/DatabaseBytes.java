package org.weft.bench.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How much disk a server's database takes, read from outside while the server runs: the H2 file, or the sum of
 * the InnoDB tablespace files of the MariaDB database (and how much of the inbound table's file is free for reuse).
 */
public final class DatabaseBytes {
    private DatabaseBytes() {
    }

    /** Bytes on disk. */
    public static long onDisk(BenchDatabase db) {
        if (db.kind() == DbKind.H2) {
            Path file = db.dataDir().resolve("weft.mv.db");
            try {
                return Files.exists(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mariaDb(db, "SELECT COALESCE(SUM(FILE_SIZE), 0) FROM information_schema.INNODB_SYS_TABLESPACES WHERE NAME LIKE ?",
                db.name() + "/%");
    }

    /** MariaDB: free bytes inside the inbound table's file, which new rows reuse (0 for H2). */
    public static long freeForReuse(BenchDatabase db) {
        if (db.kind() == DbKind.H2) {
            return 0;
        }
        return mariaDb(db, "SELECT DATA_FREE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = 'inbound_activity'", db.name());
    }

    private static long mariaDb(BenchDatabase db, String sql, String parameter) {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the size of " + db.name() + ": " + e.getMessage(), e);
        }
    }
}
