package org.weft.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A long open-loop stream that can be read while it runs: request i is due at start + i / rate, whatever the
 * server does, and {@link #interval()} returns what was answered since the previous reading (latency from the
 * intended send time, so a stall shows as latency rather than as a lower rate). {@link OpenLoopLoad} measures one
 * run at its end; this one is for soaks, where the figures of each 30 s matter as much as those of the whole.
 */
public final class SteadyLoad implements AutoCloseable {
    private final String name;
    private final String host;
    private final int port;
    private final int connections;
    private final IntervalTally tally;
    private final LinkedBlockingQueue<Due> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private Thread scheduler;
    private volatile long scheduled;

    /**
     * @param expectedStatus the answer that counts as a success (202 for the inbox, 200 for pages); any other
     *                       status, and any request that gets no answer, is an error
     */
    public SteadyLoad(String name, String host, int port, int connections, int expectedStatus) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.connections = connections;
        this.tally = new IntervalTally(expectedStatus);
    }

    public String name() {
        return name;
    }

    /**
     * Starts offering {@code total} requests at {@code perSecond}, the first due at {@code startNanos}
     * ({@link System#nanoTime()} clock); {@code requestAt} gives the bytes of request i.
     */
    public void start(IntFunction<byte[]> requestAt, int total, double perSecond, long startNanos) {
        long periodNanos = (long) (1e9 / perSecond);
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofVirtual().name(name + "-" + c).start(this::work));
        }
        scheduler = Thread.ofPlatform().name(name + "-schedule").daemon().start(() -> {
            for (int i = 0; i < total && !Thread.currentThread().isInterrupted(); i++) {
                long due = startNanos + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                queue.add(new Due(requestAt.apply(i), due));
                scheduled = i + 1L;
            }
        });
    }

    /** What was answered since the previous call (or since the start). */
    public IntervalReading interval() {
        return tally.interval();
    }

    /** Requests put on the schedule so far. */
    public long scheduled() {
        return scheduled;
    }

    /** Answers with the expected status since the start. */
    public long succeededSoFar() {
        return tally.succeededSoFar();
    }

    /** Waits until the schedule has run out and every request is answered or has failed, at most {@code limit}. */
    public boolean awaitDone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        if (scheduler != null) {
            scheduler.join(limit);
        }
        while (tally.done() < scheduled && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return tally.done() >= scheduled;
    }

    /** Stops scheduling; requests still queued are dropped (not counted), those in flight are abandoned. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.interrupt();
        }
        workers.forEach(Thread::interrupt);
    }

    private void work() {
        try (HttpConnection connection = new HttpConnection(host, port)) {
            while (!Thread.currentThread().isInterrupted()) {
                Due next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                try {
                    int status = connection.exchange(next.request());
                    tally.answered(status, System.nanoTime() - next.dueNanos());
                } catch (IOException | RuntimeException e) {
                    tally.failed(System.nanoTime() - next.dueNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Due(byte[] request, long dueNanos) {
    }
}
