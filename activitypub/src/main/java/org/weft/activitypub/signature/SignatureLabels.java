package org.weft.activitypub.signature;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Picks the one RFC 9421 signature of a request that Weft checks. A request may carry several labelled
 * signatures (RFC 9421 §4.3), e.g. one from a proxy; the rule is: <b>the first label in
 * {@code Signature-Input} order that has a value in {@code Signature} and covers everything Weft requires
 * is the one verified, and only that one</b>. Labels that fall short are passed over; if none qualifies,
 * the request is refused with the first label's shortcoming. Verifying only one signature means a request
 * with many labels costs no more key lookups or signature checks than one with a single label.
 *
 * <p>Required of the chosen signature: a {@code created} and a {@code keyid} parameter; {@code @method}
 * covered; the target covered, by {@code @target-uri} or by {@code @authority} with {@code @request-target},
 * or with {@code @path} and, when the request has a query, {@code @query}; and {@code content-digest}
 * covered on a POST or any request with a body.
 */
final class SignatureLabels {

    /**
     * @param input the chosen label's parameters
     * @param signature the chosen label's signature bytes
     */
    record Chosen(SignatureInput input, byte[] signature) {
    }

    private SignatureLabels() {
    }

    /**
     * @param request the request as received
     * @param needsDigest true for a POST or a request with a body
     * @return the signature to verify
     * @throws SignatureException {@link Reason#MISSING} without the two fields, else the first label's
     *         shortcoming: {@link Reason#MALFORMED}, {@link Reason#DATE_NOT_SIGNED} (no {@code created}),
     *         {@link Reason#REQUEST_TARGET_NOT_SIGNED} (method or target not covered) or
     *         {@link Reason#DIGEST_NOT_SIGNED}
     */
    static Chosen choose(IncomingRequest request, boolean needsDigest) throws SignatureException {
        List<String> inputLines = request.headers().get("Signature-Input");
        List<String> signatureLines = request.headers().get("Signature");
        if (inputLines == null || inputLines.isEmpty() || signatureLines == null || signatureLines.isEmpty()) {
            throw new SignatureException(Reason.MISSING, "RFC 9421 needs both Signature-Input and Signature");
        }
        Dictionary inputs = StructuredFields.dictionary("Signature-Input", inputLines);
        Dictionary signatures = StructuredFields.dictionary("Signature", signatureLines);
        SignatureException firstShortcoming = null;
        for (Map.Entry<String, ListElement<?>> member : inputs.get().entrySet()) {
            try {
                SignatureInput input = SignatureInput.parse(member.getKey(), member.getValue());
                byte[] signature = signatureOf(signatures, input.label());
                requireCoverage(input, needsDigest, request.rawQuery() != null);
                return new Chosen(input, signature);
            } catch (SignatureException e) {
                if (firstShortcoming == null) {
                    firstShortcoming = e;
                }
            }
        }
        throw firstShortcoming != null ? firstShortcoming
                : new SignatureException(Reason.MISSING, "Signature-Input names no signature");
    }

    private static byte[] signatureOf(Dictionary signatures, String label) throws SignatureException {
        ListElement<?> value = signatures.get().get(label);
        if (value == null) {
            throw new SignatureException(Reason.MALFORMED, "Signature has no value for label " + label);
        }
        if (!(value instanceof ByteSequenceItem bytes)) {
            throw new SignatureException(Reason.MALFORMED, "Signature " + label + " is not a byte sequence");
        }
        ByteBuffer buffer = bytes.get();
        byte[] signature = new byte[buffer.remaining()];
        buffer.duplicate().get(signature);
        return signature;
    }

    private static void requireCoverage(SignatureInput input, boolean needsDigest, boolean hasQuery)
            throws SignatureException {
        String label = input.label();
        if (input.created().isEmpty()) {
            throw new SignatureException(Reason.DATE_NOT_SIGNED, "signature " + label + " has no created parameter");
        }
        if (input.keyId().isEmpty()) {
            throw new SignatureException(Reason.MALFORMED, "signature " + label + " has no keyid parameter");
        }
        if (!input.covers("@method") || !coversTarget(input, hasQuery)) {
            throw new SignatureException(Reason.REQUEST_TARGET_NOT_SIGNED, "signature " + label
                    + " must cover @method and @target-uri (or @authority with @path and @query): " + input.components());
        }
        if (needsDigest && !input.covers("content-digest")) {
            throw new SignatureException(Reason.DIGEST_NOT_SIGNED, "signature " + label
                    + " must cover content-digest on a request with a body");
        }
    }

    private static boolean coversTarget(SignatureInput input, boolean hasQuery) {
        if (input.covers("@target-uri")) {
            return true;
        }
        if (!input.covers("@authority")) {
            return false;
        }
        return input.covers("@request-target") || (input.covers("@path") && (!hasQuery || input.covers("@query")));
    }
}
