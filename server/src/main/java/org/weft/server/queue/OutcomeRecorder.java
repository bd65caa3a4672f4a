package org.weft.server.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the outcomes of a queue's work in batches, on one thread (one recorder per queue: delivery outcomes, inbound
 * activities' states): each batch is whatever arrived while the previous one was
 * being written, so a busy fan-out costs one commit (one log flush) per batch rather than one per inbox, and an idle
 * queue writes an outcome as soon as it comes.
 *
 * <p>Nothing is lost when a write fails or the process dies before it: the rows stay leased, as the claim left
 * them, and are sent again when the lease runs out. The cost is a duplicate POST, which is why there is no timer
 * that waits for a batch to fill: the window between an answer and its record stays as short as one write.
 */
final class OutcomeRecorder<T> implements AutoCloseable {
    /** Writes one batch in one transaction, or throws and writes none of it. */
    @FunctionalInterface
    interface Writer<T> {
        void write(List<T> batch);
    }

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class.getName());
    /** Keeps one transaction, and the statement batches in it, to a modest size. */
    static final int MAX_BATCH = 500;
    /** How often an idle writer looks whether it should stop; also the most {@link #close()} waits for it to notice. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(50);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<T> waiting = new LinkedBlockingQueue<>();
    private final Writer<T> writer;
    private final String name;
    private final Consumer<List<T>> written;
    private volatile boolean closing;
    private Thread thread;

    /**
     * @param writer stores a batch
     * @param written told of each batch once it is stored (not of batches whose write failed)
     */
    OutcomeRecorder(String name, Writer<T> writer, Consumer<List<T>> written) {
        this.name = name;
        this.writer = writer;
        this.written = written;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
        }
    }

    /** Queues an outcome for the next batch. */
    void add(T outcome) {
        waiting.add(outcome);
    }

    /**
     * Writes what is still waiting and stops. Never interrupts the writer: an interrupt inside a write can make the
     * embedded database close its file.
     */
    @Override
    public void close() {
        closing = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            drain();
            return;
        }
        try {
            running.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (!closing) {
            try {
                T first = waiting.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<T> batch = new ArrayList<>();
                    batch.add(first);
                    waiting.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        drain();
    }

    /** Writes everything still waiting (at shutdown). */
    private void drain() {
        List<T> batch = new ArrayList<>();
        while (waiting.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch = new ArrayList<>();
        }
    }

    private void write(List<T> batch) {
        try {
            writer.write(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": could not record " + batch.size() + " outcomes; those rows stay leased and"
                    + " are taken again when the lease runs out", e);
            return;
        }
        written.accept(batch);
    }
}
