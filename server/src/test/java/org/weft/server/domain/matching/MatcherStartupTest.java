package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.testing.WaitFor;

/**
 * The start-up load of the index runs on the matcher's thread, not the caller's: {@code rebuild()} returns
 * while the load is still going, and work that arrives meanwhile waits behind it rather than running
 * against a half-built index.
 */
class MatcherStartupTest {
    private static final Clock CLOCK = Clock.fixed(Snapshots.NOW, ZoneOffset.UTC);

    @Test
    void rebuildReturnsAtOnceAndLaterWorkWaitsForTheLoad() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProposalSnapshot stored = Snapshots.offer("babysitting").build();
        MatchIndex index = new MatchIndex(Taxonomy.load());
        try (Matcher matcher = new Matcher(null, index, null, CLOCK, (into, now) -> {
            loading.countDown();
            await(release);
            into.put(stored);
            return into.size();
        })) {
            CompletableFuture<Integer> ready = matcher.rebuild();
            assertTrue(loading.await(10, TimeUnit.SECONDS), "the load started on the matcher's thread");
            assertFalse(matcher.ready());
            matcher.expireDue();
            assertEquals(0, matcher.applied(), "queued work must not run before the index is loaded");
            assertEquals(0, index.size());

            release.countDown();
            assertEquals(1, ready.get(10, TimeUnit.SECONDS));
            WaitFor.condition("the queued work is applied", () -> matcher.applied() == 1);
            assertTrue(matcher.ready());
            assertEquals(stored, index.get(stored.id()), "nothing expired, so the loaded offer stays");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
