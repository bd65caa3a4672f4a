package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {

    private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void emptyBodyHasTheKnownSha256() {
        assertEquals("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", Digests.sha256Header(new byte[0]));
    }

    @Test
    void matchesItsOwnHeaderAndLowerCaseLabels() {
        String header = Digests.sha256Header(BODY);
        assertTrue(header.startsWith("SHA-256="));
        assertTrue(Digests.matches(header, BODY));
        assertTrue(Digests.matches("sha-256=" + header.substring(8), BODY));
    }

    @Test
    void findsSha256AmongSeveralDigests() {
        String value = Digests.sha256Header(BODY).substring(8);
        assertTrue(Digests.matches("SHA=2jmj7l5rSw0yVb/vlWAYkK/YBwk=, SHA-256=" + value, BODY));
    }

    @Test
    void refusesOtherBodiesOtherAlgorithmsAndGarbage() {
        assertFalse(Digests.matches(Digests.sha256Header(BODY), "{}".getBytes(StandardCharsets.UTF_8)));
        String sha256Value = Digests.sha256Header(BODY).substring("SHA-256=".length());
        assertFalse(Digests.matches("SHA-512=" + sha256Value, BODY), "only the SHA-256 label counts");
        assertFalse(Digests.matches("SHA-256=!!!not base64", BODY));
        assertFalse(Digests.matches("nonsense", BODY));
        assertFalse(Digests.matches(null, BODY));
    }
}
