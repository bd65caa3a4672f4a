package org.weft.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.persistence.BackgroundTasks;
import org.weft.server.persistence.ChangeFeedEntries;
import org.weft.server.persistence.ChangeFeedEntries.Change;
import org.weft.server.persistence.ChangeKind;
import org.weft.server.persistence.Database;

/**
 * The reading side of the change feed: every {@code every} (a fifth of a second by default) this node reads the
 * changes written since the last one it saw, by any node, and hands each to what keeps a copy of that kind (the actor
 * documents, the matcher's index, the blocklist). Its own changes come back too; applying them again only reloads
 * what is already fresh. A new node starts from the newest change: its caches start empty.
 *
 * <p>Ids are handed out when a transaction inserts, not when it commits, so a change with a lower id can become
 * visible after a higher one was read (two nodes committing at once; on Galera, ids also step by the cluster size).
 * An id skipped over is therefore looked for again at every read for {@link #LATE_FOR}, then given up as a rolled
 * back transaction's.
 */
final class ChangeFeedTailer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChangeFeedTailer.class.getName());
    static final Duration DEFAULT_EVERY = Duration.ofMillis(200);
    /** How long a skipped id may still turn up (a transaction that had inserted its row but not yet committed). */
    static final Duration LATE_FOR = Duration.ofSeconds(10);
    private static final int PAGE = 500;
    private static final int MAX_SKIPPED = 10_000;

    private final Database db;
    private final Map<ChangeKind, List<Consumer<Change>>> handlers = new EnumMap<>(ChangeKind.class);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("weft-change-feed").daemon().factory());
    /** Skipped ids, with when they were first skipped (nanoTime). */
    private final Map<Long, Long> skipped = new LinkedHashMap<>();
    private long last;
    private volatile long readTo;
    private volatile long applied;

    ChangeFeedTailer(Database db) {
        this.db = db;
    }

    /** Calls {@code handler} with the subject of every change of this kind (on the tailer's own thread). */
    ChangeFeedTailer on(ChangeKind kind, Consumer<String> handler) {
        handlers.computeIfAbsent(kind, k -> new ArrayList<>()).add(change -> handler.accept(change.subject()));
        return this;
    }

    /**
     * Calls {@code handler} with the subject of every change of this kind made by another node: for changes that are
     * events rather than reloads (a failed sign-in), which this node has already counted when it made them.
     */
    ChangeFeedTailer onOthers(ChangeKind kind, Consumer<String> handler) {
        String self = db.nodeId();
        handlers.computeIfAbsent(kind, k -> new ArrayList<>()).add(change -> {
            if (!self.equals(change.node())) {
                handler.accept(change.subject());
            }
        });
        return this;
    }

    /** Starts from the newest change now and reads every {@code every}. */
    void start(Duration every) {
        last = db.inTransaction(ChangeFeedEntries::maxId);
        thread.scheduleWithFixedDelay(this::readLogged, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The id of the newest change this node has read (tests wait on it to know what it has seen). */
    long readTo() {
        return readTo;
    }

    /** How many changes this node has applied (tests wait on it). */
    long applied() {
        return applied;
    }

    private void readLogged() {
        try {
            read();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the change feed failed; the next read tries again", e);
        }
    }

    private void read() {
        List<Long> late = List.copyOf(skipped.keySet());
        List<Change> found = late.isEmpty() ? List.of() : db.inTransaction(s -> ChangeFeedEntries.withIds(s, late));
        for (Change change : found) {
            skipped.remove(change.id());
            apply(change);
        }
        List<Change> page;
        do {
            long from = last;
            page = db.inTransaction(s -> ChangeFeedEntries.after(s, from, PAGE));
            for (Change change : page) {
                for (long gap = last + 1; gap < change.id() && skipped.size() < MAX_SKIPPED; gap++) {
                    skipped.put(gap, System.nanoTime());
                }
                last = change.id();
                apply(change);
            }
        } while (page.size() == PAGE);
        readTo = last;
        forgetOldSkips();
    }

    private void forgetOldSkips() {
        long now = System.nanoTime();
        for (Iterator<Long> since = skipped.values().iterator(); since.hasNext(); ) {
            if (now - since.next() > LATE_FOR.toNanos()) {
                since.remove();
            }
        }
    }

    private void apply(Change change) {
        for (Consumer<Change> handler : handlers.getOrDefault(change.kind(), List.of())) {
            try {
                handler.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Applying change " + change + " failed", e);
            }
        }
        applied++;
    }

    @Override
    public void close() {
        BackgroundTasks.stop(thread, "The change-feed tailer");
    }
}
