package org.weft.server.federation.quota;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled at {@code perSecond}. Times are epoch
 * milliseconds. Not thread-safe: {@link InboxQuotas} guards it.
 */
final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, int capacity, long now) {
        this.capacity = capacity;
        this.perMilli = perSecond / 1000.0;
        this.tokens = capacity;
        this.last = now;
    }

    boolean hasToken(long now) {
        refill(now);
        return tokens >= 1;
    }

    void take(long now) {
        refill(now);
        tokens -= 1;
    }

    /** Milliseconds until a token is there (0 when one is). */
    long waitFor(long now) {
        refill(now);
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perMilli));
    }

    boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
        }
    }
}
