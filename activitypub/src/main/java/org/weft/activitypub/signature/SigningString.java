package org.weft.activitypub.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The draft-cavage signing string of a received request: one {@code name: value} line per signed
 * header, values exactly as received (several values joined with {@code ", "}), and
 * {@code (created)}/{@code (expires)} exactly as written in the Signature header.
 */
final class SigningString {

    private SigningString() {
    }

    static String of(List<String> signedHeaders, String requestTarget, IncomingRequest request,
                     SignatureParameters parameters) throws SignatureException {
        List<String> lines = new ArrayList<>(signedHeaders.size());
        for (String name : signedHeaders) {
            String value = switch (name) {
                case "(request-target)" -> request.method().toLowerCase(Locale.ROOT) + " " + requestTarget;
                case "(created)" -> required(parameters, "created");
                case "(expires)" -> required(parameters, "expires");
                default -> request.header(name).orElseThrow(() -> new SignatureException(
                        SignatureException.Reason.MALFORMED, "signed header " + name + " is absent"));
            };
            lines.add(name + ": " + value);
        }
        return String.join("\n", lines);
    }

    private static String required(SignatureParameters parameters, String name) throws SignatureException {
        return parameters.value(name).orElseThrow(
                () -> new SignatureException(SignatureException.Reason.MALFORMED, "(" + name + ") signed but no " + name + "="));
    }
}
