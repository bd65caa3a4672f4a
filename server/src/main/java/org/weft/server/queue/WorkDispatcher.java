package org.weft.server.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop both work queues share: ask a source for as many tasks as there are free slots, run each
 * on its own virtual thread, and sleep until poked (new work committed, a task finished) or until the
 * poll interval passes, which also picks up work that another process added or that became due. While someone waits
 * on a request ({@link ForegroundRequests}), it runs one task at a time, so that request is not queued behind them.
 */
public final class WorkDispatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkDispatcher.class.getName());

    /** Claims up to {@code freeSlots} pieces of work, each as a task to run. */
    @FunctionalInterface
    public interface Source {
        List<Runnable> claim(int freeSlots);
    }

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Source source;
    private final int concurrency;
    private final Semaphore slots;
    private final ForegroundRequests foreground;
    private final Duration pollInterval;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean poked;
    /** Times the loop went to sleep with nothing to start: a test waits for one to know a decision was made. */
    private final AtomicLong sleeps = new AtomicLong();
    private Thread thread;

    public WorkDispatcher(String name, int concurrency, Duration pollInterval, ForegroundRequests foreground,
                          Source source) {
        this.name = name;
        this.source = source;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.foreground = foreground;
        this.pollInterval = pollInterval;
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
        }
    }

    /** There may be work: claim again now rather than at the next poll. */
    public void poke() {
        lock.lock();
        try {
            poked = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Claims nothing more; tasks already running go on. */
    public void stop() {
        running.set(false);
        poke();
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many times the loop has gone to sleep (for tests: each sleep follows a decision on what to start). */
    long sleeps() {
        return sleeps.get();
    }

    /** Whether it runs one task at a time now, because someone waits on a request. */
    public boolean steppingAside() {
        return foreground.busy();
    }

    /** False once {@link #stop()} or {@link #close()} has begun: tasks use it to tell a shutdown from a failure. */
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Stops claiming and lets running tasks finish for a moment before interrupting them: an interrupt that
     * lands inside a database write can make the embedded database close its file. Callers abort their network
     * calls first (closing the HTTP client), so tasks normally end well within the grace period.
     */
    @Override
    public void close() {
        stop();
        try {
            executor.shutdown();
            if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private void loop() {
        while (running.get()) {
            try {
                int free = freeSlots();
                List<Runnable> tasks = free == 0 ? List.of() : source.claim(free);
                tasks.forEach(this::run);
                if (tasks.isEmpty()) {
                    idle();
                }
            } catch (RuntimeException e) {
                // A database hiccup must not kill the loop; the work stays in its table.
                LOG.log(Level.WARNING, name + ": claiming work failed; retrying shortly", e);
                idle();
            }
        }
    }

    /**
     * The slots to fill now. While a request is served, only an empty dispatcher starts one task; it waits for its
     * running task otherwise (that task's end pokes it), so the queue neither stops nor crowds the request.
     */
    private int freeSlots() {
        int free = slots.availablePermits();
        if (foreground.busy()) {
            return free == concurrency ? 1 : 0;
        }
        return free;
    }

    private void run(Runnable task) {
        slots.acquireUninterruptibly();
        executor.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": task failed", e);
            } finally {
                slots.release();
                poke();
            }
        });
    }

    private void idle() {
        lock.lock();
        try {
            if (!poked && running.get()) {
                sleeps.incrementAndGet();
                wake.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
            poked = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        } finally {
            lock.unlock();
        }
    }
}
