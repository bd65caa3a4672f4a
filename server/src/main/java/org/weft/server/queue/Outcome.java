package org.weft.server.queue;

import java.time.Instant;

/**
 * What one attempt leaves in a delivery row: done, given up, or due again at a later time. Not to be confused with
 * {@link org.weft.activitypub.delivery.DeliveryOutcome}, which is what the remote host said; this is what the queue
 * writes down about it.
 */
public sealed interface Outcome {
    /** The delivery row's id. */
    long deliveryId();

    /** The inbox answered 2xx: the row is finished. */
    record Delivered(long deliveryId, int status, Instant at) implements Outcome {
    }

    /** No point trying again (a final 4xx, or retries exhausted): the row is finished. */
    record GaveUp(long deliveryId, int status, String error, Instant at) implements Outcome {
    }

    /** A failed attempt, counted; the row is due again at {@code retryAt}. {@code status} is -1 without an answer. */
    record Retry(long deliveryId, int status, String error, Instant retryAt) implements Outcome {
    }
}
