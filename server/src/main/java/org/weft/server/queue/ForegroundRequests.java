package org.weft.server.queue;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests someone is waiting on (a page, an API read, an actor fetch), counted while they are served, so that
 * the work queues step aside for them.
 *
 * <p>Why: requests and queue tasks run on virtual threads, and virtual threads share a few carrier threads (one per
 * core) in the order they became runnable. A page's thread that wakes from a database call queues behind every
 * runnable task; with a backlog draining on eight inbound tasks, each step of a board page waited for eight handlers'
 * turns, and its p99 went from about 15 ms to 170 ms on two cores (BENCHMARKS.md, G8). While a request counted here is
 * in flight, a {@link WorkDispatcher} starts a task only when none of its own is running: the queue goes on, one task
 * at a time, and the page waits behind one task's turn at most.
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
