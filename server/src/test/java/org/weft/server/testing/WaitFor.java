package org.weft.server.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.InboundActivityEntity;

/**
 * Waits for an asynchronous effect by polling a condition, instead of sleeping a fixed time; and waits for the two
 * moments a "this never happens" check must wait for before it looks: an inbound activity processed
 * ({@link #inboundDone}), and the outbound deliveries attempted ({@link #deliveriesDrained}).
 */
public final class WaitFor {
    private static final Duration DEFAULT = Duration.ofSeconds(20);

    private WaitFor() {
    }

    public static void condition(String what, BooleanSupplier condition) {
        condition(what, DEFAULT, condition);
    }

    public static void condition(String what, Duration timeout, BooleanSupplier condition) {
        condition(() -> what, timeout, condition);
    }

    /** As {@link #condition(String, BooleanSupplier)}, with a description worked out only on a timeout (it may say why). */
    public static void condition(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
        condition(what, timeout, Duration.ofMillis(25), condition);
    }

    /**
     * As {@link #condition(Supplier, Duration, BooleanSupplier)}, looking every {@code interval}: for a condition read
     * from something that must be left alone between looks (InnoDB refreshes its lock tables only after 0.1 s unread).
     */
    public static void condition(Supplier<String> what, Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what.get());
            }
            LockSupport.parkNanos(interval.toNanos());
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

    /**
     * Waits until {@code instance} has finished with the inbound activity {@code activityId}: its own row in the inbound
     * table is DONE (applied, or ignored on purpose: then {@code lastError} says why) or FAILED. Returns the row as it
     * ended. After this, whatever that activity was going to change has been changed, in a committed transaction.
     *
     * <p>A count of processed activities is no barrier: the worker makes an activity's effect visible before it counts
     * it, so a count read just after waiting on that effect can be met by that same activity instead of the next one.
     */
    public static InboundActivityEntity inboundDone(TestServers.Instance instance, String activityId) {
        InboundActivityEntity[] last = new InboundActivityEntity[1];
        condition(() -> "the inbound activity " + activityId + " to be processed; " + (last[0] == null ? "it was never stored"
                        : "it is " + last[0].getState() + " after " + last[0].getAttempts() + " attempt(s): "
                        + last[0].getLastError()), DEFAULT, () -> {
                    last[0] = inboundRow(instance, activityId);
                    return last[0] != null && last[0].getState() != InboundActivityEntity.State.PENDING;
                });
        return last[0];
    }

    /**
     * Waits until every delivery {@code instance} has queued so far has been attempted at least once: none is waiting
     * for its first attempt or being sent. After this, a peer that did not receive something was not sent it. Queue
     * what you want drained first (an inbound activity's deliveries: wait for {@link #inboundDone} before).
     */
    public static void deliveriesDrained(TestServers.Instance instance) {
        condition(() -> "the delivery queue to drain; " + unattempted(instance) + " delivery(ies) not attempted yet",
                DEFAULT, () -> unattempted(instance) == 0);
    }

    private static InboundActivityEntity inboundRow(TestServers.Instance instance, String activityId) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                        "from InboundActivityEntity where activityUri = :u", InboundActivityEntity.class)
                .setParameter("u", activityId).uniqueResultOptional().orElse(null));
    }

    private static long unattempted(TestServers.Instance instance) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select count(*) from DeliveryEntity where state = :pending and attempts = 0", Long.class)
                .setParameter("pending", DeliveryEntity.State.PENDING).getSingleResult());
    }
}
