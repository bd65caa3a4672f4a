package org.weft.server.domain.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.WaitFor;

class SingleFlightTest {
    private static final int JOINERS = 10;
    private final SingleFlight<String, String> flights = new SingleFlight<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void callersWhileTheWorkRunsWaitForItAndShareItsResult() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> leader = pool.submit(() -> flights.run("rosa", () -> {
                started.countDown();
                await(release);
                return "rosa#" + runs.incrementAndGet();
            }));
            started.await();
            List<Future<String>> joiners = new ArrayList<>();
            for (int i = 0; i < JOINERS; i++) {
                joiners.add(pool.submit(() -> flights.run("rosa", () -> "rosa#" + runs.incrementAndGet())));
            }
            WaitFor.condition("every caller waits for the running work", () -> flights.joined() == JOINERS);
            assertEquals("kofi", pool.submit(() -> flights.run("kofi", () -> "kofi")).get(), "another key does not wait");
            release.countDown();
            assertEquals("rosa#1", leader.get());
            for (Future<String> joiner : joiners) {
                assertEquals("rosa#1", joiner.get());
            }
        }
        assertEquals(1, runs.get(), "the work ran once");
        assertEquals("rosa#2", flights.run("rosa", () -> "rosa#" + runs.incrementAndGet()), "a later call runs it anew");
    }

    @Test
    void theFailureIsSharedAndNotRemembered() throws Exception {
        IOException failure = new IOException("connection refused");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> leader = pool.submit(() -> flights.run("rosa", () -> {
                started.countDown();
                await(release);
                throw failure;
            }));
            started.await();
            Future<String> joiner = pool.submit(() -> flights.run("rosa", () -> "should not run"));
            WaitFor.condition("the second caller waits", () -> flights.joined() == 1);
            release.countDown();
            assertSame(failure, assertThrows(ExecutionException.class, leader::get).getCause());
            assertSame(failure, assertThrows(ExecutionException.class, joiner::get).getCause(),
                    "the caller that waited gets the same exception (its reason and status intact)");
        }
        assertEquals("again", flights.run("rosa", () -> "again"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
