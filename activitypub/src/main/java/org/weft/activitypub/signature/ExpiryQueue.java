package org.weft.activitypub.signature;

import java.util.Arrays;

/**
 * Fingerprints by the moment they expire, soonest first: a binary heap in two {@code long} arrays (16 bytes an entry,
 * where a {@code PriorityQueue} of records costs about 60). Grows by half as it fills. Not thread-safe.
 */
final class ExpiryQueue {
    private long[] untils = new long[64];
    private long[] fingerprints = new long[64];
    private int size;

    void add(long untilMillis, long fingerprint) {
        if (size == untils.length) {
            int length = size + (size >> 1);
            untils = Arrays.copyOf(untils, length);
            fingerprints = Arrays.copyOf(fingerprints, length);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (untils[parent] <= untilMillis) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        untils[i] = untilMillis;
        fingerprints[i] = fingerprint;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The soonest expiry; only when not empty. */
    long soonestUntil() {
        return untils[0];
    }

    /** The fingerprint of the soonest expiry; only when not empty. */
    long soonestFingerprint() {
        return fingerprints[0];
    }

    /** Drops the soonest expiry. */
    void removeSoonest() {
        long lastUntil = untils[--size];
        long lastFingerprint = fingerprints[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && untils[child + 1] < untils[child]) {
                child++;
            }
            if (untils[child] >= lastUntil) {
                break;
            }
            move(child, i);
            i = child;
        }
        untils[i] = lastUntil;
        fingerprints[i] = lastFingerprint;
    }

    private void move(int from, int to) {
        untils[to] = untils[from];
        fingerprints[to] = fingerprints[from];
    }
}
