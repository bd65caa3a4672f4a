package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.WaitFor;

/** The batching of outcomes on their own: every outcome stored once, in few writes; a failed write reported as such. */
class OutcomeRecorderTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void outcomesFromManyThreadsAreAllWrittenOnceInFewerBatches() throws Exception {
        List<List<Outcome>> batches = Collections.synchronizedList(new ArrayList<>());
        Set<Long> written = ConcurrentHashMap.newKeySet();
        OutcomeRecorder<Outcome> recorder = new OutcomeRecorder<>("test-outcomes", batch -> {
            batches.add(List.copyOf(batch));
            pause(5); // a write takes a while, as a commit does: what arrives meanwhile joins the next batch
        }, batch -> batch.forEach(o -> written.add(o.deliveryId())));
        recorder.start();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            LongStream.range(0, 1_000).forEach(id -> threads.submit(() -> recorder.add(new Outcome.Delivered(id, 202, NOW))));
        }
        WaitFor.condition("all 1,000 outcomes written", () -> written.size() == 1_000);
        recorder.close();

        List<Long> ids = batches.stream().flatMap(List::stream).map(Outcome::deliveryId).toList();
        assertEquals(1_000, ids.size(), "each outcome written exactly once");
        assertEquals(1_000, new HashSet<>(ids).size());
        assertTrue(batches.size() < 500, "outcomes share writes, got " + batches.size() + " batches");
        assertTrue(batches.stream().allMatch(b -> b.size() <= OutcomeRecorder.MAX_BATCH));
    }

    @Test
    void aBatchThatCouldNotBeWrittenIsNotReportedAsWritten() {
        AtomicInteger writes = new AtomicInteger();
        Set<Long> written = ConcurrentHashMap.newKeySet();
        OutcomeRecorder<Outcome> recorder = new OutcomeRecorder<>("test-outcomes", batch -> {
            if (writes.incrementAndGet() == 1) {
                throw new IllegalStateException("database unreachable");
            }
        }, batch -> batch.forEach(o -> written.add(o.deliveryId())));
        recorder.start();
        recorder.add(new Outcome.Retry(1, 503, "busy", NOW));
        WaitFor.condition("the first write attempted", () -> writes.get() == 1);
        recorder.add(new Outcome.GaveUp(2, 410, "gone", NOW));
        WaitFor.condition("the second outcome written", () -> written.contains(2L));
        recorder.close();
        assertEquals(Set.of(2L), written, "the failed batch stays unwritten (its row keeps its lease)");
    }

    @Test
    void closeWritesWhatIsStillWaiting() throws Exception {
        List<List<Long>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutcomeRecorder<Outcome> recorder = new OutcomeRecorder<>("test-outcomes", batch -> {
            if (batches.isEmpty()) {
                writing.countDown();
                await(release); // the first write hangs, so what arrives meanwhile is still waiting at close()
            }
            batches.add(batch.stream().map(Outcome::deliveryId).toList());
        }, batch -> { });
        recorder.start();
        recorder.add(new Outcome.Delivered(0, 202, NOW));
        assertTrue(writing.await(20, TimeUnit.SECONDS), "the first write began");
        LongStream.range(1, 50).forEach(id -> recorder.add(new Outcome.Delivered(id, 202, NOW)));

        Thread closer = Thread.ofPlatform().start(recorder::close);
        WaitFor.condition("close() is waiting for the writer",
                () -> DeliveryWorkerTest.waitingIn(closer, OutcomeRecorder.class, "close"));
        release.countDown();
        closer.join(Duration.ofSeconds(20));
        assertFalse(closer.isAlive(), "close() returned");

        assertEquals(List.of(0L), batches.get(0));
        List<Long> stored = batches.stream().flatMap(List::stream).toList();
        assertEquals(50, stored.size(), "the 49 outcomes waiting when close() began were written by it: " + batches);
        assertEquals(50, new HashSet<>(stored).size());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
