package org.weft.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset that a test moves forward, to see what an hour or a day later looks like without
 * waiting (quota windows, retention, digests). Give the same clock to the server ({@link TestServers#start}) and to
 * the peers' signatures ({@link #now()} for their {@code Date}), so both sides agree on the time.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Duration> offset;

    public TestClock() {
        this(new AtomicReference<>(Duration.ZERO));
    }

    private TestClock(AtomicReference<Duration> offset) {
        this.offset = offset;
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
        return Instant.now().plus(offset.get());
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
