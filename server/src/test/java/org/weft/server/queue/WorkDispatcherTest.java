package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.WaitFor;

/**
 * How many tasks the dispatcher asks its source for, with and without someone waiting on a request. Each claim is
 * the moment a task could start, so the test reads the slots asked for at each claim rather than counting running
 * tasks after a pause.
 */
class WorkDispatcherTest {
    private static final int CONCURRENCY = 4;
    /** A long poll: every claim in these tests comes from the start or a finished task's poke, not from the timer. */
    private static final Duration POLL = Duration.ofMinutes(1);

    private final ForegroundRequests foreground = new ForegroundRequests();
    /** The free slots the dispatcher asked for, claim by claim. */
    private final BlockingQueue<Integer> asked = new LinkedBlockingQueue<>();
    /** One latch per task that has started and not been let go; counting one down lets that task end. */
    private final BlockingQueue<CountDownLatch> running = new LinkedBlockingQueue<>();
    private WorkDispatcher dispatcher;

    /** Set when the test ends: the source hands out nothing more, so the tasks let go now are the last. */
    private volatile boolean ending;

    @AfterEach
    void stop() {
        ending = true;
        running.forEach(CountDownLatch::countDown);
        dispatcher.close();
    }

    private void start() {
        dispatcher = new WorkDispatcher("test", CONCURRENCY, POLL, foreground, free -> {
            if (ending) {
                return List.of();
            }
            asked.add(free);
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < free; i++) {
                tasks.add(() -> {
                    CountDownLatch done = new CountDownLatch(ending ? 0 : 1);
                    running.add(done);
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            return tasks;
        });
        dispatcher.start();
    }

    @Test
    void withNobodyWaitingEverySlotIsFilled() throws Exception {
        start();
        assertEquals(CONCURRENCY, next(), "the first claim fills every slot");
        finishOne();
        assertEquals(1, next(), "a finished task's slot is filled again");
    }

    @Test
    void whileSomeoneWaitsTasksRunOneAtATimeAndAllSlotsComeBackAfter() throws Exception {
        foreground.begin();
        start();
        assertEquals(1, next(), "someone waits: one task, not four");
        finishOne();
        assertEquals(1, next(), "still waiting: the next task starts only when the last one ended");
        foreground.end();
        finishOne();
        // Whether the free slots are filled before or after that task's end, all of them are filled now.
        WaitFor.condition("nobody waits any more: every slot is filled", () -> running.size() == CONCURRENCY);
    }

    @Test
    void someoneArrivingWhileTasksRunStopsNewOnesUntilTheyHaveEnded() throws Exception {
        start();
        assertEquals(CONCURRENCY, next());
        foreground.begin();
        // The moment a task could start is the dispatcher's decision after a task's end wakes it: wait for it to sleep
        // again after that, then look at what it claimed.
        WaitFor.condition("the dispatcher asleep, every slot taken", () -> dispatcher.sleeps() > 0);
        long sleeps = dispatcher.sleeps();
        finishOne();
        WaitFor.condition("the dispatcher decided after the task ended", () -> dispatcher.sleeps() > sleeps);
        assertEquals(List.of(), List.copyOf(asked), "three tasks still run while someone waits: none starts");
        finishOne();
        finishOne();
        finishOne();
        assertEquals(1, next(), "the last one ended: one task starts while someone waits");
        foreground.end();
    }

    private int next() throws InterruptedException {
        Integer free = asked.poll(10, TimeUnit.SECONDS);
        if (free == null) {
            throw new AssertionError("the dispatcher claimed nothing within 10 s");
        }
        return free;
    }

    private void finishOne() throws InterruptedException {
        CountDownLatch task = running.poll(10, TimeUnit.SECONDS);
        if (task == null) {
            throw new AssertionError("no task is running");
        }
        task.countDown();
    }
}
