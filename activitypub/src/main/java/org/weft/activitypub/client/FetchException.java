package org.weft.activitypub.client;

import java.io.IOException;
import java.util.Objects;

/** Fetching a remote ActivityPub document failed; {@link #reason()} says how. */
public final class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** How a fetch failed. */
    public enum Reason {
        /** The URL is not a usable absolute http(s) URL. */
        INVALID_URI,
        /** The URL or a redirect target was refused by the address check. */
        FORBIDDEN_ADDRESS,
        /** DNS, connection, TLS or timeout failure; worth retrying later. */
        NETWORK,
        /** The remote answered 410 Gone: the object or actor was deleted. */
        GONE,
        /** Any other non-2xx answer; see {@link #status()}. */
        HTTP_STATUS,
        /** More redirects than allowed, or a redirect without a usable Location. */
        BAD_REDIRECT,
        /** The body exceeded the size cap. */
        TOO_LARGE,
        /** The Content-Type is not an ActivityPub type. */
        WRONG_CONTENT_TYPE,
        /** The body is not a JSON object. */
        INVALID_JSON,
        /** The document's {@code id} is not the URL it was fetched from. */
        ID_MISMATCH
    }

    private final Reason reason;
    private final int status;

    /**
     * @param reason how it failed
     * @param status the HTTP status, or -1 when there was no response
     * @param message detail for logs
     * @param cause the underlying failure, or null
     */
    public FetchException(Reason reason, int status, String message, Throwable cause) {
        super(reason + (status > 0 ? " (" + status + ")" : "") + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
    }

    /** @return how the fetch failed */
    public Reason reason() {
        return reason;
    }

    /** @return the HTTP status of the final response, or -1 when there was none */
    public int status() {
        return status;
    }

    /** @return true if the remote said the document is deleted (410) */
    public boolean isGone() {
        return reason == Reason.GONE;
    }
}
