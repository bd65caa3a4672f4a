package org.weft.activitypub.jsonld;

/**
 * A received document that Weft will not read: not JSON, the wrong shape, over a limit, or without an
 * ActivityStreams context. The server answers 400 (413 for {@link Reason#TOO_LARGE}) and never retries.
 *
 * <p>Unchecked so that the wire-type readers ({@code fromJson}) can throw it from anywhere; callers at the
 * network boundary catch it once.
 */
public final class MalformedActivityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a document was refused, so the caller can pick a status code without parsing the message. */
    public enum Reason {
        /** The bytes are not valid JSON (or not UTF-8, or have trailing content or duplicate keys). */
        NOT_JSON,
        /** Valid JSON whose top level is not an object. */
        NOT_AN_OBJECT,
        /** Nested deeper than the codec's depth limit. */
        TOO_DEEP,
        /** Longer than the codec's byte limit. */
        TOO_LARGE,
        /** The top-level object has no {@code @context}. */
        MISSING_CONTEXT,
        /** The {@code @context} does not include ActivityStreams in any spelling. */
        UNSUPPORTED_CONTEXT,
        /** Parsed fine, but a field a wire type needs is missing or has an unusable shape. */
        INVALID_SHAPE
    }

    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason  why the document was refused
     * @param message a message fit to show to the sender's operator
     */
    public MalformedActivityException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Creates an exception that wraps the parser's own error.
     *
     * @param reason  why the document was refused
     * @param message a message fit to show to the sender's operator
     * @param cause   the underlying error
     */
    public MalformedActivityException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Returns why the document was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
