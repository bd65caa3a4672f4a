package org.weft.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, for rules that depend on time passing (back-offs, windows, retention, digests).
 * Either fixed ({@link #TestClock(Instant)}: it moves only when told) or running ({@link #TestClock()}: the real time
 * plus what the test added, so a whole server can run on it). Give a running one to the server
 * ({@link TestServers#start(java.util.Map, Clock)}) and to the peers' signatures ({@link #now()} for their
 * {@code Date}), so both sides agree on the time.
 */
public final class TestClock extends Clock {
    /** The fixed start, or null for the real time. */
    private final Instant fixed;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Running: the real time, plus whatever {@link #advance} adds. */
    public TestClock() {
        this.fixed = null;
    }

    /** Fixed at {@code now}, moved only by {@link #advance}. */
    public TestClock(Instant now) {
        this.fixed = now;
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** The current time, for a signature's {@code Date}. */
    public ZonedDateTime now() {
        return ZonedDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return (fixed == null ? Instant.now() : fixed).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // always UTC, as the server's own clock
    }
}
