package org.weft.activitypub.signature;

import java.util.List;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * The RFC 9421 signature base (§2.5): one {@code "name": value} line per covered component, in order,
 * then the {@code "@signature-params"} line, joined by single newlines with none at the end. Used the same
 * way to sign and to verify, so the two cannot drift apart.
 */
final class SignatureBase {

    /** Where component values come from: a received request or one about to be sent. */
    @FunctionalInterface
    interface ComponentValues {
        /**
         * @param component a covered component name, lower case
         * @return its canonical value
         * @throws SignatureException {@link Reason#MALFORMED} if the message has no such component
         */
        String valueOf(String component) throws SignatureException;
    }

    private SignatureBase() {
    }

    /**
     * @param components the covered component names, in order
     * @param signatureParams the serialised {@code @signature-params} value
     * @param values the message's component values
     * @return the signature base
     * @throws SignatureException {@link Reason#MALFORMED} if a component is missing or a value holds a
     *         newline, another control character than a tab, or a character outside ASCII (§2.1, §2.5)
     */
    static String of(List<String> components, String signatureParams, ComponentValues values) throws SignatureException {
        StringBuilder base = new StringBuilder(256);
        for (String component : components) {
            String value = values.valueOf(component);
            base.append('"').append(component).append("\": ").append(checked(component, value)).append('\n');
        }
        base.append("\"@signature-params\": ").append(signatureParams);
        return base.toString();
    }

    private static String checked(String component, String value) throws SignatureException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new SignatureException(Reason.MALFORMED,
                        "the value of " + component + " holds a line break, a control character or a character outside ASCII");
            }
        }
        return value;
    }
}
