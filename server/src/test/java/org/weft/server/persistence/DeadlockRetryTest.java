package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.testing.FreshDatabase;

/**
 * Two transactions that lock the same two rows in opposite orders deadlock; the database rolls one back, and
 * {@link Database#inTransaction} runs that one again, so both changes land and neither caller sees an error. (CI lost
 * a run to exactly this on MariaDB: a test's update of proposals against the matcher's.) The queues' plain JDBC
 * transactions ({@link Database#inJdbcTransaction}) do the same, also for a Galera certification failure, which
 * MariaDB reports at the commit with the same SQLSTATE. Runs on H2 and MariaDB.
 */
class DeadlockRetryTest {
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private Database db() {
        return fresh.db();
    }

    @BeforeEach
    void open() {
        db().run(s -> {
            s.createNativeMutationQuery("create table deadlock_probe (id int primary key, n int not null)").executeUpdate();
            s.createNativeMutationQuery("insert into deadlock_probe (id, n) values (1, 0), (2, 0)").executeUpdate();
        });
    }

    @Test
    void theVictimOfADeadlockRunsAgainAndBothChangesLand() throws Exception {
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        // A thread each: the common pool may have a single worker on a small machine, which would run them in turn.
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> forward = threads.submit(() -> db().run(s -> lockInOrder(s, 1, 2, bothHoldTheirFirstRow, attempts)));
            Future<?> backward = threads.submit(() -> db().run(s -> lockInOrder(s, 2, 1, bothHoldTheirFirstRow, attempts)));
            forward.get(60, TimeUnit.SECONDS);
            backward.get(60, TimeUnit.SECONDS);
        }

        assertEquals(3, attempts.get(), "one of the two ran again after being rolled back");
        assertEquals(2, count(1), "each transaction's change to row 1 landed once");
        assertEquals(2, count(2), "each transaction's change to row 2 landed once");
    }

    @Test
    void anyOtherFailureIsNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> db().run(s -> {
            attempts.incrementAndGet();
            s.createNativeMutationQuery("insert into deadlock_probe (id, n) values (1, 0)").executeUpdate();
        }));
        assertEquals(1, attempts.get(), "a duplicate key is the caller's to handle, not the database's to retry");
    }

    @Test
    void aPlainJdbcTransactionThatFailsAsADeadlockVictimRunsOnceMoreAndItsWorkIsDoneOnce() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = db().inJdbcTransaction("Probing", connection -> {
            insert(connection, 3);
            if (attempts.incrementAndGet() == 1) {
                // As Galera answers a commit whose rows another node changed first (MariaDB error 1213 has this SQLSTATE).
                throw new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001");
            }
            return "done";
        });

        assertEquals("done", answer);
        assertEquals(2, attempts.get(), "the failed attempt ran once more, and only once");
        assertEquals(1, rows(3), "the first attempt's insert was rolled back: the work is done once");
    }

    @Test
    void twoPlainJdbcTransactionsThatDeadlockBothLand() throws Exception {
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> forward = threads.submit(() -> db().inJdbcTransaction("Forward",
                    c -> lockInOrder(c, 1, 2, bothHoldTheirFirstRow, attempts)));
            Future<?> backward = threads.submit(() -> db().inJdbcTransaction("Backward",
                    c -> lockInOrder(c, 2, 1, bothHoldTheirFirstRow, attempts)));
            forward.get(60, TimeUnit.SECONDS);
            backward.get(60, TimeUnit.SECONDS);
        }

        assertEquals(3, attempts.get(), "one of the two ran again after being rolled back");
        assertEquals(2, count(1), "each transaction's change to row 1 landed once");
        assertEquals(2, count(2), "each transaction's change to row 2 landed once");
    }

    @Test
    void aPlainJdbcTransactionThatFailsOtherwiseIsRolledBackAndNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> db().inJdbcTransaction("Probing",
                connection -> {
                    attempts.incrementAndGet();
                    insert(connection, 3);
                    insert(connection, 1); // a duplicate key
                    return null;
                }));

        assertTrue(failure.getMessage().startsWith("Probing failed: "), failure.getMessage());
        assertEquals(1, attempts.get(), "a duplicate key is the caller's to handle, not the database's to retry");
        assertEquals(0, rows(3), "the transaction's first insert was rolled back with it");
        assertTrue(!db().inTransactionOnThisThread(), "the thread is out of the transaction again");
    }

    private static Void lockInOrder(Connection c, int first, int second, CountDownLatch bothHold, AtomicInteger attempts)
            throws SQLException {
        attempts.incrementAndGet();
        bump(c, first);
        bothHold.countDown();
        try {
            assertTrue(bothHold.await(30, TimeUnit.SECONDS), "both transactions started");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        bump(c, second);
        return null;
    }

    private static void bump(Connection c, int id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update deadlock_probe set n = n + 1 where id = ?")) {
            update.setInt(1, id);
            update.executeUpdate();
        }
    }

    private static void insert(Connection c, int id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into deadlock_probe (id, n) values (?, 0)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
    }

    private long rows(int id) {
        return db().inTransaction(s -> ((Number) s.createNativeQuery("select count(*) from deadlock_probe where id = :id",
                Object.class).setParameter("id", id).getSingleResult()).longValue());
    }

    private static void lockInOrder(Session s, int first, int second, CountDownLatch bothHold, AtomicInteger attempts) {
        attempts.incrementAndGet();
        bump(s, first);
        bothHold.countDown();
        try {
            // On the first attempt each waits for the other to hold its first row, so the deadlock is certain; a
            // repeat finds the latch already open.
            assertTrue(bothHold.await(30, TimeUnit.SECONDS), "both transactions started");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        bump(s, second);
    }

    private static void bump(Session s, int id) {
        s.createNativeMutationQuery("update deadlock_probe set n = n + 1 where id = :id").setParameter("id", id)
                .executeUpdate();
    }

    private int count(int id) {
        return db().inTransaction(s -> ((Number) s.createNativeQuery("select n from deadlock_probe where id = :id", Object.class)
                .setParameter("id", id).getSingleResult()).intValue());
    }
}
