package org.weft.activitypub.signature;

import java.time.Instant;
import java.util.Optional;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * The time window a signature must fall in, Mastodon's rule ({@code signed_request.rb}
 * {@code matches_time_window?}) with the constants {@link SignatureVerifier} publishes, so that RFC 9421
 * signatures get exactly the window draft-cavage ones get: not created more than
 * {@link SignatureVerifier#CLOCK_SKEW_MARGIN} in the future, and not used more than that margin after
 * their expiry, which is {@code expires} when given, else {@code created} +
 * {@link SignatureVerifier#DEFAULT_VALIDITY}, and never later than {@code created} +
 * {@link SignatureVerifier#EXPIRATION_WINDOW_LIMIT}.
 */
final class SignatureWindow {

    private SignatureWindow() {
    }

    /**
     * @param created when the signature says it was made
     * @param expires when it says it expires, if it says
     * @param now the verifier's clock
     * @throws SignatureException {@link Reason#DATE_OUT_OF_WINDOW} outside the window
     */
    static void check(Instant created, Optional<Instant> expires, Instant now) throws SignatureException {
        Instant latestExpiry = created.plus(SignatureVerifier.EXPIRATION_WINDOW_LIMIT);
        Instant expiry = expires.orElse(created.plus(SignatureVerifier.DEFAULT_VALIDITY));
        if (expiry.isAfter(latestExpiry)) {
            expiry = latestExpiry;
        }
        if (created.isAfter(now.plus(SignatureVerifier.CLOCK_SKEW_MARGIN))) {
            throw new SignatureException(Reason.DATE_OUT_OF_WINDOW, "signed in the future: " + created);
        }
        if (now.isAfter(expiry.plus(SignatureVerifier.CLOCK_SKEW_MARGIN))) {
            throw new SignatureException(Reason.DATE_OUT_OF_WINDOW, "signature expired: " + expiry);
        }
    }
}
