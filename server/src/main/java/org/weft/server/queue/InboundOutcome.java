package org.weft.server.queue;

import java.time.Instant;

/**
 * What processing one stored activity leaves in its row, written by {@link InboundStore#finish} with the others of its
 * batch: done (applied, or ignored with the reason as its note), due again later, or failed for good.
 */
sealed interface InboundOutcome {
    /** The inbound_activity row's id. */
    long id();

    /** Applied ({@code note} null) or valid but changing nothing ({@code note} says why): the row is finished. */
    record Done(long id, String note, Instant at) implements InboundOutcome {
    }

    /** A failed attempt, counted; due again at {@code retryAt}. */
    record Retry(long id, String error, Instant retryAt) implements InboundOutcome {
    }

    /** Failed for good (unreadable, or retries exhausted): kept as FAILED for the operator. */
    record Failed(long id, String error, Instant at) implements InboundOutcome {
    }
}
