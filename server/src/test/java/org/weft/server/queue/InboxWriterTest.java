package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.WaitFor;

/**
 * The inbox's group commit, against a real database (H2, or MariaDB with WEFT_TEST_DB_URL). To put rows in
 * one batch for sure, the tests queue them before starting the writer: callers block until it runs.
 */
class InboxWriterTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    private Path dir;
    private DatabaseSettings settings;
    private Database db;
    private final AtomicInteger pokes = new AtomicInteger();
    private InboxWriter writer;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
        writer = new InboxWriter(db.dataSource(), pokes::incrementAndGet);
    }

    @AfterEach
    void close() {
        writer.close();
        callers.shutdownNow();
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void concurrentStoresAllLandExactlyOnce() throws Exception {
        writer.start();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String uri = "https://a.example/activities/" + i;
            results.add(callers.submit(() -> store(uri)));
        }
        for (Future<Boolean> result : results) {
            assertTrue(result.get(), "a new activity is reported as new");
        }
        assertEquals(600, rows());
        assertEquals(600, distinctUris());
        WaitFor.condition("the inbound worker was told", () -> pokes.get() >= 1);
    }

    @Test
    void duplicatesInOneBatchAndAcrossBatchesAreStoredOnce() throws Exception {
        List<Future<Boolean>> sameBatch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sameBatch.add(callers.submit(() -> store("https://a.example/activities/twice")));
        }
        Future<Boolean> other = callers.submit(() -> store("https://a.example/activities/other"));
        WaitFor.condition("four rows queued", () -> writer.waiting() == 4);
        writer.start();

        int newOnes = 0;
        for (Future<Boolean> result : sameBatch) {
            newOnes += result.get() ? 1 : 0;
        }
        assertEquals(1, newOnes, "one of the three deliveries in the batch stored it, the others were redeliveries");
        assertTrue(other.get());
        assertEquals(2, rows());

        // A later batch: alone (an exact answer), then together with a new row (MariaDB may not say which was new).
        assertFalse(store("https://a.example/activities/twice"), "a redelivery in a later batch is a no-op");
        writer.close();
        writer = new InboxWriter(db.dataSource(), pokes::incrementAndGet);
        Future<Boolean> again = callers.submit(() -> store("https://a.example/activities/other"));
        Future<Boolean> fresh = callers.submit(() -> store("https://a.example/activities/new"));
        WaitFor.condition("two rows queued", () -> writer.waiting() == 2);
        writer.start();
        again.get();
        assertTrue(fresh.get());
        assertEquals(3, rows());
        assertEquals(3, distinctUris());
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        // The same isolation as below, with a refusal from the database itself. H2 refuses an id longer than the
        // column even with INSERT IGNORE. MariaDB's INSERT IGNORE turns that into a warning and stores the id cut short:
        // there the guard is the inbox's own length check (InboxRejectionTest), and this test checks that MariaDB does
        // keep such a row, so the check stays needed.
        if (TestDatabases.usingMariaDb()) {
            writer.start();
            assertTrue(store(refusedUri()), "MariaDB keeps the row instead of refusing it");
            assertEquals(InboxWriter.MAX_URI_LENGTH, count("SELECT MAX(CHAR_LENGTH(activity_uri)) FROM inbound_activity"));
            return;
        }
        assertOnlyItsOwnCallerFails(refusedUri());
    }

    @Test
    void aRowWhoseWriteFailsFailsOnlyItsOwnCaller() throws Exception {
        // The database (H2 or MariaDB) refuses every statement that writes this one row, as it would a row that breaks
        // a constraint: its batch fails, the writer stores the rows one by one, and only that row's caller fails.
        String poisoned = "https://a.example/activities/poisoned";
        writer.close();
        writer = new InboxWriter(refusing(db.dataSource(), poisoned), pokes::incrementAndGet);
        assertOnlyItsOwnCallerFails(poisoned);
    }

    /** Five good rows and {@code refused} in one batch: the five are stored, and only {@code refused}'s caller fails. */
    private void assertOnlyItsOwnCallerFails(String refused) throws Exception {
        List<Future<Boolean>> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String uri = "https://a.example/activities/" + i;
            good.add(callers.submit(() -> store(uri)));
        }
        Future<Boolean> bad = callers.submit(() -> writer.store(refused, "https://a.example/users/rosa", "Create",
                "{}", Instant.now()));
        WaitFor.condition("six rows queued", () -> writer.waiting() == 6);
        writer.start();

        ExecutionException failure = assertThrows(ExecutionException.class, bad::get);
        assertInstanceOf(InboxWriter.InboxWriteException.class, failure.getCause());
        for (Future<Boolean> result : good) {
            assertTrue(result.get());
        }
        assertEquals(5, rows(), "the good rows were stored, the refused one was not");
        WaitFor.condition("the inbound worker was told", () -> pokes.get() >= 1);
    }

    @Test
    void closeWritesWhatIsQueuedThenRefusesMore() throws Exception {
        List<Future<Boolean>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String uri = "https://a.example/activities/" + i;
            queued.add(callers.submit(() -> store(uri)));
        }
        WaitFor.condition("twenty rows queued", () -> writer.waiting() == 20);
        writer.start();
        assertTimeoutPreemptively(HANG, writer::close);
        for (Future<Boolean> result : queued) {
            assertTrue(result.get(), "rows queued before close are written");
        }
        assertEquals(20, rows());
        assertThrows(InboxWriter.InboxWriteException.class, () -> store("https://a.example/activities/late"));
    }

    @Test
    void closeFailsCallersTheWriterCannotServe() throws Exception {
        // Never started: as if the writer were stuck. Close must answer every waiting caller anyway.
        List<Future<Boolean>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String uri = "https://a.example/activities/" + i;
            waiting.add(callers.submit(() -> store(uri)));
        }
        WaitFor.condition("ten rows queued", () -> writer.waiting() == 10);
        assertTimeoutPreemptively(HANG, writer::close);
        for (Future<Boolean> result : waiting) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> result.get(HANG.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(InboxWriter.InboxWriteException.class, failure.getCause());
        }
        assertEquals(0, rows());
    }

    @Test
    void storesRacingCloseEitherLandOrFail() throws Exception {
        writer.start();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String uri = "https://a.example/activities/" + i;
            results.add(callers.submit(() -> store(uri)));
        }
        assertTimeoutPreemptively(HANG, writer::close);
        int stored = 0;
        for (Future<Boolean> result : results) {
            try {
                assertTrue(result.get(HANG.toSeconds(), TimeUnit.SECONDS));
                stored++;
            } catch (ExecutionException e) {
                assertInstanceOf(InboxWriter.InboxWriteException.class, e.getCause());
            }
        }
        assertEquals(stored, rows(), "every caller told 'stored' has its row, and no other row exists");
    }

    private boolean store(String uri) {
        return writer.store(uri, "https://a.example/users/rosa", "Create", "{\"id\":\"" + uri + "\"}", Instant.now());
    }

    /** An id longer than the column, which H2 refuses even with INSERT IGNORE (MariaDB cuts it short). */
    private static String refusedUri() {
        return "https://a.example/activities/" + "x".repeat(700);
    }

    /** {@code real}, except that any statement writing the row with id {@code refusedUri} fails. */
    private static DataSource refusing(DataSource real, String refusedUri) {
        return proxy(DataSource.class, real, (method, args, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, (Connection) result, (m, a, r) -> m.getName().equals("prepareStatement")
                        ? refusingStatement((PreparedStatement) r, refusedUri) : r)
                : result);
    }

    private static PreparedStatement refusingStatement(PreparedStatement real, String refusedUri) {
        boolean[] row = new boolean[1];
        boolean[] batch = new boolean[1];
        return (PreparedStatement) Proxy.newProxyInstance(InboxWriterTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "setString" -> row[0] |= (int) args[0] == 1 && refusedUri.equals(args[1]);
                        case "addBatch" -> {
                            batch[0] |= row[0];
                            row[0] = false;
                        }
                        case "executeUpdate" -> {
                            if (row[0]) {
                                throw new SQLException("simulated: the database refuses " + refusedUri);
                            }
                        }
                        case "executeBatch" -> {
                            if (batch[0]) {
                                throw new BatchUpdateException("simulated: the database refuses " + refusedUri, new int[0]);
                            }
                        }
                        default -> { }
                    }
                    return invoke(method, real, args);
                });
    }

    /** What a proxied call does with the real object's answer. */
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T real, After after) {
        return type.cast(Proxy.newProxyInstance(InboxWriterTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> after.apply(method, args, invoke(method, real, args))));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private long rows() throws SQLException {
        return count("SELECT COUNT(*) FROM inbound_activity");
    }

    private long distinctUris() throws SQLException {
        return count("SELECT COUNT(DISTINCT activity_uri) FROM inbound_activity");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
