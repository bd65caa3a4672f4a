package org.weft.server.ui.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins in a row (for an account, or a known browser) and the exponential back-off they earn: after
 * {@code free} failures, the next try waits {@code firstWait}, then twice as long after each further failure, up to
 * {@code longestWait}. The streak is forgotten when no failure came for {@code memory}.
 */
final class FailureStreak {
    private int failures;
    private Instant last;

    synchronized void fail(Instant now, Duration memory) {
        if (forgotten(now, memory)) {
            failures = 0;
        }
        failures++;
        last = now;
    }

    /** How long the next attempt must still wait; zero when it may go ahead. */
    synchronized Duration wait(Instant now, int free, Duration firstWait, Duration longestWait, Duration memory) {
        if (failures < free || forgotten(now, memory)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration backOff = firstWait.multipliedBy(1L << doublings);
        Instant until = last.plus(backOff.compareTo(longestWait) > 0 ? longestWait : backOff);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    synchronized boolean fewerThan(int count) {
        return failures < count;
    }

    synchronized boolean forgotten(Instant now, Duration memory) {
        return last == null || !last.plus(memory).isAfter(now);
    }
}
