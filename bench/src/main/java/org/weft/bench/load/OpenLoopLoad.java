package org.weft.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests on a fixed schedule, request i at start + i / rate, whatever the server does. A pool of
 * connections takes the due requests from a queue; if every connection is busy the request waits, and
 * that wait counts in its latency (measured from the intended send time), so a server stall shows as
 * latency instead of as a quietly lower offered rate (coordinated omission).
 */
public final class OpenLoopLoad {
    private final String host;
    private final int port;
    private final int connections;

    public OpenLoopLoad(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.connections = connections;
    }

    /**
     * Offers {@code requests} in order at {@code perSecond}; returns when every one has been answered or
     * failed, or {@code drain} after the last was due.
     */
    public LoadResult run(List<byte[]> requests, double perSecond, Duration drain) throws InterruptedException {
        RunTally tally = new RunTally();
        LinkedBlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        long periodNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime() + 20_000_000L; // time for the workers to connect first
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofVirtual().name("open-loop-" + c).start(() -> work(queue, tally)));
        }
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Due(requests.get(i), due));
        }
        long lastDue = start + (requests.size() - 1) * periodNanos;
        long deadline = lastDue + drain.toNanos();
        while (tally.done() < requests.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long elapsed = System.nanoTime() - start;
        workers.forEach(Thread::interrupt);
        return tally.result(elapsed, perSecond);
    }

    private void work(LinkedBlockingQueue<Due> queue, RunTally tally) {
        try (HttpConnection connection = new HttpConnection(host, port)) {
            while (!Thread.currentThread().isInterrupted()) {
                Due next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                try {
                    int status = connection.exchange(next.request());
                    tally.success(status, System.nanoTime() - next.dueNanos());
                } catch (IOException | RuntimeException e) {
                    tally.failure(System.nanoTime() - next.dueNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Due(byte[] request, long dueNanos) {
    }
}
