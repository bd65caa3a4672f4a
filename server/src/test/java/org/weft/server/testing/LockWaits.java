package org.weft.server.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.weft.server.persistence.Database;

/**
 * How many transactions wait for a row lock now, for a test that holds one transaction still and must know when the
 * other has reached the lock (the moment a race would have happened). H2's sessions with a blocker; InnoDB's
 * transactions in lock wait, as of the lock tables' last refresh (InnoDB refreshes its copy only once it has gone
 * unread for 0.1 s: look every 250 ms or so, not faster). On MariaDB through a connection of its own, so that a busy
 * pool cannot delay it.
 */
public final class LockWaits {
    private LockWaits() {
    }

    public static int now(Database db) {
        if (!TestDatabases.usingMariaDb()) {
            return db.inTransaction(s -> ((Number) s.createNativeQuery(
                    "select count(*) from information_schema.sessions where blocker_id is not null", Object.class)
                    .getSingleResult())).intValue();
        }
        try (Connection c = TestDatabases.serverConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.innodb_trx"
                     + " where trx_state = 'LOCK WAIT'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
