package org.weft.activitypub.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to retry failed work, and when to give up. The default is the schedule of deliveries, after Mastodon's
 * Sidekiq: before retry number {@code c} (from 0) wait {@code c⁴ + 15 s} plus a random jitter of up to
 * {@code c⁴/4 + 10·(c+1) s}. With {@value #DEFAULT_MAX_ATTEMPTS} attempts (the first and 16 retries, Mastodon's
 * {@code retry: 16}) the whole schedule spans about 50 to 62 hours, so a server that is down for a weekend still gets
 * the post. {@link #doubling} is a short one, for work that is ours to finish and fails only for a while (a sender's
 * server briefly unreachable while an incoming activity is processed).
 */
public final class RetryPolicy {

    /** The first attempt plus 16 retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 17;
    /** Added to every delay. */
    public static final Duration BASE_DELAY = Duration.ofSeconds(15);
    /** The proportional part of the jitter: up to this fraction of {@code c⁴}. */
    public static final double JITTER_FRACTION = 0.25;
    /** The fixed part of the jitter, per retry number (as Sidekiq's {@code rand(10 * (count + 1))}). */
    public static final long JITTER_SECONDS_PER_RETRY = 10;

    /** The longest a {@link #doubling} schedule grows: {@code 2¹⁶} times its first delay. */
    static final int MAX_DOUBLINGS = 16;

    /** The wait before retry number {@code count} (from 0). */
    @FunctionalInterface
    private interface Schedule {
        Duration delayBeforeRetry(int count, RandomGenerator random);
    }

    private final int maxAttempts;
    private final Schedule schedule;

    /** The delivery schedule with {@link #DEFAULT_MAX_ATTEMPTS}. */
    public RetryPolicy() {
        this(DEFAULT_MAX_ATTEMPTS);
    }

    /** @param maxAttempts total attempts including the first, at least 1, on the delivery schedule */
    public RetryPolicy(int maxAttempts) {
        this(maxAttempts, RetryPolicy::delayBeforeRetry);
    }

    private RetryPolicy(int maxAttempts, Schedule schedule) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.schedule = schedule;
    }

    /**
     * A schedule that doubles, without jitter: {@code first}, then twice that, four times… (at most
     * {@code 2}<sup>{@value #MAX_DOUBLINGS}</sup> times {@code first}).
     *
     * @param first       the wait before the first retry, positive
     * @param maxAttempts total attempts including the first, at least 1
     * @return the policy
     */
    public static RetryPolicy doubling(Duration first, int maxAttempts) {
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first delay must be positive");
        }
        return new RetryPolicy(maxAttempts, (count, random) -> first.multipliedBy(1L << Math.min(count, MAX_DOUBLINGS)));
    }

    /** @return total attempts including the first */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * @param attemptsSoFar attempts already made and failed, at least 1
     * @param now when the last attempt failed
     * @param random the source of jitter
     * @return when to try next, or empty when the attempts are used up
     */
    public Optional<Instant> nextAttempt(int attemptsSoFar, Instant now, RandomGenerator random) {
        return nextAttempt(attemptsSoFar, now, random, Optional.empty());
    }

    /**
     * As {@link #nextAttempt(int, Instant, RandomGenerator)}, waiting at least the remote's
     * {@code Retry-After} when it asked for longer.
     *
     * @param attemptsSoFar attempts already made and failed, at least 1
     * @param now when the last attempt failed
     * @param random the source of jitter
     * @param retryAfter from {@link DeliveryOutcome.Retry#retryAfter()}
     * @return when to try next, or empty when the attempts are used up
     */
    public Optional<Instant> nextAttempt(int attemptsSoFar, Instant now, RandomGenerator random,
                                         Optional<Duration> retryAfter) {
        if (attemptsSoFar < 1) {
            throw new IllegalArgumentException("attemptsSoFar must be at least 1");
        }
        Objects.requireNonNull(now, "now");
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = schedule.delayBeforeRetry(attemptsSoFar - 1, random);
        Duration asked = retryAfter.orElse(Duration.ZERO);
        return Optional.of(now.plus(asked.compareTo(delay) > 0 ? asked : delay));
    }

    /** The delivery schedule's delay before retry number {@code count}, counting from 0. */
    static Duration delayBeforeRetry(int count, RandomGenerator random) {
        long growth = (long) count * count * count * count;
        double jitterSpan = JITTER_FRACTION * growth + JITTER_SECONDS_PER_RETRY * (count + 1);
        long jitterMillis = (long) (random.nextDouble() * jitterSpan * 1000);
        return BASE_DELAY.plusSeconds(growth).plusMillis(jitterMillis);
    }
}
