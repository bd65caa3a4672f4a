package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpiryQueueTest {

    private record Pair(long until, long fingerprint) {
    }

    @Test
    void itGivesTheSoonestFirstAsAPriorityQueueDoesWithEachUntilKeepingItsFingerprint() {
        Random random = new Random(9);
        ExpiryQueue queue = new ExpiryQueue();
        PriorityQueue<Pair> reference = new PriorityQueue<>(Comparator.comparingLong(Pair::until));
        for (int step = 0; step < 100_000; step++) {
            if (!reference.isEmpty() && random.nextInt(5) < 2) {
                Pair expected = reference.poll();
                assertEquals(expected.until(), queue.soonestUntil(), "step " + step);
                // Equal untils may come out in either order; the fingerprint must belong to that until.
                assertEquals(expected.until(), untilOf(queue.soonestFingerprint()));
                queue.removeSoonest();
            } else {
                long until = random.nextInt(1_000);
                Pair p = new Pair(until, fingerprintFor(until, step));
                reference.add(p);
                queue.add(p.until(), p.fingerprint());
            }
            assertEquals(reference.size(), queue.size());
        }
        while (!queue.isEmpty()) {
            assertEquals(reference.poll().until(), queue.soonestUntil());
            queue.removeSoonest();
        }
        assertTrue(reference.isEmpty());
    }

    private static long fingerprintFor(long until, int step) {
        return ((long) step << 20) | until;
    }

    private static long untilOf(long fingerprint) {
        return fingerprint & 0xFFFFF;
    }
}
