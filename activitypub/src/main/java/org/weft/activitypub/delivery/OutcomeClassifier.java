package org.weft.activitypub.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.weft.activitypub.client.ForbiddenAddressException;
import org.weft.activitypub.client.PostResult;

/**
 * Mastodon's delivery rules ({@code response_error_unsalvageable?}): 2xx is delivered; 4xx is final
 * except 401, 408 and 429; everything else (3xx, 5xx, network errors, timeouts) is retried.
 * {@code Retry-After} is passed on, capped so one remote cannot park a delivery for days.
 */
public final class OutcomeClassifier {

    /** Default cap on a remote's {@code Retry-After}. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(6);

    private final Duration maxRetryAfter;

    /** Uses {@link #DEFAULT_MAX_RETRY_AFTER}. */
    public OutcomeClassifier() {
        this(DEFAULT_MAX_RETRY_AFTER);
    }

    /** @param maxRetryAfter the longest {@code Retry-After} honoured; longer values are cut to it */
    public OutcomeClassifier(Duration maxRetryAfter) {
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /**
     * @param result the inbox's answer
     * @return the outcome for that status
     */
    public DeliveryOutcome classify(PostResult result) {
        int status = result.status();
        if (status >= 200 && status <= 299) {
            return new DeliveryOutcome.Delivered(status);
        }
        boolean retryable4xx = status == 401 || status == 408 || status == 429;
        if (status >= 400 && status <= 499 && !retryable4xx) {
            return new DeliveryOutcome.GiveUp(status, "HTTP " + status);
        }
        return new DeliveryOutcome.Retry(status, "HTTP " + status, result.retryAfter().map(this::capped));
    }

    /**
     * @param failure why no answer arrived
     * @return give up for a refused address (it will not become public by waiting), retry otherwise
     */
    public DeliveryOutcome classify(IOException failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure instanceof ForbiddenAddressException) {
            return new DeliveryOutcome.GiveUp(-1, reason);
        }
        return new DeliveryOutcome.Retry(-1, reason, Optional.empty());
    }

    private Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
}
