package org.weft.server.ui.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The failed logins from one client address within a sliding window (at most as many as the limit are kept). */
final class FailureWindow {
    private final Deque<Instant> times = new ArrayDeque<>();

    synchronized void fail(Instant now, int limit, Duration window) {
        expire(now, window);
        times.addLast(now);
        while (times.size() > limit) {
            times.pollFirst();
        }
    }

    /** How long until fewer than {@code limit} failures remain in the window; zero when that is so already. */
    synchronized Duration wait(Instant now, int limit, Duration window) {
        expire(now, window);
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        // The (size - limit + 1)-th oldest failure must leave the window; only `limit` are kept, so it is the oldest.
        return Duration.between(now, times.peekFirst().plus(window));
    }

    synchronized boolean empty(Instant now, Duration window) {
        expire(now, window);
        return times.isEmpty();
    }

    private void expire(Instant now, Duration window) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.pollFirst();
        }
    }
}
