package org.weft.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Saturates the server: each connection sends its next request as soon as the previous one is answered,
 * until the requests run out or the time is up. Gives the sustained rate, not a latency to trust.
 */
public final class ClosedLoopLoad {
    private final String host;
    private final int port;
    private final int connections;

    public ClosedLoopLoad(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.connections = connections;
    }

    /** Sends {@code total} requests, cycling through {@code requests}, or stops at {@code limit}. */
    public LoadResult run(List<byte[]> requests, int total, Duration limit) throws InterruptedException {
        RunTally tally = new RunTally();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofVirtual().name("closed-loop-" + c).start(() -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    for (int i = next.getAndIncrement(); i < total && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            int status = connection.exchange(requests.get(i % requests.size()));
                            tally.success(status, System.nanoTime() - sent);
                        } catch (IOException | RuntimeException e) {
                            tally.failure(System.nanoTime() - sent);
                        }
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return tally.result(System.nanoTime() - start, 0);
    }
}
