package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.testing.FreshDatabase;

/**
 * {@link Database#afterCommit}: what a transaction leaves to do once its writes are visible (a page's response) runs
 * after the commit, outside the transaction, once; never for an attempt that was rolled back. Runs on H2 and MariaDB.
 */
class AfterCommitTest {
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private Database db() {
        return fresh.db();
    }

    @BeforeEach
    void open() {
        db().run(s -> s.createNativeMutationQuery("create table commit_probe (id int primary key)").executeUpdate());
    }

    @Test
    void anActionRunsOnceTheTransactionHasCommittedAndAnotherConnectionSeesItsWrites() {
        db().run(s -> {
            s.createNativeMutationQuery("insert into commit_probe (id) values (1)").executeUpdate();
            db().afterCommit(() -> seen.add("rows seen by another connection: " + rowsFromAnotherThread()
                    + ", inside a transaction: " + db().inTransactionOnThisThread()));
            seen.add("work done");
        });

        assertEquals(List.of("work done", "rows seen by another connection: 1, inside a transaction: false"), seen);
    }

    @Test
    void aRolledBackTransactionDropsItsAction() {
        assertThrows(IllegalStateException.class, () -> db().run(s -> {
            s.createNativeMutationQuery("insert into commit_probe (id) values (1)").executeUpdate();
            db().afterCommit(() -> seen.add("sent"));
            throw new IllegalStateException("failed after the page was rendered");
        }));
        db().run(s -> seen.add("next transaction"));

        assertEquals(List.of("next transaction"), seen, "the failed transaction's action ran neither then nor later");
    }

    @Test
    void aDeadlockVictimsRepeatedAttemptRunsOnlyItsOwnAction() {
        AtomicInteger attempts = new AtomicInteger();
        db().run(s -> {
            int attempt = attempts.incrementAndGet();
            db().afterCommit(() -> seen.add("action of attempt " + attempt));
            if (attempt == 1) {
                throw new IllegalStateException(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
            }
        });

        assertEquals(List.of("action of attempt 2"), seen);
    }

    @Test
    void anActionRegisteredInANestedTransactionWaitsForTheOutermost() {
        db().run(outer -> {
            db().run(inner -> db().afterCommit(() -> seen.add("action")));
            seen.add("outer still open");
        });

        assertEquals(List.of("outer still open", "action"), seen);
    }

    @Test
    void outsideATransactionAnActionRunsAtOnce() {
        db().afterCommit(() -> seen.add("action"));
        assertEquals(List.of("action"), seen);
        assertFalse(db().inTransactionOnThisThread());
    }

    /** Counts the probe's rows on another thread, hence another pooled connection outside this thread's transaction. */
    private long rowsFromAnotherThread() {
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            return other.submit(() -> db().inTransaction(s -> ((Number) s.createNativeQuery(
                    "select count(*) from commit_probe", Object.class).getSingleResult()).longValue()))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
