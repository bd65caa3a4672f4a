package org.weft.bench.crypto;

import java.util.concurrent.atomic.LongAdder;

/** What the counting provider saw since the last {@link #reset()}. Process-wide. */
public final class CryptoCounters {
    /** Digests of at least this many bytes are counted as digests of a request body, not of a signing string. */
    public static final int BODY_SIZE = 1024;

    static final LongAdder SIGNS = new LongAdder();
    static final LongAdder VERIFIES = new LongAdder();
    static final LongAdder BODY_DIGESTS = new LongAdder();

    private CryptoCounters() {
    }

    public static void reset() {
        SIGNS.reset();
        VERIFIES.reset();
        BODY_DIGESTS.reset();
    }

    public static Snapshot snapshot() {
        return new Snapshot(SIGNS.sum(), VERIFIES.sum(), BODY_DIGESTS.sum());
    }

    /** Counts at one moment. */
    public record Snapshot(long signs, long verifies, long bodyDigests) {
    }
}
