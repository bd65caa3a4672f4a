package org.weft.server.admin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;

/**
 * How the server process stops, in order, whether it is running or still starting.
 * <p>
 * A stop signal (a service manager's SIGTERM, Ctrl-C's SIGINT) is handled here first: it waits for a start under way to
 * end (a migration is not cut off half-way), stops the server, and only then lets the process exit. Left to the
 * JVM's shutdown hooks, the stop would race the embedded database's own hook, which H2 runs at exit at the same time
 * (it must, with {@code AUTO_SERVER}) and which closes the database under tasks still finishing: they logged
 * "Database is already closed". The same stop is also a shutdown hook, for every other way the process ends; it runs
 * once.
 */
final class StopWhenStarted implements Runnable {
    private static final Logger LOG = Logger.getLogger(StopWhenStarted.class.getName());
    /** A start of a large database with its migrations, well inside the 30 s deploy/weft.service gives a stop. */
    static final Duration START_WAIT = Duration.ofSeconds(20);

    private final CompletableFuture<Runnable> stop = new CompletableFuture<>();
    private boolean stopped;

    /** Handles SIGTERM and SIGINT with this stop, then exits as the JVM would have (128 + the signal's number). */
    void handleStopSignals() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    run();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // A JVM that keeps the signal for itself (e.g. INT under -Xrs): the shutdown hook still stops the server.
                LOG.log(Level.FINE, "Cannot handle SIG" + name + "; the shutdown hook stops the server", e);
            }
        }
    }

    /** The server started; {@code stopServer} stops it. */
    void started(Runnable stopServer) {
        stop.complete(stopServer);
    }

    /** The start failed (and cleaned up after itself): there is nothing to stop. */
    void failed() {
        stop.complete(() -> { });
    }

    /** Waits for the start to end (at most {@link #START_WAIT}), then stops what it started; once. */
    @Override
    public synchronized void run() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            stop.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS).run();
        } catch (TimeoutException e) {
            LOG.warning(() -> "The server was still starting after " + START_WAIT.toSeconds() + " s; stopping without it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
