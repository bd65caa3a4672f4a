package org.weft.activitypub.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * What an inbox answered to a POST.
 *
 * @param status the HTTP status (of the last request, when the client knocked twice)
 * @param retryAfter the parsed {@code Retry-After} (seconds or HTTP-date, never negative), if sent
 * @param scheme the signature scheme of the request that got this answer
 * @param knocks how many requests it took: 1, or 2 when the first signature was refused (double-knock)
 */
public record PostResult(int status, Optional<Duration> retryAfter, SignatureScheme scheme, int knocks) {

    /** Rejects a null optional or scheme and a count other than 1 or 2. */
    public PostResult {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(scheme, "scheme");
        if (knocks < 1 || knocks > 2) {
            throw new IllegalArgumentException("knocks must be 1 or 2: " + knocks);
        }
    }

    /**
     * One draft-cavage request.
     *
     * @param status the HTTP status
     * @param retryAfter the parsed {@code Retry-After}, if sent
     */
    public PostResult(int status, Optional<Duration> retryAfter) {
        this(status, retryAfter, SignatureScheme.DRAFT_CAVAGE, 1);
    }
}
