package org.weft.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for an asynchronous effect by polling a condition, instead of sleeping a fixed time. */
public final class WaitFor {
    private static final Duration DEFAULT = Duration.ofSeconds(20);

    private WaitFor() {
    }

    public static void condition(String what, BooleanSupplier condition) {
        condition(what, DEFAULT, condition);
    }

    public static void condition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
        }
    }

    /** Polls until the supplier returns a non-null value, and returns it. */
    public static <T> T value(String what, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        condition(what, () -> (holder[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T result = (T) holder[0];
        return result;
    }
}
