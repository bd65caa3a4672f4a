package org.weft.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits login attempts per address and username (a sliding window, in memory): enough for a person who mistypes,
 * too few for guessing. Kept in memory on purpose: losing the counts on restart costs little, and a table would
 * turn every failed login into a write.
 */
public final class LoginRateLimiter {
    private final int maxAttempts;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public LoginRateLimiter(int maxAttempts, Duration window, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.clock = clock;
    }

    /** Records an attempt and says whether it may go ahead. */
    public boolean tryAcquire(String address, String username) {
        String key = address + "|" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        Instant cutoff = now.minus(window);
        if (attempts.size() > 100_000) {
            attempts.values().removeIf(q -> q.isEmpty() || !q.peekLast().isAfter(cutoff));
        }
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
                times.pollFirst();
            }
            if (times.size() >= maxAttempts) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
