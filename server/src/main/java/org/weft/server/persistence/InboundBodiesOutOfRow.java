package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

/**
 * Migration 14, embedded H2 only: inbound bodies become a {@code CLOB}, so a large body lives outside its row.
 *
 * <p>In H2's MariaDB mode {@code MEDIUMTEXT} is a {@code VARCHAR}, stored inside the row, and H2's store never
 * changes a page in place: each update of a row writes the whole row again. An inbound row is updated twice
 * after it is stored (the worker's lease, then its state), and a batch insert rewrites the neighbouring row of
 * the page it splits, so a 1 MB body was written about four times, and a multi-row update also copied the old
 * rows into the undo log. A {@code CLOB} larger than {@code MAX_LENGTH_INPLACE_LOB} is kept in H2's separate LOB
 * store and the row holds only a reference to it; bodies up to 16 KiB (nearly every activity) stay in the row,
 * where reading them is cheapest. MariaDB needs nothing: InnoDB keeps long {@code MEDIUMTEXT} values off the
 * row already and does not copy them when other columns change. Written in Java because the two databases need
 * different statements; SQL migrations are shared by both.
 */
public final class InboundBodiesOutOfRow extends WeftJavaMigration {
    /** Bodies up to this many bytes stay in the row (H2's own default is 256). */
    static final int IN_ROW_BYTES = 16 * 1024;

    public InboundBodiesOutOfRow() {
        super("14", "inbound bodies out of row (H2)", 14_001); // change the checksum whenever the statements change
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!isH2(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE inbound_activity ALTER COLUMN body SET DATA TYPE CLOB");
            // Persistent in the database file: applies to every later connection.
            statement.execute("SET MAX_LENGTH_INPLACE_LOB " + IN_ROW_BYTES);
        }
    }
}
