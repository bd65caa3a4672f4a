package org.weft.activitypub.signature;

/**
 * A set of non-zero {@code long}s in one array (open addressing, linear probing), for {@link SeenSignatures}: 8 bytes
 * a slot and at most half the slots used, where a {@code HashMap} of boxed keys costs about 110 bytes an entry. It grows
 * as it fills and does not shrink: its peak is bounded by the caller's capacity. Not thread-safe.
 */
final class FingerprintSet {
    private static final int FIRST_LENGTH = 64;

    private long[] slots = new long[FIRST_LENGTH];
    private int size;

    boolean contains(long key) {
        for (int i = home(key, slots.length); ; i = next(i)) {
            long here = slots[i];
            if (here == key) {
                return true;
            }
            if (here == 0) {
                return false;
            }
        }
    }

    /** @return false if it was there already */
    boolean add(long key) {
        requireNonZero(key);
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int i = home(key, slots.length);
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return false;
            }
            i = next(i);
        }
        slots[i] = key;
        size++;
        return true;
    }

    /**
     * Takes the key out and moves later members of its probe run back into the gap (backward-shift deletion), so
     * that no tombstones pile up however many keys come and go.
     */
    void remove(long key) {
        int gap = home(key, slots.length);
        while (slots[gap] != key) {
            if (slots[gap] == 0) {
                return;
            }
            gap = next(gap);
        }
        for (int i = next(gap); slots[i] != 0; i = next(i)) {
            int home = home(slots[i], slots.length);
            // Movable into the gap if its home is not in the cyclic range (gap, i].
            if (gap <= i ? home <= gap || home > i : home <= gap && home > i) {
                slots[gap] = slots[i];
                gap = i;
            }
        }
        slots[gap] = 0;
        size--;
    }

    int size() {
        return size;
    }

    /** Slots allocated (for tests: the table must stay in proportion to what it holds at its peak). */
    int length() {
        return slots.length;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long key : old) {
            if (key != 0) {
                int i = home(key, slots.length);
                while (slots[i] != 0) {
                    i = next(i);
                }
                slots[i] = key;
            }
        }
    }

    private int next(int i) {
        return (i + 1) & (slots.length - 1);
    }

    /** The keys are already hashes (SHA-256 bits), so their low bits serve as the home slot. */
    private static int home(long key, int length) {
        return (int) key & (length - 1);
    }

    private static void requireNonZero(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("0 marks an empty slot");
        }
    }
}
