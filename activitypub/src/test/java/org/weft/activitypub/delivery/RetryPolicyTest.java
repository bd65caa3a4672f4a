package org.weft.activitypub.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant START = Instant.parse("2026-11-07T09:00:00Z");
    /** nextDouble() is derived from nextLong(): 0 gives no jitter, -1 (all bits set) the largest. */
    private static final RandomGenerator NO_JITTER = () -> 0L;
    private static final RandomGenerator MAX_JITTER = () -> -1L;

    private final RetryPolicy policy = new RetryPolicy();

    /** Runs the whole schedule, failing every time; returns the delays between attempts. */
    private List<Duration> schedule(RandomGenerator random) {
        List<Duration> delays = new ArrayList<>();
        Instant now = START;
        for (int attempts = 1; ; attempts++) {
            Optional<Instant> next = policy.nextAttempt(attempts, now, random);
            if (next.isEmpty()) {
                assertEquals(RetryPolicy.DEFAULT_MAX_ATTEMPTS, attempts);
                return delays;
            }
            delays.add(Duration.between(now, next.get()));
            now = next.get();
        }
    }

    private static Duration total(List<Duration> delays) {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void theWholeScheduleSpansBetween36And72Hours() {
        for (RandomGenerator random : List.of(NO_JITTER, MAX_JITTER, new SplittableRandom(7), new SplittableRandom(42))) {
            Duration span = total(schedule(random));
            assertTrue(span.compareTo(Duration.ofHours(36)) >= 0, span.toString());
            assertTrue(span.compareTo(Duration.ofHours(72)) <= 0, span.toString());
        }
    }

    @Test
    void delaysGrowFromSecondsToHours() {
        for (RandomGenerator random : List.of(NO_JITTER, MAX_JITTER)) {
            List<Duration> delays = schedule(random);
            assertEquals(RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1, delays.size());
            for (int i = 1; i < delays.size(); i++) {
                assertTrue(delays.get(i).compareTo(delays.get(i - 1)) > 0, "delay " + i + " " + delays);
            }
            assertTrue(delays.get(0).compareTo(Duration.ofMinutes(1)) < 0);
            assertTrue(delays.get(delays.size() - 1).compareTo(Duration.ofHours(14)) > 0);
        }
        assertEquals(Duration.ofSeconds(15), schedule(NO_JITTER).get(0));
        assertEquals(Duration.ofSeconds(15 + 50_625), schedule(NO_JITTER).get(15), "15⁴ + 15 s");
    }

    @Test
    void jitterSpreadsRetries() {
        Instant a = policy.nextAttempt(5, START, new SplittableRandom(1)).orElseThrow();
        Instant b = policy.nextAttempt(5, START, new SplittableRandom(2)).orElseThrow();
        assertTrue(!a.equals(b));
    }

    @Test
    void aLongerRetryAfterWins() {
        Instant policyOnly = policy.nextAttempt(1, START, NO_JITTER).orElseThrow();
        assertEquals(START.plusSeconds(15), policyOnly);
        assertEquals(START.plus(Duration.ofMinutes(10)),
                policy.nextAttempt(1, START, NO_JITTER, Optional.of(Duration.ofMinutes(10))).orElseThrow());
        assertEquals(START.plusSeconds(15),
                policy.nextAttempt(1, START, NO_JITTER, Optional.of(Duration.ofSeconds(1))).orElseThrow());
    }

    @Test
    void aDoublingScheduleDoublesWithoutJitterAndGivesUpInTime() {
        RetryPolicy doubling = RetryPolicy.doubling(Duration.ofSeconds(30), 5);
        List<Duration> delays = new ArrayList<>();
        for (int attempts = 1; attempts < 5; attempts++) {
            delays.add(Duration.between(START, doubling.nextAttempt(attempts, START, MAX_JITTER).orElseThrow()));
        }
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240)), delays);
        assertEquals(Optional.empty(), doubling.nextAttempt(5, START, NO_JITTER), "five attempts, then no more");
        assertEquals(5, doubling.maxAttempts());
        assertEquals(START.plus(Duration.ofMinutes(10)),
                doubling.nextAttempt(1, START, NO_JITTER, Optional.of(Duration.ofMinutes(10))).orElseThrow(),
                "a longer Retry-After wins here too");
        RetryPolicy endless = RetryPolicy.doubling(Duration.ofSeconds(1), 100);
        assertEquals(START.plusSeconds(1L << RetryPolicy.MAX_DOUBLINGS), endless.nextAttempt(99, START, NO_JITTER).orElseThrow(),
                "the doubling stops growing, and never overflows");
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.doubling(Duration.ZERO, 5));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.doubling(Duration.ofSeconds(1), 0));
    }

    @Test
    void exhaustionAndBadInput() {
        assertEquals(Optional.empty(), new RetryPolicy(3).nextAttempt(3, START, NO_JITTER));
        assertTrue(new RetryPolicy(3).nextAttempt(2, START, NO_JITTER).isPresent());
        assertThrows(IllegalArgumentException.class, () -> policy.nextAttempt(0, START, NO_JITTER));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0));
    }
}
