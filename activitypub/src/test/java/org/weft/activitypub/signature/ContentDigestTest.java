package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureException.Reason;

class ContentDigestTest {

    private static final byte[] HELLO = "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII);
    private static final String HELLO_SHA_512 =
            "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

    @Test
    void sha256FieldIsRfc9530s() {
        // RFC 9530 Appendix B.1: {"hello": "world"} followed by a line feed.
        assertEquals("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:",
                ContentDigest.sha256Field("{\"hello\": \"world\"}\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void acceptsSha512AloneAndBothTogether() throws Exception {
        // RFC 9421's test-request carries this sha-512 digest.
        ContentDigest.check(List.of(HELLO_SHA_512), HELLO);
        ContentDigest.check(List.of(ContentDigest.sha256Field(HELLO) + ", " + HELLO_SHA_512), HELLO);
        ContentDigest.check(List.of(ContentDigest.sha256Field(HELLO), HELLO_SHA_512), HELLO);
    }

    @Test
    void ignoresOtherAlgorithmsButNeedsOneItChecks() throws Exception {
        ContentDigest.check(List.of("unixsum=:AAAA:, " + ContentDigest.sha256Field(HELLO)), HELLO);
        assertReason(Reason.DIGEST_MISSING, List.of("md5=:AAAA:"));
        assertReason(Reason.DIGEST_MISSING, List.of());
    }

    @Test
    void everyCheckedEntryMustMatch() {
        assertReason(Reason.DIGEST_MISMATCH, List.of(ContentDigest.sha256Field("{}".getBytes(StandardCharsets.US_ASCII))));
        assertReason(Reason.DIGEST_MISMATCH, List.of(ContentDigest.sha256Field(HELLO) + ", sha-512=:AAAA:"));
    }

    @Test
    void malformedFields() {
        assertReason(Reason.MALFORMED, List.of("sha-256=" + ContentDigest.sha256Field(HELLO).substring(9)));
        assertReason(Reason.MALFORMED, List.of("SHA-256=:AAAA:"));
        assertReason(Reason.MALFORMED, List.of("sha-256=abc"));
    }

    private static void assertReason(Reason expected, List<String> lines) {
        assertEquals(expected, assertThrows(SignatureException.class, () -> ContentDigest.check(lines, HELLO)).reason());
    }
}
