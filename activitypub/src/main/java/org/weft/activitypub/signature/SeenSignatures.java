package org.weft.activitypub.signature;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Remembers the signatures accepted recently, so that each one authenticates one request only: a
 * captured request sent again while its signature is still inside the time window is a replay. An honest
 * server signs every request anew (a new {@code Date}, or a new body and so a new {@code Digest}), so it is
 * never affected; RSA PKCS#1 v1.5 is deterministic, so the very same bytes can only come from the very same
 * signed request.
 *
 * <p>Usable by any signature scheme: the caller supplies the key (the signature's bytes) and how long the
 * signature could still be accepted. Entries leave when that moment passes. Memory is bounded: beyond
 * {@code capacity} entries the one that would expire soonest is forgotten early, and from then on any
 * signature that would expire no later than the latest one forgotten is answered {@link Sighting#UNCERTAIN}
 * (it might be a replay of a forgotten one), so a flood of fresh signatures can shorten the window but
 * never open it to replays. Thread-safe.
 */
public final class SeenSignatures {

    /** About 12 MB of heap when full; a camp instance sees far fewer signatures in an hour. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** What {@link #see} found. */
    public enum Sighting {
        /** Not seen before: accept it; it is now remembered. */
        FIRST,
        /** The same signature was accepted before and is still within its window: a replay. */
        REPEATED,
        /** Too many signatures were seen lately to tell whether this one is among those forgotten: refuse it. */
        UNCERTAIN
    }

    private record Fingerprint(long high, long low) {
    }

    private record Entry(Fingerprint fingerprint, long untilMillis) {
    }

    private final int capacity;
    private final Map<Fingerprint, Long> untilByFingerprint = new HashMap<>();
    private final PriorityQueue<Entry> soonestFirst = new PriorityQueue<>(Comparator.comparingLong(Entry::untilMillis));
    /** The latest expiry among entries forgotten before they expired; Long.MIN_VALUE while none was. */
    private long forgottenUntilMillis = Long.MIN_VALUE;

    /** With {@link #DEFAULT_CAPACITY}. */
    public SeenSignatures() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many signatures to hold at most */
    public SeenSignatures(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Records a verified signature, unless it was seen before. Call it only after the signature verified,
     * so nobody can spoil a signature they could not make.
     *
     * @param signature the signature's bytes (decoded, so that two spellings of the same bytes are one)
     * @param acceptedUntil the last moment at which the verifier would still accept this signature
     * @param now the current time
     * @return whether this is the first time, a replay, or cannot be told
     */
    public Sighting see(byte[] signature, Instant acceptedUntil, Instant now) {
        Objects.requireNonNull(signature, "signature");
        Fingerprint fingerprint = fingerprint(signature);
        long until = acceptedUntil.toEpochMilli();
        long nowMillis = now.toEpochMilli();
        synchronized (this) {
            forgetExpired(nowMillis);
            if (untilByFingerprint.containsKey(fingerprint)) {
                return Sighting.REPEATED;
            }
            if (until <= forgottenUntilMillis) {
                return Sighting.UNCERTAIN;
            }
            untilByFingerprint.put(fingerprint, until);
            soonestFirst.add(new Entry(fingerprint, until));
            while (soonestFirst.size() > capacity) {
                Entry forgotten = soonestFirst.poll();
                untilByFingerprint.remove(forgotten.fingerprint());
                forgottenUntilMillis = Math.max(forgottenUntilMillis, forgotten.untilMillis());
            }
            return Sighting.FIRST;
        }
    }

    /**
     * {@link #see} for a verifier: refuses a signature seen before, or one that cannot be told from a replay.
     * Call it last, once the signature verified.
     *
     * @param signature the verified signature's bytes
     * @param window its window, which says until when it could be accepted
     * @param now the current time
     * @throws SignatureException {@link SignatureException.Reason#REPLAYED} or
     *         {@link SignatureException.Reason#REPLAY_UNCERTAIN}
     */
    void requireFirstUse(byte[] signature, SigningWindow window, Instant now) throws SignatureException {
        Sighting sighting = see(signature, window.acceptedUntil(), now);
        if (sighting == Sighting.REPEATED) {
            throw new SignatureException(SignatureException.Reason.REPLAYED,
                    "this signature was already used; every request must be signed anew");
        }
        if (sighting == Sighting.UNCERTAIN) {
            throw new SignatureException(SignatureException.Reason.REPLAY_UNCERTAIN,
                    "too many recent signatures to rule out a replay of one signed at " + window.signedAt() + "; sign anew");
        }
    }

    /** @return how many signatures are remembered now */
    public synchronized int size() {
        return untilByFingerprint.size();
    }

    private void forgetExpired(long nowMillis) {
        while (!soonestFirst.isEmpty() && soonestFirst.peek().untilMillis() < nowMillis) {
            untilByFingerprint.remove(soonestFirst.poll().fingerprint());
        }
    }

    /** 128 bits of SHA-256: a fixed, small key whatever the signature's length, and collisions out of reach. */
    private static Fingerprint fingerprint(byte[] signature) {
        try {
            ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(signature));
            return new Fingerprint(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
