package org.weft.activitypub.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inbox answered to a POST.
 *
 * @param status the HTTP status
 * @param retryAfter the parsed {@code Retry-After} (seconds or HTTP-date, never negative), if sent
 */
public record PostResult(int status, Optional<Duration> retryAfter) {

    /** Rejects a null optional. */
    public PostResult {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
