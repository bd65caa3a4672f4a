package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What Weft's RFC 9421 signer puts on the wire, checked by {@link Rfc9421TestSigner#verify} (written from
 * the RFC, with regular expressions instead of the structured-field library) over component values this
 * test works out itself from the URL, and by Weft's own verifier as the receiving server would run it.
 */
class Rfc9421SignerTest {

    private static final KeyPair KEYS = RsaKeys.generate();
    private static final String AMINA = "https://camp.weft.test/users/amina";
    private static final String KEY_ID = AMINA + "#main-key";
    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final URI INBOX = URI.create("https://mastodon.example/inbox");
    private static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://camp.weft.test/users/amina\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final Rfc9421Signer signer = new Rfc9421Signer(KEY_ID, KEYS.getPrivate());

    @Test
    void postIsSignedTheWayMastodonSigns() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);

        assertEquals(List.of("Date", "Content-Type", "Content-Digest", "Host", "Signature-Input", "Signature"),
                List.copyOf(headers.keySet()));
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=" + NOW.getEpochSecond()
                + ";keyid=\"" + KEY_ID + "\";alg=\"rsa-v1_5-sha256\"", headers.get("Signature-Input"));
        assertEquals(Rfc9421TestSigner.contentDigest("sha-256", BODY), headers.get("Content-Digest"));
        assertEquals("Sat, 07 Nov 2026 09:05:03 GMT", headers.get("Date"));
        assertEquals("mastodon.example", headers.get("Host"));

        List<String> covered = Rfc9421TestSigner.verify(KEYS.getPublic(), "SHA256withRSA",
                Map.of("@method", "POST", "@target-uri", "https://mastodon.example/inbox",
                        "content-digest", Rfc9421TestSigner.contentDigest("sha-256", BODY)),
                headers.get("Signature-Input"), headers.get("Signature"));
        assertEquals(List.of("@method", "@target-uri", "content-digest"), covered);
    }

    @Test
    void theReceivingServerVerifiesIt() throws Exception {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        Rfc9421Verifier remote = new Rfc9421Verifier(CountingKeyResolver.of(new ActorKey(KEY_ID, AMINA, KEYS.getPublic())),
                Clock.fixed(NOW, ZoneOffset.UTC), ExpectedHost.of(URI.create("https://mastodon.example")),
                new SeenSignatures());

        VerifiedSignature verified = remote.verify(received("POST", "/inbox", null, headers, BODY));

        assertTrue(verified.isSignedBy(AMINA));
    }

    @Test
    void targetUriIsNormalisedAsTheReceiverRebuildsIt() {
        URI withPort = URI.create("http://127.0.0.1:8080/users/x/inbox?a=1&b=%2F");
        Map<String, String> headers = signer.signPost(withPort, BODY, "application/activity+json", NOW);
        Rfc9421TestSigner.verify(KEYS.getPublic(), "SHA256withRSA", Map.of("@method", "POST",
                "@target-uri", "http://127.0.0.1:8080/users/x/inbox?a=1&b=%2F",
                "content-digest", Rfc9421TestSigner.contentDigest("sha-256", BODY)),
                headers.get("Signature-Input"), headers.get("Signature"));

        URI defaultPort = URI.create("https://Mastodon.Example:443/inbox");
        Map<String, String> normalised = signer.signPost(defaultPort, BODY, "application/activity+json", NOW);
        Rfc9421TestSigner.verify(KEYS.getPublic(), "SHA256withRSA", Map.of("@method", "POST",
                "@target-uri", "https://mastodon.example/inbox",
                "content-digest", Rfc9421TestSigner.contentDigest("sha-256", BODY)),
                normalised.get("Signature-Input"), normalised.get("Signature"));
    }

    @Test
    void getCoversMethodAndTargetWithItsQuery() throws Exception {
        URI outbox = URI.create("https://mastodon.example/users/rosa/outbox?page=true&min_id=0");
        Map<String, String> headers = signer.signGet(outbox, "application/activity+json", NOW);

        assertEquals(List.of("Date", "Accept", "Host", "Signature-Input", "Signature"), List.copyOf(headers.keySet()));
        Rfc9421TestSigner.verify(KEYS.getPublic(), "SHA256withRSA", Map.of("@method", "GET",
                "@target-uri", "https://mastodon.example/users/rosa/outbox?page=true&min_id=0"),
                headers.get("Signature-Input"), headers.get("Signature"));
        Rfc9421Verifier remote = new Rfc9421Verifier(CountingKeyResolver.of(new ActorKey(KEY_ID, AMINA, KEYS.getPublic())),
                Clock.fixed(NOW, ZoneOffset.UTC), ExpectedHost.of(URI.create("https://mastodon.example")),
                new SeenSignatures());
        remote.verify(received("GET", "/users/rosa/outbox", "page=true&min_id=0", headers, new byte[0]));
    }

    @Test
    void ed25519KeysSignWithEd25519() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Rfc9421Signer edSigner = new Rfc9421Signer(AMINA + "#ed25519-key", ed.getPrivate());

        Map<String, String> headers = edSigner.signPost(INBOX, BODY, "application/activity+json", NOW);

        assertTrue(headers.get("Signature-Input").endsWith(";alg=\"ed25519\""));
        Rfc9421TestSigner.verify(ed.getPublic(), "Ed25519", Map.of("@method", "POST",
                "@target-uri", "https://mastodon.example/inbox",
                "content-digest", Rfc9421TestSigner.contentDigest("sha-256", BODY)),
                headers.get("Signature-Input"), headers.get("Signature"));
    }

    @Test
    void otherKeyTypesAndUnwritableKeyIdsAreRefused() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThrows(IllegalArgumentException.class, () -> new Rfc9421Signer(KEY_ID, ec.getPrivate()));
        assertThrows(IllegalArgumentException.class, () -> new Rfc9421Signer("https://camp.weft.test/é", KEYS.getPrivate()));
    }

    @Test
    void signsTheShapeAServerAskedFor() {
        SignatureRequest asked = new SignatureRequest("reply", List.of("@method", "@authority", "@path", "content-digest",
                "content-length", "content-type"), true, Optional.of("n-42"), Optional.of("fedi"),
                Optional.of("rsa-v1_5-sha256"), Optional.of(KEY_ID));
        assertTrue(signer.canSign(asked, true));

        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW, asked);

        assertEquals(Integer.toString(BODY.length), headers.get("Content-Length"));
        assertEquals("reply=(\"@method\" \"@authority\" \"@path\" \"content-digest\" \"content-length\" \"content-type\")"
                + ";created=" + NOW.getEpochSecond() + ";expires=" + (NOW.getEpochSecond() + 300) + ";keyid=\"" + KEY_ID
                + "\";alg=\"rsa-v1_5-sha256\";nonce=\"n-42\";tag=\"fedi\"", headers.get("Signature-Input"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("@method", "POST");
        values.put("@authority", "mastodon.example");
        values.put("@path", "/inbox");
        values.put("content-digest", Rfc9421TestSigner.contentDigest("sha-256", BODY));
        values.put("content-length", Integer.toString(BODY.length));
        values.put("content-type", "application/activity+json");
        Rfc9421TestSigner.verify(KEYS.getPublic(), "SHA256withRSA", values, headers.get("Signature-Input"),
                headers.get("Signature"));
    }

    @Test
    void knowsWhichShapesItCannotMake() {
        assertFalse(signer.canSign(shape(List.of("@method"), Optional.of("ed25519"), Optional.empty()), true));
        assertFalse(signer.canSign(shape(List.of("@method"), Optional.empty(), Optional.of("https://x/other-key")), true));
        assertFalse(signer.canSign(shape(List.of("@method", "@query-param"), Optional.empty(), Optional.empty()), true));
        assertFalse(signer.canSign(shape(List.of("@status"), Optional.empty(), Optional.empty()), true));
        assertFalse(signer.canSign(shape(List.of("authorization"), Optional.empty(), Optional.empty()), true));
        assertFalse(signer.canSign(shape(List.of("accept"), Optional.empty(), Optional.empty()), true));
        assertFalse(signer.canSign(shape(List.of("content-digest"), Optional.empty(), Optional.empty()), false));
        assertFalse(signer.canSign(shape(List.of("@method", "@method"), Optional.empty(), Optional.empty()), true));
        assertTrue(signer.canSign(shape(List.of("accept", "date", "host", "@scheme", "@request-target", "@query"),
                Optional.empty(), Optional.empty()), false));
        assertThrows(IllegalArgumentException.class, () -> signer.signGet(INBOX, "application/activity+json", NOW,
                shape(List.of("content-digest"), Optional.empty(), Optional.empty())));
    }

    @Test
    void aFanOutDigestsItsBodyOnce() {
        String first = signer.signPost(INBOX, BODY, "application/activity+json", NOW).get("Content-Digest");
        String second = signer.signPost(URI.create("https://other.example/inbox"), BODY, "application/activity+json", NOW)
                .get("Content-Digest");
        assertSame(first, second);
    }

    private static SignatureRequest shape(List<String> components, Optional<String> alg, Optional<String> keyId) {
        return new SignatureRequest("sig1", components, false, Optional.empty(), Optional.empty(), alg, keyId);
    }

    private static IncomingRequest received(String method, String path, String query, Map<String, String> headers,
                                            byte[] body) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        headers.forEach((name, value) -> lines.put(name, List.of(value)));
        return new IncomingRequest(method, path, query, lines, body);
    }
}
