package org.weft.bench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The database yardstick: single-row autocommit INSERTs from 16 threads with plain JDBC, each thread on
 * its own connection, into a table shaped like a small inbox row.
 */
public final class InsertYardstick {
    public static final int THREADS = 16;

    private InsertYardstick() {
    }

    /** Inserts per second, measured for {@code measure} after {@code warmup}. */
    public static double measure(BenchDatabase db, Duration warmup, Duration measure) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_insert (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " worker INT NOT NULL, payload VARCHAR(700) NOT NULL)");
        }
        LongAdder inserted = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        String payload = "https://remote.example/users/someone/statuses/1234567890123456789/activity".repeat(4);
        for (int t = 0; t < THREADS; t++) {
            int worker = t;
            threads.add(Thread.ofPlatform().name("insert-" + t).start(() -> {
                try (Connection c = db.connect();
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_insert (worker, payload) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    while (running.get()) {
                        insert.setInt(1, worker);
                        insert.setString(2, payload);
                        insert.executeUpdate();
                        inserted.increment();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        Thread.sleep(warmup.toMillis());
        long before = inserted.sum();
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long after = inserted.sum();
        long elapsed = System.nanoTime() - start;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return (after - before) / (elapsed / 1e9);
    }
}
