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
 * Writes delivery outcomes in batches, on one thread: each batch is whatever arrived while the previous one was
 * being written, so a busy fan-out costs one commit (one log flush) per batch rather than one per inbox, and an idle
 * queue writes an outcome as soon as it comes.
 *
 * <p>Nothing is lost when a write fails or the process dies before it: the rows stay leased, as the claim left
 * them, and are sent again when the lease runs out. The cost is a duplicate POST, which is why there is no timer
 * that waits for a batch to fill: the window between an answer and its record stays as short as one write.
 */
final class OutcomeRecorder implements AutoCloseable {
    /** Writes one batch in one transaction, or throws and writes none of it. */
    @FunctionalInterface
    interface Writer {
        void write(List<Outcome> batch);
    }

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class.getName());
    /** Keeps one transaction, and the statement batches in it, to a modest size. */
    static final int MAX_BATCH = 500;
    /** How often an idle writer looks whether it should stop; also the most {@link #close()} waits for it to notice. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(50);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<Outcome> waiting = new LinkedBlockingQueue<>();
    private final Writer writer;
    private final Consumer<List<Outcome>> written;
    private volatile boolean closing;
    private Thread thread;

    /**
     * @param writer stores a batch
     * @param written told of each batch once it is stored (not of batches whose write failed)
     */
    OutcomeRecorder(Writer writer, Consumer<List<Outcome>> written) {
        this.writer = writer;
        this.written = written;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name("weft-delivery-outcomes").daemon().start(this::loop);
        }
    }

    /** Queues an outcome for the next batch. */
    void add(Outcome outcome) {
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
                Outcome first = waiting.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Outcome> batch = new ArrayList<>();
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
        List<Outcome> batch = new ArrayList<>();
        while (waiting.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch = new ArrayList<>();
        }
    }

    private void write(List<Outcome> batch) {
        try {
            writer.write(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record " + batch.size() + " delivery outcomes; those rows stay leased and"
                    + " are sent again when the lease runs out", e);
            return;
        }
        written.accept(batch);
    }
}
