package org.weft.server.domain.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The overviews are counted at most once a minute per view, a stale view is answered while it is counted again, and a
 * member's view is never a visitor's. The counter here records what it was asked and hands out a new answer each
 * time; the clock is moved by the test; background recounts run when the test runs them.
 */
class RecentOverviewsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<RecentOverviews.Key> counted = new ArrayList<>();
    /** Recounts in the background, run when the test says. */
    private final List<Runnable> recounts = new ArrayList<>();
    private final RecentOverviews recent = new RecentOverviews(key -> {
        counted.add(key);
        return "nowhere".equals(key.community()) ? Optional.empty() : Optional.of(overview(counted.size()));
    }, nanos::get, recounts::add);

    @Test
    void aViewIsCountedOnceAMinuteAndAMembersIsNeverAVisitors() {
        Overview first = recent.community("Camp", false, false).orElseThrow();
        assertSame(first, recent.community("camp", false, false).orElseThrow(), "the same view within the minute");
        assertEquals(1, counted.size());

        Overview members = recent.community("camp", true, false).orElseThrow();
        assertTrue(members != first, "a member's view is counted for members");
        assertEquals(new RecentOverviews.Key("camp", true, false), counted.get(1));
        recent.community("camp", false, true);
        recent.instance(false);
        assertEquals(4, counted.size(), "linked and instance views are views of their own");

        nanos.addAndGet(RecentOverviews.FRESH.plusSeconds(1).toNanos());
        Overview stale = recent.community("camp", false, false).orElseThrow();
        assertSame(first, stale, "past the minute the old view is answered at once");
        assertSame(first, recent.community("camp", false, false).orElseThrow(), "to everyone until the recount is done");
        assertEquals(4, counted.size(), "nobody waited for a count");
        runRecounts();
        assertEquals(5, counted.size(), "counted again in the background, once however many asked meanwhile");
        Overview fresh = recent.community("camp", false, false).orElseThrow();
        assertTrue(fresh != first, "and the next reader gets the new count");
        assertEquals(5, counted.size());
    }

    @Test
    void anUnknownCommunityIsRememberedAsNoneAndCountedAgainLater() {
        assertEquals(Optional.empty(), recent.community("nowhere", false, false));
        assertEquals(Optional.empty(), recent.community("nowhere", false, false));
        assertEquals(1, counted.size());
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        recent.community("nowhere", false, false);
        runRecounts();
        assertEquals(2, counted.size());
    }

    /** Runs what the cache handed its executor (the recounts, and its own upkeep). */
    private void runRecounts() {
        while (!recounts.isEmpty()) {
            recounts.removeFirst().run();
        }
    }

    private static Overview overview(int n) {
        return new Overview(Overview.Scope.COMMUNITY, "camp", "Camp " + n, null, 3, false, null, null, null, List.of(),
                null, null, List.of());
    }
}
