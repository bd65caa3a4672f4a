package org.weft.activitypub.signature;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

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
 *
 * <p>Each signature is kept as 64 bits of its SHA-256 in two arrays ({@link FingerprintSet}, {@link ExpiryQueue}),
 * about 47 bytes an entry: boxed in a {@code HashMap} and a {@code PriorityQueue} it took about 133, and a server
 * taking 40 activities a second fills the capacity in 42 minutes (the soak of issue 16 saw its heap grow by 0.3 MB a
 * minute from this alone). 64 bits suffice: an honest request is refused as a replay only if its fingerprint equals
 * one of the at most {@code capacity} kept, a chance of {@code capacity / 2^64} (5e-15 at the default); and matching a
 * fingerprint on purpose needs the other request's signature, which only its signer has, and 2^64 hashes.
 */
public final class SeenSignatures {

    /** About 4.7 MB of heap when full (13.3 MB before it was kept in arrays); a camp sees far fewer in an hour. */
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

    private final int capacity;
    private final FingerprintSet kept = new FingerprintSet();
    private final ExpiryQueue soonestFirst = new ExpiryQueue();
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
        long fingerprint = fingerprint(signature);
        long until = acceptedUntil.toEpochMilli();
        long nowMillis = now.toEpochMilli();
        synchronized (this) {
            forgetExpired(nowMillis);
            if (kept.contains(fingerprint)) {
                return Sighting.REPEATED;
            }
            if (until <= forgottenUntilMillis) {
                return Sighting.UNCERTAIN;
            }
            kept.add(fingerprint);
            soonestFirst.add(until, fingerprint);
            while (soonestFirst.size() > capacity) {
                forgottenUntilMillis = Math.max(forgottenUntilMillis, soonestFirst.soonestUntil());
                kept.remove(soonestFirst.soonestFingerprint());
                soonestFirst.removeSoonest();
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
        return kept.size();
    }

    private void forgetExpired(long nowMillis) {
        while (!soonestFirst.isEmpty() && soonestFirst.soonestUntil() < nowMillis) {
            kept.remove(soonestFirst.soonestFingerprint());
            soonestFirst.removeSoonest();
        }
    }

    /** 64 bits of SHA-256, never 0 (which marks an empty slot): a fixed, small key whatever the signature's length. */
    private static long fingerprint(byte[] signature) {
        try {
            long bits = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(signature)).getLong();
            return bits == 0 ? 1 : bits;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
