package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureException.Reason;

class AcceptSignatureTest {

    @Test
    void whatWeftAsksFor() {
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created", AcceptSignature.forRequest("POST"));
        assertEquals("sig1=(\"@method\" \"@target-uri\");created", AcceptSignature.forRequest("GET"));
    }

    @Test
    void whatWeftAsksForReadsBackAsWeftsOwnShapes() throws Exception {
        assertEquals(List.of(SignatureRequest.POST), AcceptSignature.parse(List.of(AcceptSignature.forRequest("POST"))));
        assertEquals(List.of(SignatureRequest.GET), AcceptSignature.parse(List.of(AcceptSignature.forRequest("GET"))));
    }

    @Test
    void readsTheRfcExample() throws Exception {
        // RFC 9421 §5.1.
        List<SignatureRequest> shapes = AcceptSignature.parse(List.of("sig1=(\"@method\" \"@target-uri\" \"@authority\" "
                + "\"content-digest\" \"cache-control\");keyid=\"test-key-rsa-pss\";created;tag=\"app-123\""));

        assertEquals(1, shapes.size());
        SignatureRequest shape = shapes.get(0);
        assertEquals("sig1", shape.label());
        assertEquals(List.of("@method", "@target-uri", "@authority", "content-digest", "cache-control"), shape.components());
        assertEquals(Optional.of("test-key-rsa-pss"), shape.keyId());
        assertEquals(Optional.of("app-123"), shape.tag());
        assertFalse(shape.expires());
        assertTrue(shape.nonce().isEmpty());
    }

    @Test
    void readsEveryMemberAndTheRequestedParameters() throws Exception {
        List<SignatureRequest> shapes = AcceptSignature.parse(List.of("a=(\"@method\");expires;nonce=\"n-1\";alg=\"ed25519\"",
                "b=()"));

        assertEquals(2, shapes.size());
        assertTrue(shapes.get(0).expires());
        assertEquals(Optional.of("n-1"), shapes.get(0).nonce());
        assertEquals(Optional.of("ed25519"), shapes.get(0).alg());
        assertEquals(List.of(), shapes.get(1).components());
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String field : List.of("sig1=\"@method\"", "sig1=(\"@query-param\";name=\"x\")", "sig1=(@method)",
                "sig1=(\"@method\";nonce=1", "sig1=(\"@method\");nonce=1")) {
            assertEquals(Reason.MALFORMED, assertThrows(SignatureException.class,
                    () -> AcceptSignature.parse(List.of(field)), field).reason());
        }
    }
}
