package org.weft.server.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hibernate.Session;

/**
 * How big the database is, as the database itself tells: on MariaDB {@code information_schema.TABLES} (rows are
 * InnoDB's estimate; bytes are data and indexes), on H2 its {@code INFORMATION_SCHEMA} (row counts) and
 * {@code DISK_SPACE_USED} per table (which leaves out values kept in H2's separate store of large values, such as
 * inbound bodies over 16 KB), and the file's size for the whole.
 */
public final class StorageSizes {
    /** The pseudo-table that stands for the whole database in samples. */
    public static final String WHOLE = "*";

    private StorageSizes() {
    }

    /** One table: about how many rows and bytes. */
    public record TableSize(String table, long rows, long bytes) {
    }

    /** Every table of the schema, largest first. Reads each table's pages on H2: for a command, not each request. */
    public static List<TableSize> tables(Session s) {
        List<Object[]> rows = embedded(s)
                ? s.createNativeQuery("SELECT table_name, row_count_estimate, DISK_SPACE_USED(table_schema || '.' || table_name)"
                        + " FROM information_schema.tables WHERE table_schema = SCHEMA() AND table_type = 'BASE TABLE'",
                        Object[].class).getResultList()
                : s.createNativeQuery("SELECT table_name, table_rows, data_length + index_length FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", Object[].class).getResultList();
        List<TableSize> sizes = new ArrayList<>();
        for (Object[] row : rows) {
            sizes.add(new TableSize(((String) row[0]).toLowerCase(Locale.ROOT), number(row[1]), number(row[2])));
        }
        sizes.sort(Comparator.comparingLong(TableSize::bytes).reversed().thenComparing(TableSize::table));
        return sizes;
    }

    /** The whole database in bytes: the embedded file's size, or data and indexes of every table on MariaDB. Cheap. */
    public static long databaseBytes(Session s) {
        if (embedded(s)) {
            return number(s.createNativeQuery("SELECT setting_value FROM information_schema.settings"
                    + " WHERE setting_name = 'info.FILE_SIZE'", Object.class).getSingleResult());
        }
        return number(s.createNativeQuery("SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE()", Object.class).getSingleResult());
    }

    /** Whether this is the embedded H2 database (whichever process holds its file). */
    static boolean embedded(Session s) {
        return s.doReturningWork(c -> c.getMetaData().getDatabaseProductName()).toUpperCase(Locale.ROOT)
                .contains("H2");
    }

    private static long number(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
    }
}
