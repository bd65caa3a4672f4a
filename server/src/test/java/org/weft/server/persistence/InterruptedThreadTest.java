package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.testing.FreshDatabase;

/**
 * A thread that is interrupted while it works with the database (a pool shut down under its task, a cancelled future, a
 * test that left its flag set) may fail its own work, but not the database for every other thread. With H2's plain
 * file access, the interrupted write closed the file's channel and with it the whole embedded database: every request
 * after it failed until a restart ("The database has been closed"). Runs on MariaDB too, where a driver's socket is
 * not closed by an interrupt either.
 */
class InterruptedThreadTest {
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    @Test
    void anInterruptedWriterLeavesTheDatabaseWorkingForEveryoneAndKeepsItsFlag() throws Exception {
        Database db = fresh.db();
        Thread.currentThread().interrupt();
        try {
            // What the pruner's sampling does after a compaction cut short by an interrupt: reads every table's pages.
            db.run(s -> {
                recordRun(s, "written while interrupted");
                StorageSizes.tables(s);
            });
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is the thread's to handle, not swallowed");
        } finally {
            Thread.interrupted();
        }

        long seen = CompletableFuture.supplyAsync(() -> db.inTransaction(s -> {
            recordRun(s, "written by another thread after it");
            return ((Number) s.createNativeQuery("SELECT COUNT(*) FROM retention_run", Object.class).getSingleResult())
                    .longValue();
        })).get();
        assertEquals(2, seen, "both writes are there, and the database still takes more");
    }

    private static void recordRun(Session s, String task) {
        s.createNativeMutationQuery("INSERT INTO retention_run (task, ran_at, removed) VALUES (:t, CURRENT_TIMESTAMP, 0)")
                .setParameter("t", task).executeUpdate();
    }
}
