package org.weft.server.persistence;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Stops a background executor before the database closes: no new runs, and the one running (a query, a write) is let
 * finish rather than interrupted, for a bounded time. An interrupt that lands inside the embedded database makes it
 * close its file, and a task that outlives the database logs "Database is already closed"; either way the stop would
 * leave alarming lines in the log. Only a task still running when the wait is over is interrupted, and that is logged.
 */
public final class BackgroundTasks {
    private static final Logger LOG = Logger.getLogger(BackgroundTasks.class.getName());
    /** Long enough for any one query or page of work; short enough for a service manager's stop timeout. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private BackgroundTasks() {
    }

    /** Stops {@code executor} (its periodic runs included) and waits up to {@link #GRACE} for what is running. */
    public static void stop(ExecutorService executor, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> what + " did not stop within " + GRACE.toSeconds() + " s; interrupting it");
                executor.shutdownNow();
                executor.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@link #GRACE} for {@code thread}, which was told to stop, to end; never interrupts it. */
    public static void await(Thread thread, String what) {
        try {
            thread.join(GRACE.toMillis());
            if (thread.isAlive()) {
                LOG.warning(() -> what + " did not stop within " + GRACE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
