package org.weft.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Gives memory back to the machine once the server falls quiet. The serial collector that {@code ./weft serve} ships
 * with returns heap only after a full collection, and a quiet server collects nothing: after a busy spell it kept the
 * heap that spell had grown (the soak: 99 MB committed for 56 MB live, unchanged two minutes after the load stopped).
 * So after a minute in which the process used less than {@link #IDLE_SHARE} of one processor, following one in which it
 * did more, this asks for one full collection; the collector then shrinks the heap to its free ratio. A quiet server is
 * collected once, not every minute, a busy one never, and one that keeps waking up at most every
 * {@link #AT_MOST_EVERY} (a full collection pauses the server for a few hundred milliseconds).
 */
final class IdleMemory {
    private static final Logger LOG = Logger.getLogger(IdleMemory.class.getName());
    static final Duration EVERY = Duration.ofMinutes(1);
    /**
     * Below this share of one processor over {@link #EVERY}, the process counts as idle: its own timers (the change feed,
     * the polls' timer, the workers' polls) cost about 2% on a shared 2-core machine, a soak's 40 activities a second
     * far more than 5%.
     */
    static final double IDLE_SHARE = 0.05;
    static final Duration AT_MOST_EVERY = Duration.ofMinutes(10);

    private final LongSupplier cpuNanos;
    private final Runnable collect;
    private long lastCpuNanos;
    private boolean collectedSinceBusy = true;
    /** Checks since the last collection; starts as if long ago. */
    private long checksSinceCollection = Long.MAX_VALUE / 2;

    /** {@code cpuNanos} is the process's processor time so far; {@code collect} runs one full collection. */
    IdleMemory(LongSupplier cpuNanos, Runnable collect) {
        this.cpuNanos = cpuNanos;
        this.collect = collect;
        this.lastCpuNanos = cpuNanos.getAsLong();
    }

    /** For this process: its processor time as the JVM reports it, and {@link System#gc()}. */
    static IdleMemory forThisProcess() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new IdleMemory(os::getProcessCpuTime, System::gc);
    }

    /** One look back over the time since the last: run every {@link #EVERY}. */
    void check() {
        long now = cpuNanos.getAsLong();
        long used = now - lastCpuNanos;
        lastCpuNanos = now;
        checksSinceCollection++;
        if (used >= IDLE_SHARE * EVERY.toNanos()) {
            collectedSinceBusy = false;
            return;
        }
        if (!collectedSinceBusy && checksSinceCollection * EVERY.toMinutes() >= AT_MOST_EVERY.toMinutes()) {
            checksSinceCollection = 0;
            collectedSinceBusy = true;
            LOG.fine("Idle for a minute after a busy spell: one full collection, so the heap can shrink");
            collect.run();
        }
    }
}
