package org.weft.server.persistence;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Recognises a transaction that the database rolled back to break a deadlock, so that it can be run again. Both
 * databases report it with SQLSTATE 40001 (serialization failure); MariaDB's own code for it is 1213.
 */
final class DeadlockVictim {
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int MARIADB_DEADLOCK = 1213;

    private DeadlockVictim() {
    }

    static boolean was(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_DEADLOCK)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Waits a few milliseconds, longer after each attempt and jittered, so the two transactions that collided do not
     * collide again at once.
     */
    static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a deadlocked transaction", e);
        }
    }
}
