package org.weft.server.queue;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests someone is waiting on (a page, an API read, an actor fetch), counted while they are served, so that
 * the work queues step aside for them.
 *
 * <p>Why: requests and queue tasks run on virtual threads, and virtual threads share a few carrier threads (one per
 * core) in the order they became runnable. A page's thread that wakes from a database call queues behind every
 * runnable task, eight inbound tasks while a backlog drains. While a request counted here is in flight, a {@link
 * WorkDispatcher} starts a task only when none of its own is running: the queue goes on, one task at a time, and the
 * page waits behind one task's turn at most. Measured (BENCHMARKS.md, G8): with the CPU contended, a board page's
 * median while a backlog drained fell from 30-247 ms to 15-19 ms; on a quiet machine it was 18 ms before and after,
 * and a tail of 140-250 ms that has another cause remains.
 */
public final class ForegroundRequests {
    private final AtomicInteger inFlight = new AtomicInteger();

    /** A request begins; call {@link #end()} when it has been answered, whatever happened. */
    public void begin() {
        inFlight.incrementAndGet();
    }

    public void end() {
        inFlight.decrementAndGet();
    }

    /** Whether anyone is waiting on a request right now. */
    public boolean busy() {
        return inFlight.get() > 0;
    }
}
