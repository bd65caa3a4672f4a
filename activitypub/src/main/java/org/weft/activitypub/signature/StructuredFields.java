package org.weft.activitypub.signature;

import java.util.List;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.Parser;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Strict parsing of the structured fields RFC 9421 and RFC 9530 use ({@code Signature-Input},
 * {@code Signature}, {@code Content-Digest}, {@code Accept-Signature}: all Dictionaries), through Julian
 * Reschke's parser, which passes the HTTP working group's test cases ({@code StructuredFieldConformanceTest}).
 */
final class StructuredFields {

    private StructuredFields() {
    }

    /**
     * @param fieldName the field's name, for the error message
     * @param fieldLines every line of the field as received, in order (combined as RFC 9110 §5.3 says)
     * @return the Dictionary
     * @throws SignatureException {@link Reason#MALFORMED} if the lines are not one valid Dictionary
     */
    static Dictionary dictionary(String fieldName, List<String> fieldLines) throws SignatureException {
        try {
            return new Parser(fieldLines).parseDictionary();
        } catch (IllegalArgumentException e) {
            throw new SignatureException(Reason.MALFORMED, fieldName + " is not a structured-field Dictionary: "
                    + e.getMessage(), e);
        }
    }
}
