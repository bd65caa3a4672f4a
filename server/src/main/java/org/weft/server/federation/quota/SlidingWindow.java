package org.weft.server.federation.quota;

/**
 * A running total over a sliding window, counted in 60 slots (minutes, for an hour): what came in the last 60 slots,
 * the current one included. Exact to a slot, so {@link #waitFor} can say when enough will have slid out, and never
 * more than a window away. Times are epoch milliseconds. Not thread-safe: {@link InboxQuotas} guards it.
 */
final class SlidingWindow {
    private static final int SLOTS = 60;

    private final long slotMillis;
    private final long[] counts = new long[SLOTS];
    private long total;
    /** The slot number (time / slotMillis) of the newest slot; slots older than SLOTS - 1 before it are cleared. */
    private long newest = Long.MIN_VALUE;

    SlidingWindow(long windowMillis) {
        this.slotMillis = Math.max(1, windowMillis / SLOTS);
    }

    /** Whether {@code amount} more would stay within {@code limit}. */
    boolean fits(long now, long amount, long limit) {
        roll(now);
        return total + amount <= limit;
    }

    void add(long now, long amount) {
        roll(now);
        counts[index(newest)] += amount;
        total += amount;
    }

    /**
     * Milliseconds from {@code now} until {@code amount} more fits under {@code limit}, if nothing else is added
     * meanwhile: until the oldest slots holding the excess have slid out. 0 when it fits now; at most a window.
     * {@code amount} must not exceed {@code limit}.
     */
    long waitFor(long now, long amount, long limit) {
        roll(now);
        long excess = total + amount - limit;
        if (excess <= 0) {
            return 0;
        }
        long freed = 0;
        for (long slot = newest - SLOTS + 1; slot <= newest; slot++) {
            freed += counts[index(slot)];
            if (freed >= excess) {
                return Math.max(1, (slot + SLOTS) * slotMillis - now);
            }
        }
        return SLOTS * slotMillis; // unreachable while amount <= limit
    }

    /** Nothing counted in the window: the entry can be forgotten. */
    boolean isEmpty(long now) {
        roll(now);
        return total == 0;
    }

    private void roll(long now) {
        long slot = Math.floorDiv(now, slotMillis);
        if (newest == Long.MIN_VALUE) {
            newest = slot;
            return;
        }
        if (slot <= newest) {
            return;
        }
        long clear = Math.min(slot - newest, SLOTS);
        for (long s = newest + 1; s < newest + 1 + clear; s++) {
            int i = index(s);
            total -= counts[i];
            counts[i] = 0;
        }
        newest = slot;
    }

    private static int index(long slot) {
        return (int) Math.floorMod(slot, (long) SLOTS);
    }
}
