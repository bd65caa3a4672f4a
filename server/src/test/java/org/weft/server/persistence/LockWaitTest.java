package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestDatabases;

/**
 * A transaction that has to wait for another one's row lock waits for it, even a few seconds on a busy machine, and
 * then does its work: on MariaDB InnoDB waits 50 s; the embedded H2 gave up after 2 s by default, so an inbound activity
 * that touched a row another transaction held on a loaded machine failed and waited for its retry.
 */
class LockWaitTest {
    private static final Duration HELD = Duration.ofSeconds(3);

    @Test
    void aWriterWaitsForAnotherWritersLockAndThenWrites() throws Exception {
        Path dir = TestDatabases.tempDir();
        try (Database db = Database.open(TestDatabases.fresh(dir), dir, true)) {
            db.inJdbcTransaction("seed", c -> c.createStatement()
                    .executeUpdate("INSERT INTO job_lease (name, holder) VALUES ('lock-wait', 'nobody')"));
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> db.inJdbcTransaction("first",
                    c -> {
                        int n = setHolder(c, "first");
                        locked.countDown();
                        LockSupport.parkNanos(HELD.toNanos()); // holding the row's lock
                        return n;
                    }));
            assertTrue(locked.await(10, TimeUnit.SECONDS), "the first writer took the lock");

            long start = System.nanoTime();
            int second = db.inJdbcTransaction("second", c -> setHolder(c, "second"));
            long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            assertEquals(1, second);
            assertTrue(waitedMillis >= HELD.toMillis() - 500, "the second writer waited for the first: " + waitedMillis);
            assertEquals("second", db.inJdbcTransaction("read", c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT holder FROM job_lease WHERE name = 'lock-wait'")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
        }
    }

    private static int setHolder(Connection c, String holder) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE job_lease SET holder = ? WHERE name = 'lock-wait'")) {
            update.setString(1, holder);
            return update.executeUpdate();
        }
    }
}
