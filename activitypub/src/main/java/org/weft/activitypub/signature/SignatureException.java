package org.weft.activitypub.signature;

import java.util.Objects;

/**
 * An incoming request's signature was refused. Answer 401 (Mastodon does the same for every reason).
 */
public final class SignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a signature was refused. */
    public enum Reason {
        /** No {@code Signature} header. */
        MISSING,
        /** The header could not be parsed, or a signed header is absent from the request. */
        MALFORMED,
        /** An algorithm other than {@code rsa-sha256} / {@code hs2019} with an RSA key. */
        UNSUPPORTED_ALGORITHM,
        /** The request has a body (or is a POST) but no {@code Digest} header. */
        DIGEST_MISSING,
        /** The {@code Digest} header has no SHA-256 entry matching the raw body. */
        DIGEST_MISMATCH,
        /** A POST whose signature does not cover {@code digest}. */
        DIGEST_NOT_SIGNED,
        /** Neither {@code date} nor {@code (created)} is signed. */
        DATE_NOT_SIGNED,
        /** The signature does not cover {@code host} (required on every request). */
        HOST_NOT_SIGNED,
        /** The {@code Host} header names another server (or another port): a request signed for somewhere else. */
        HOST_MISMATCH,
        /** Neither {@code (request-target)} nor {@code digest} is signed. */
        REQUEST_TARGET_NOT_SIGNED,
        /** The signing time is too old, too far in the future, or past its {@code expires}. */
        DATE_OUT_OF_WINDOW,
        /** The resolver knows no such key. */
        UNKNOWN_KEY,
        /** The key could not be looked up (network or remote error); the sender may retry. */
        KEY_UNAVAILABLE,
        /** The signature does not match, even after refetching the key once. */
        BAD_SIGNATURE,
        /** This very signature was accepted before and is still within its window: the request is a replay. */
        REPLAYED,
        /**
         * So many signatures were accepted lately that the oldest had to be forgotten early, and this one is no
         * newer than them: it cannot be told from a replay. A request signed now is accepted.
         */
        REPLAY_UNCERTAIN
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message detail for logs
     */
    public SignatureException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason why
     * @param message detail for logs
     * @param cause the underlying failure, or null
     */
    public SignatureException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the signature was refused */
    public Reason reason() {
        return reason;
    }
}
