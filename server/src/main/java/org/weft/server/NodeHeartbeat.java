package org.weft.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.persistence.BackgroundTasks;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.NodesSeen;

/**
 * Says every {@link #EVERY} that this node is running, and counts the nodes that said so within {@link #ALIVE_FOR}:
 * what is shared among them per node (the per-host delivery limit) is divided by that count. A node that dies is no
 * longer counted after {@link #ALIVE_FOR}; until then the others keep their smaller share, which errs on the safe side.
 */
final class NodeHeartbeat implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());
    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration ALIVE_FOR = Duration.ofSeconds(15);

    private final Database db;
    private final Clock clock;
    private final IntConsumer running;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("weft-heartbeat").daemon().factory());
    private volatile int count = 1;

    /** {@code running} is told the number of running nodes after every beat. */
    NodeHeartbeat(Database db, Clock clock, IntConsumer running) {
        this.db = db;
        this.clock = clock;
        this.running = running;
    }

    /** Beats once now (so the others count this node from its start), then every {@link #EVERY}. */
    void start() {
        beat();
        thread.scheduleWithFixedDelay(this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many nodes were running at the last beat, this one included. */
    int running() {
        return count;
    }

    /** Beats now (tests, instead of waiting for the next one). */
    void beat() {
        try {
            count = db.inTransaction(s -> {
                NodesSeen.beat(s, db.nodeId(), clock.instant());
                return Math.max(1, NodesSeen.runningSince(s, clock.instant().minus(ALIVE_FOR)));
            });
            running.accept(count);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record this node as running; the next beat tries again", e);
        }
    }

    /** Stops beating and takes this node off the list, so the others take its share at their next beat. */
    @Override
    public void close() {
        BackgroundTasks.stop(thread, "The heartbeat");
        try {
            db.run(s -> NodesSeen.forget(s, db.nodeId(), clock.instant().minus(Duration.ofDays(1))));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not take this node off the list of running nodes", e);
        }
    }
}
