package org.weft.activitypub.signature;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * When a request was signed and until when its signature counts, from signed values only; one rule for both
 * schemes, so that an RFC 9421 signature gets exactly the window a draft-cavage one gets.
 *
 * <p>The end is the signed expiry if there is one, otherwise five minutes ({@link SignatureVerifier#DEFAULT_VALIDITY})
 * after the signing time, and never more than twelve hours ({@link SignatureVerifier#EXPIRATION_WINDOW_LIMIT})
 * after it. A signature is accepted from {@link SignatureVerifier#CLOCK_SKEW_MARGIN} before its signing time
 * to that margin after its end (Mastodon's {@code matches_time_window?}).
 *
 * <p>draft-cavage ({@link #of(SignatureParameters, List, boolean, IncomingRequest)}): the signing time is the
 * {@code created} parameter if {@code (created)} is signed, otherwise the signed {@code Date} header; the
 * expiry is {@code expires} only if {@code (expires)} is signed. {@code (created)} and {@code (expires)} exist
 * only with {@code hs2019} (draft-cavage-12 §2.3: an error with {@code rsa-sha256}). A {@code created=} or
 * {@code expires=} parameter outside the signed headers is ignored: anyone can append one to a captured
 * request (that is how a thirteen-hour-old request was once made to look fresh).
 *
 * <p>RFC 9421 ({@link #of(Instant, Optional)}): {@code created} and {@code expires} are parameters of the
 * signature, which always covers them ({@code @signature-params}), so they are signed values by construction.
 *
 * @param signedAt when the request was signed
 * @param expires when the signature stops counting, before the clock-skew margin
 */
record SigningWindow(Instant signedAt, Instant expires) {

    /**
     * The window of a draft-cavage signature.
     *
     * @param parameters the {@code Signature} header's parameters
     * @param signed the covered header names, lower case
     * @param hs2019 true if the algorithm is {@code hs2019}
     * @param request the request, for its {@code Date}
     * @return the window
     * @throws SignatureException {@link Reason#MALFORMED} or {@link Reason#DATE_NOT_SIGNED}
     */
    static SigningWindow of(SignatureParameters parameters, List<String> signed, boolean hs2019, IncomingRequest request)
            throws SignatureException {
        boolean createdSigned = signed.contains("(created)");
        boolean expiresSigned = signed.contains("(expires)");
        if ((createdSigned || expiresSigned) && !hs2019) {
            throw new SignatureException(Reason.MALFORMED, "(created) and (expires) may only be signed with hs2019");
        }
        Instant signedAt = createdSigned ? required(parameters, "created") : signedDate(signed, request);
        Optional<Instant> expires = expiresSigned ? Optional.of(required(parameters, "expires")) : Optional.empty();
        return of(signedAt, expires);
    }

    /**
     * The window of a signature whose signing time and expiry are signed values (RFC 9421's {@code created}
     * and {@code expires}).
     *
     * @param signedAt the signed signing time
     * @param expires the signed expiry, if any
     * @return the window
     * @throws SignatureException {@link Reason#MALFORMED} for times out of any calendar
     */
    static SigningWindow of(Instant signedAt, Optional<Instant> expires) throws SignatureException {
        try {
            Instant latest = signedAt.plus(SignatureVerifier.EXPIRATION_WINDOW_LIMIT);
            Instant end = expires.orElse(signedAt.plus(SignatureVerifier.DEFAULT_VALIDITY));
            SigningWindow window = new SigningWindow(signedAt, end.isAfter(latest) ? latest : end);
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
