package org.weft.activitypub.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one POST to an inbox. */
public sealed interface DeliveryOutcome {

    /** @return the HTTP status, or -1 when no response arrived */
    int status();

    /**
     * The inbox accepted the activity (2xx).
     *
     * @param status the HTTP status
     */
    record Delivered(int status) implements DeliveryOutcome {
    }

    /**
     * A temporary failure: try again later.
     *
     * @param status the HTTP status, or -1 for a network failure or timeout
     * @param reason detail for logs
     * @param retryAfter the remote's {@code Retry-After}, already capped; wait at least this long
     */
    record Retry(int status, String reason, Optional<Duration> retryAfter) implements DeliveryOutcome {
        /** Rejects nulls. */
        public Retry {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * A permanent failure: do not try this activity at this inbox again.
     *
     * @param status the HTTP status, or -1 when the inbox address was refused
     * @param reason detail for logs
     */
    record GiveUp(int status, String reason) implements DeliveryOutcome {
        /** Rejects a null reason. */
        public GiveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
