package org.weft.activitypub.signature;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * When a request was signed and until when its signature counts, from signed values only.
 *
 * <p>The signing time is the {@code created} parameter if {@code (created)} is signed, otherwise the signed
 * {@code Date} header. The end is the {@code expires} parameter if {@code (expires)} is signed, otherwise
 * five minutes after the signing time, and never more than twelve hours after it. {@code (created)} and
 * {@code (expires)} exist only with {@code hs2019} (draft-cavage-12 §2.3: an error with {@code rsa-sha256}).
 * A {@code created=} or {@code expires=} parameter outside the signed headers is ignored: anyone can append
 * one to a captured request (that is how a thirteen-hour-old request was once made to look fresh).
 *
 * @param signedAt when the request was signed
 * @param expires when the signature stops counting, before the clock-skew margin
 */
record SigningWindow(Instant signedAt, Instant expires) {

    static SigningWindow of(SignatureParameters parameters, List<String> signed, boolean hs2019, IncomingRequest request)
            throws SignatureException {
        boolean createdSigned = signed.contains("(created)");
        boolean expiresSigned = signed.contains("(expires)");
        if ((createdSigned || expiresSigned) && !hs2019) {
            throw new SignatureException(Reason.MALFORMED, "(created) and (expires) may only be signed with hs2019");
        }
        Instant signedAt = createdSigned ? required(parameters, "created") : signedDate(signed, request);
        Instant expires = expiresSigned ? required(parameters, "expires") : null;
        try {
            Instant latest = signedAt.plus(SignatureVerifier.EXPIRATION_WINDOW_LIMIT);
            if (expires == null) {
                expires = signedAt.plus(SignatureVerifier.DEFAULT_VALIDITY);
            }
            SigningWindow window = new SigningWindow(signedAt, expires.isAfter(latest) ? latest : expires);
            window.acceptedUntil();
            return window;
        } catch (DateTimeException | ArithmeticException e) {
            throw new SignatureException(Reason.MALFORMED, "a signing time out of any calendar: " + signedAt, e);
        }
    }

    /**
     * @param now the current time
     * @throws SignatureException if the request was signed more than the margin in the future, or its
     *         signature expired more than the margin ago
     */
    void check(Instant now) throws SignatureException {
        if (signedAt.isAfter(now.plus(SignatureVerifier.CLOCK_SKEW_MARGIN))) {
            throw new SignatureException(Reason.DATE_OUT_OF_WINDOW, "signed in the future: " + signedAt);
        }
        if (now.isAfter(acceptedUntil())) {
            throw new SignatureException(Reason.DATE_OUT_OF_WINDOW, "signature expired: " + expires);
        }
    }

    /** @return the last moment at which the signature is accepted: its end plus the clock-skew margin */
    Instant acceptedUntil() {
        return expires.plus(SignatureVerifier.CLOCK_SKEW_MARGIN);
    }

    private static Instant signedDate(List<String> signed, IncomingRequest request) throws SignatureException {
        if (!signed.contains("date")) {
            throw new SignatureException(Reason.DATE_NOT_SIGNED, "neither date nor (created) is signed");
        }
        String date = request.header("Date")
                .orElseThrow(() -> new SignatureException(Reason.MALFORMED, "date is signed but there is no Date header"));
        return HttpDates.parse(date)
                .orElseThrow(() -> new SignatureException(Reason.MALFORMED, "unparsable Date header: " + date));
    }

    private static Instant required(SignatureParameters parameters, String name) throws SignatureException {
        Optional<Instant> time;
        try {
            time = parameters.time(name);
        } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
            throw new SignatureException(Reason.MALFORMED, name + " is not a number of seconds", e);
        }
        return time.orElseThrow(() -> new SignatureException(Reason.MALFORMED, "(" + name + ") signed but no " + name + "="));
    }
}
