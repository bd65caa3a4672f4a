package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IdleMemoryTest {
    private static final long BUSY = (long) (IdleMemory.IDLE_SHARE * IdleMemory.EVERY.toNanos()) * 10;
    private static final long QUIET = (long) (IdleMemory.IDLE_SHARE * IdleMemory.EVERY.toNanos()) / 4;

    private final AtomicLong cpu = new AtomicLong(1_000_000_000L);
    private final AtomicInteger collections = new AtomicInteger();
    private final IdleMemory idle = new IdleMemory(cpu::get, collections::incrementAndGet);

    @Test
    void aQuietMinuteAfterABusyOneCollectsOnceAndAQuietServerIsNotCollectedAgain() {
        minute(BUSY);
        assertEquals(0, collections.get(), "a busy minute is left to the collector's own pace");
        minute(QUIET);
        assertEquals(1, collections.get(), "the first quiet minute after it gives the heap back");
        minute(QUIET);
        minute(0);
        assertEquals(1, collections.get(), "staying quiet collects nothing more");

        for (int i = 0; i < 10; i++) {
            minute(BUSY);
        }
        assertEquals(1, collections.get());
        minute(QUIET);
        assertEquals(2, collections.get(), "the next busy spell is given back once it ends");
    }

    @Test
    void aServerThatKeepsWakingUpIsCollectedAtMostEveryTenMinutes() {
        for (int i = 0; i < 20; i++) {
            minute(BUSY);
            minute(QUIET);
        }
        assertEquals(4, collections.get(), "40 minutes of a busy minute then a quiet one: a collection each 10 minutes");
    }

    @Test
    void aServerQuietFromItsStartIsNotCollected() {
        minute(QUIET);
        minute(QUIET);
        assertEquals(0, collections.get(), "nothing grew that a collection would give back");
    }

    private void minute(long cpuNanos) {
        cpu.addAndGet(cpuNanos);
        idle.check();
    }
}
