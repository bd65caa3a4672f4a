package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weft.activitypub.signature.SignatureException.Reason;

class SignatureVerifierTest {

    private static final KeyPair KEYS = RsaKeys.generate();
    private static final KeyPair OTHER_KEYS = RsaKeys.generate();
    private static final String ACTOR = "https://remote.example/users/kim";
    private static final String KEY_ID = ACTOR + "#main-key";
    private static final ActorKey KEY = new ActorKey(KEY_ID, ACTOR, KEYS.getPublic());
    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final URI INBOX = URI.create("https://camp.weft.test/users/amina/inbox");
    private static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://remote.example/users/kim\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpSigner signer = new HttpSigner(KEY_ID, KEYS.getPrivate());
    private final CountingKeyResolver resolver = CountingKeyResolver.of(KEY);
    private static final ExpectedHost CAMP = ExpectedHost.of(URI.create("https://camp.weft.test"));
    private final SeenSignatures seen = new SeenSignatures();
    private final SignatureVerifier verifier = verifierAt(NOW, resolver);

    private SignatureVerifier verifierAt(Instant now, KeyResolver keys) {
        return new SignatureVerifier(keys, Clock.fixed(now, ZoneOffset.UTC), CAMP, seen);
    }

    @Test
    void signedPostRoundTrips() throws Exception {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        VerifiedSignature verified = verifier.verify(post(headers, BODY));

        assertEquals(KEY, verified.key());
        assertEquals(List.of("(request-target)", "host", "date", "digest", "content-type"), verified.signedHeaders());
        assertTrue(verified.isSignedBy(ACTOR));
        assertFalse(verified.isSignedBy("https://remote.example/users/someone-else"));
        assertEquals(List.of(false), resolver.calls, "a good signature needs one lookup and no refresh");
    }

    @Test
    void signedGetWithQueryRoundTrips() throws Exception {
        URI outbox = URI.create("https://camp.weft.test/users/amina/outbox?page=2");
        Map<String, String> headers = signer.signGet(outbox, "application/activity+json", NOW);
        assertTrue(verifier.verify(request("GET", "/users/amina/outbox", "page=2", headers, new byte[0])).isSignedBy(ACTOR));
    }

    @Test
    void headerNamesAreMatchedCaseInsensitively() throws Exception {
        Map<String, String> lowerCase = new HashMap<>();
        signer.signPost(INBOX, BODY, "application/activity+json", NOW).forEach((k, v) -> lowerCase.put(k.toLowerCase(), v));
        verifier.verify(post(lowerCase, BODY));
    }

    @Test
    void missingSignature() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        headers.remove("Signature");
        assertReason(Reason.MISSING, post(headers, BODY));
    }

    @Test
    void garbageSignatureHeaderIsMalformed() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        headers.put("Signature", "this is not a signature");
        assertReason(Reason.MALFORMED, post(headers, BODY));
    }

    @Test
    void wrongDigest() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        headers.put("Digest", Digests.sha256Header("{}".getBytes(StandardCharsets.UTF_8)));
        assertReason(Reason.DIGEST_MISMATCH, post(headers, BODY));
        assertTrue(resolver.calls.isEmpty(), "a bad digest is refused before any key lookup");
    }

    @Test
    void missingDigestOnPost() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        headers.remove("Digest");
        assertReason(Reason.DIGEST_MISSING, post(headers, BODY));
    }

    @Test
    void tamperedBodyFailsTheDigest() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Follow", "Block").getBytes(StandardCharsets.UTF_8);
        assertReason(Reason.DIGEST_MISMATCH, post(headers, tampered));
    }

    @Test
    void tamperedBodyWithRecomputedDigestFailsTheSignature() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Follow", "Block").getBytes(StandardCharsets.UTF_8);
        headers.put("Digest", Digests.sha256Header(tampered));
        assertReason(Reason.BAD_SIGNATURE, post(headers, tampered));
    }

    @Test
    void tamperedSignedHeader() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        headers.put("Content-Type", "application/ld+json");
        assertReason(Reason.BAD_SIGNATURE, post(headers, BODY));
    }

    @Test
    void tamperedPath() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        assertReason(Reason.BAD_SIGNATURE, request("POST", "/users/someone/inbox", null, headers, BODY));
    }

    @Test
    void digestNotSignedOnPost() {
        Map<String, String> headers = handSigned("rsa-sha256", "", "POST", "/users/amina/inbox",
                List.of("(request-target)", "host", "date"));
        assertReason(Reason.DIGEST_NOT_SIGNED, post(headers, BODY));
    }

    @Test
    void dateNotSigned() {
        Map<String, String> headers = handSigned("rsa-sha256", "", "POST", "/users/amina/inbox",
                List.of("(request-target)", "host", "digest"));
        assertReason(Reason.DATE_NOT_SIGNED, post(headers, BODY));
    }

    @Test
    void hostNotSignedOnGet() {
        Map<String, String> headers = handSigned("rsa-sha256", "", "GET", "/users/amina", List.of("(request-target)", "date"));
        assertReason(Reason.HOST_NOT_SIGNED, request("GET", "/users/amina", null, headers, new byte[0]));
    }

    /** What each server signs on an inbox POST (interop.md §3); all sign host and Date, so all still get in. */
    @ParameterizedTest
    @CsvSource({
        "mastodon, rsa-sha256, (request-target) host date digest content-type",
        "lemmy, hs2019, (request-target) content-type date digest host",
        "gotosocial, hs2019, (request-target) host date digest",
        "misskey, rsa-sha256, (request-target) date host digest",
        "pleroma, rsa-sha256, (request-target) content-length date digest host",
        "no-algorithm, , (request-target) host date digest"})
    void everyPeerShapeGetsIn(String server, String algorithm, String headerList) throws Exception {
        Map<String, String> headers = handSigned(algorithm, "", "POST", "/users/amina/inbox", List.of(headerList.split(" ")));
        assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ACTOR), server);
    }

    @Test
    void hostNotSignedOnPost() {
        // Mastodon lets this through; such a request could be replayed at any server's inbox.
        Map<String, String> headers = handSigned("rsa-sha256", "", "POST", "/users/amina/inbox",
                List.of("(request-target)", "date", "digest", "content-type"));
        assertReason(Reason.HOST_NOT_SIGNED, post(headers, BODY));
        assertTrue(resolver.calls.isEmpty(), "refused before any key lookup");
    }

    @Test
    void aRequestSignedForAnotherServerIsRefusedBeforeAnyKeyLookup() {
        HttpSigner rosa = new HttpSigner(KEY_ID, KEYS.getPrivate());
        Map<String, String> elsewhere = rosa.signPost(URI.create("https://mastodon.example/inbox"), BODY,
                "application/activity+json", NOW);
        // Captured at mastodon.example's shared inbox, replayed at ours with the same path.
        assertReason(Reason.HOST_MISMATCH, request("POST", "/inbox", null, elsewhere, BODY));
        Map<String, String> otherPort = rosa.signPost(URI.create("https://camp.weft.test:8443/users/amina/inbox"), BODY,
                "application/activity+json", NOW);
        assertReason(Reason.HOST_MISMATCH, post(otherPort, BODY));
        assertTrue(resolver.calls.isEmpty(), "no key was looked up for a request meant for another server");
    }

    @Test
    void theHostMayNameTheDefaultPortAndAnyCase() throws Exception {
        for (String host : List.of("Camp.Weft.Test:443", "CAMP.WEFT.TEST")) {
            Map<String, String> values = new HashMap<>(Map.of("host", host, "date", HttpDates.format(NOW),
                    "digest", Digests.sha256Header(BODY)));
            Map<String, String> headers = new HashMap<>(Map.of("Host", host, "Date", values.get("date"),
                    "Digest", values.get("digest")));
            headers.put("Signature", CavageTestSigner.signature(KEYS.getPrivate(), KEY_ID, "rsa-sha256", "", "POST",
                    INBOX.getRawPath(), List.of("(request-target)", "host", "date", "digest"), values));
            assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ACTOR), host);
        }
    }

    @Test
    void anUnsignedCreatedAppendedToAStaleRequestDoesNotMakeItFresh() {
        // The replay from issue 9: a Date thirteen hours old, and ",created=<now>" appended to the header.
        Map<String, String> stale = signer.signPost(INBOX, BODY, "application/activity+json", NOW.minus(Duration.ofHours(13)));
        stale.put("Signature", stale.get("Signature") + ",created=" + NOW.getEpochSecond());
        assertReason(Reason.DATE_OUT_OF_WINDOW, post(stale, BODY));

        Map<String, String> staleHs2019 = handSignedAt(NOW.minus(Duration.ofHours(13)), "hs2019",
                "created=" + NOW.getEpochSecond() + ",expires=" + NOW.plusSeconds(300).getEpochSecond() + ",",
                List.of("(request-target)", "host", "date", "digest"));
        assertReason(Reason.DATE_OUT_OF_WINDOW, post(staleHs2019, BODY));
        assertTrue(resolver.calls.isEmpty(), "refused before any key lookup");
    }

    @Test
    void createdAndExpiresAreOnlyForHs2019() {
        long created = NOW.getEpochSecond();
        Map<String, String> headers = handSigned("rsa-sha256", "created=" + created + ",", "POST", "/users/amina/inbox",
                List.of("(request-target)", "(created)", "host", "digest"), Map.of("(created)", Long.toString(created)));
        assertReason(Reason.MALFORMED, post(headers, BODY));
    }

    @Test
    void theSameSignatureIsAcceptedOnce() throws Exception {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        verifier.verify(post(headers, BODY));
        SignatureException replay = assertThrows(SignatureException.class, () -> verifier.verify(post(headers, BODY)));
        assertEquals(Reason.REPLAYED, replay.reason());

        // An hour later the signature is still inside Mastodon's window, and still refused.
        SignatureVerifier later = verifierAt(NOW.plus(Duration.ofMinutes(60)), resolver);
        assertEquals(Reason.REPLAYED, assertThrows(SignatureException.class, () -> later.verify(post(headers, BODY))).reason());
        // Past the window the clock refuses it; the cache no longer needs to remember it.
        SignatureVerifier muchLater = verifierAt(NOW.plus(Duration.ofMinutes(66)), resolver);
        assertEquals(Reason.DATE_OUT_OF_WINDOW,
                assertThrows(SignatureException.class, () -> muchLater.verify(post(headers, BODY))).reason());
        muchLater.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW.plus(Duration.ofMinutes(66))), BODY));
        assertEquals(1, seen.size(), "the expired signature was forgotten, the new one remembered");
    }

    @Test
    void anotherSpellingOfTheSameSignatureBytesIsStillAReplay() throws Exception {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        verifier.verify(post(headers, BODY));
        // 256 bytes end in "x==": x carries two bits and four unused ones, which the JDK's decoder ignores.
        String header = headers.get("Signature");
        int last = header.lastIndexOf("==\"") - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char respelledChar = alphabet.charAt(alphabet.indexOf(header.charAt(last)) + 1);
        Map<String, String> respelled = new HashMap<>(headers);
        respelled.put("Signature", header.substring(0, last) + respelledChar + header.substring(last + 1));
        assertNotEquals(header, respelled.get("Signature"));
        assertReason(Reason.REPLAYED, post(respelled, BODY));
    }

    @Test
    void theSameDeliverySignedAnewIsAccepted() throws Exception {
        verifier.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW.minusSeconds(1)), BODY));
        verifier.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW), BODY));
        assertEquals(2, seen.size());
    }

    @Test
    void aSignatureThatFailedIsNotRemembered() throws Exception {
        Map<String, String> genuine = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        Map<String, String> spoiled = new HashMap<>(genuine);
        spoiled.put("Date", HttpDates.format(NOW.minusSeconds(1)));
        // Someone who saw the signature in transit sends it first on a request it does not fit.
        assertReason(Reason.BAD_SIGNATURE, post(spoiled, BODY));
        assertTrue(verifier.verify(post(genuine, BODY)).isSignedBy(ACTOR), "the genuine request still gets in");
    }

    @Test
    void aSignedGetIsAcceptedOnceToo() throws Exception {
        Map<String, String> headers = signer.signGet(URI.create("https://camp.weft.test/proposals/7f3c9a"),
                "application/activity+json", NOW);
        verifier.verify(request("GET", "/proposals/7f3c9a", null, headers, new byte[0]));
        assertReason(Reason.REPLAYED, request("GET", "/proposals/7f3c9a", null, headers, new byte[0]));
    }

    @Test
    void whenTheCacheIsFullOldSignaturesAreRefusedNotLetThrough() throws Exception {
        SeenSignatures small = new SeenSignatures(2);
        SignatureVerifier tight = new SignatureVerifier(resolver, Clock.fixed(NOW, ZoneOffset.UTC), CAMP, small);
        Map<String, String> first = signer.signPost(INBOX, BODY, "application/activity+json", NOW.minusSeconds(3));
        tight.verify(post(first, BODY));
        tight.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW.minusSeconds(2)), BODY));
        tight.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW.minusSeconds(1)), BODY));
        assertEquals(2, small.size());
        // The first was forgotten to make room: its replay cannot be told, so it is refused.
        SignatureException e = assertThrows(SignatureException.class, () -> tight.verify(post(first, BODY)));
        assertEquals(Reason.REPLAY_UNCERTAIN, e.reason());
        tight.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW), BODY));
    }

    @Test
    void staleAndFutureDatesAreRefusedAtMastodonsBounds() throws Exception {
        assertReason(Reason.DATE_OUT_OF_WINDOW, signedAt(NOW.minus(Duration.ofMinutes(66))));
        assertReason(Reason.DATE_OUT_OF_WINDOW, signedAt(NOW.plus(Duration.ofMinutes(61))));
        verifier.verify(signedAt(NOW.minus(Duration.ofMinutes(64))));
        verifier.verify(signedAt(NOW.plus(Duration.ofMinutes(59))));
        assertEquals(Duration.ofMinutes(65), SignatureVerifier.MAX_DATE_AGE);
    }

    @Test
    void unparsableDateIsMalformed() {
        Map<String, String> headers = signer.signPost(INBOX, BODY, "application/activity+json", NOW);
        headers.put("Date", "yesterday");
        assertReason(Reason.MALFORMED, post(headers, BODY));
    }

    @Test
    void unknownKey() {
        HttpSigner stranger = new HttpSigner("https://remote.example/users/nobody#main-key", KEYS.getPrivate());
        assertReason(Reason.UNKNOWN_KEY, post(stranger.signPost(INBOX, BODY, "application/activity+json", NOW), BODY));
    }

    @Test
    void unreachableKeyIsReportedAsUnavailable() {
        SignatureVerifier failing = verifierAt(NOW, (keyId, refresh) -> {
            throw new IOException("connection refused");
        });
        SignatureException e = assertThrows(SignatureException.class,
                () -> failing.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW), BODY)));
        assertEquals(Reason.KEY_UNAVAILABLE, e.reason());
    }

    @Test
    void unsupportedAlgorithm() {
        Map<String, String> headers = handSigned("ed25519", "", "POST", "/users/amina/inbox",
                List.of("(request-target)", "host", "date", "digest"));
        assertReason(Reason.UNSUPPORTED_ALGORITHM, post(headers, BODY));
    }

    @Test
    void hs2019IsRsaSha256WithAnRsaKey() throws Exception {
        Map<String, String> headers = handSigned("hs2019", "", "POST", "/users/amina/inbox",
                List.of("(request-target)", "host", "date", "digest"));
        assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ACTOR));
    }

    @Test
    void missingAlgorithmMeansHs2019() throws Exception {
        Map<String, String> headers = handSigned(null, "", "POST", "/users/amina/inbox",
                List.of("(request-target)", "host", "date", "digest"));
        assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ACTOR));
    }

    @Test
    void hs2019WithCreatedInsteadOfDate() throws Exception {
        long created = NOW.minusSeconds(30).getEpochSecond();
        Map<String, String> headers = handSigned("hs2019", "created=" + created + ",", "POST", "/users/amina/inbox",
                List.of("(request-target)", "(created)", "host", "digest"), Map.of("(created)", Long.toString(created)));
        headers.remove("Date");
        assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ACTOR));

        long old = NOW.minus(Duration.ofHours(2)).getEpochSecond();
        Map<String, String> stale = handSigned("hs2019", "created=" + old + ",", "POST", "/users/amina/inbox",
                List.of("(request-target)", "(created)", "host", "digest"), Map.of("(created)", Long.toString(old)));
        assertReason(Reason.DATE_OUT_OF_WINDOW, post(stale, BODY));
    }

    @Test
    void expiresIsSignedAsSentWhateverTheDefaultLocale() throws Exception {
        long created = NOW.minusSeconds(30).getEpochSecond();
        long expires = created + 300;
        Map<String, String> headers = handSigned("hs2019", "created=" + created + ",expires=" + expires + ",", "POST",
                "/users/amina/inbox", List.of("(request-target)", "(created)", "(expires)", "host", "digest"),
                Map.of("(created)", Long.toString(created), "(expires)", Long.toString(expires)));
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ACTOR));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void anExpiredSignatureGetsMastodonsHourOfGrace() throws Exception {
        assertTrue(verifier.verify(post(withExpiry(NOW.minus(Duration.ofMinutes(40)), NOW.minus(Duration.ofMinutes(30))), BODY))
                .isSignedBy(ACTOR));
        assertReason(Reason.DATE_OUT_OF_WINDOW,
                post(withExpiry(NOW.minus(Duration.ofMinutes(70)), NOW.minus(Duration.ofMinutes(61))), BODY));
    }

    private Map<String, String> withExpiry(Instant createdAt, Instant expiresAt) {
        String created = Long.toString(createdAt.getEpochSecond());
        String expires = Long.toString(expiresAt.getEpochSecond());
        return handSigned("hs2019", "created=" + created + ",expires=" + expires + ",", "POST", "/users/amina/inbox",
                List.of("(request-target)", "(created)", "(expires)", "host", "digest"),
                Map.of("(created)", created, "(expires)", expires));
    }

    @Test
    void requestTargetWithoutQueryIsAcceptedAsFallback() throws Exception {
        // Signed as "get /users/amina/outbox", received as "/users/amina/outbox?page=2".
        Map<String, String> headers = signer.signGet(URI.create("https://camp.weft.test/users/amina/outbox"),
                "application/activity+json", NOW);
        verifier.verify(request("GET", "/users/amina/outbox", "page=2", headers, new byte[0]));
    }

    @Test
    void aDifferentQueryIsNotAccepted() {
        Map<String, String> headers = signer.signGet(URI.create("https://camp.weft.test/users/amina/outbox?page=2"),
                "application/activity+json", NOW);
        assertReason(Reason.BAD_SIGNATURE, request("GET", "/users/amina/outbox", "page=3", headers, new byte[0]));
    }

    @Test
    void rotatedKeyIsRefetchedExactlyOnce() throws Exception {
        ActorKey stale = new ActorKey(KEY_ID, ACTOR, OTHER_KEYS.getPublic());
        CountingKeyResolver rotating = new CountingKeyResolver(stale, KEY);
        SignatureVerifier withCache = verifierAt(NOW, rotating);

        VerifiedSignature verified = withCache.verify(post(signer.signPost(INBOX, BODY, "application/activity+json", NOW), BODY));

        assertEquals(KEY, verified.key());
        assertEquals(List.of(false, true), rotating.calls);
        assertEquals(1, rotating.refreshes());
    }

    @Test
    void badSignatureRefetchesOnceThenGivesUp() {
        HttpSigner forger = new HttpSigner(KEY_ID, OTHER_KEYS.getPrivate());
        Map<String, String> headers = forger.signPost(INBOX, BODY, "application/activity+json", NOW);
        ActorKey unrelated = new ActorKey(KEY_ID, ACTOR, RsaKeys.generate().getPublic());
        CountingKeyResolver distinctRemote = new CountingKeyResolver(KEY, unrelated);
        SignatureVerifier withCache = verifierAt(NOW, distinctRemote);

        SignatureException e = assertThrows(SignatureException.class, () -> withCache.verify(post(headers, BODY)));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertEquals(List.of(false, true), distinctRemote.calls);
    }

    @Test
    void verifiesARequestSignedTheWayMastodonSignsIt() throws Exception {
        // What mastodon.example/users/rosa sends (fixtures/mastodon/manifest.json → signing).
        var manifest = Fixtures.json("fixtures/mastodon/manifest.json").get("signing");
        var actor = Fixtures.json("fixtures/mastodon/actor.json");
        String keyId = actor.get("publicKey").get("id").asText();
        ActorKey rosa = new ActorKey(keyId, actor.get("id").asText(),
                RsaKeys.publicKeyFromPem(actor.get("publicKey").get("publicKeyPem").asText()));
        byte[] body = Fixtures.compact("fixtures/mastodon/follow.json");
        List<String> signed = List.of("(request-target)", "host", "date", "digest", "content-type");
        assertEquals(signed.toString(), manifest.get("headers").toString().replace("\"", "").replace(",", ", "));

        Map<String, String> values = Map.of("host", "camp.weft.test", "date", HttpDates.format(NOW.minusSeconds(2)),
                "digest", Digests.sha256Header(body), "content-type", manifest.get("contentType").asText());
        String signature = CavageTestSigner.signature(RsaKeys.privateKeyFromPem(Fixtures.text("fixtures/keys/mastodon-rosa.pem")),
                keyId, manifest.get("algorithm").asText(), "", "POST", "/users/amina/inbox", signed, values);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "close");
        headers.put("User-Agent", manifest.get("userAgent").asText());
        headers.put("Host", values.get("host"));
        headers.put("Date", values.get("date"));
        headers.put("Accept-Encoding", "gzip");
        headers.put("Content-Type", values.get("content-type"));
        headers.put("Digest", values.get("digest"));
        headers.put("Signature", signature);

        SignatureVerifier mastodonVerifier =
                verifierAt(NOW, CountingKeyResolver.of(rosa));
        VerifiedSignature verified = mastodonVerifier.verify(post(headers, body));
        assertTrue(verified.isSignedBy(Fixtures.json("fixtures/mastodon/follow.json").get("actor").asText()));
    }

    private Map<String, String> handSigned(String algorithm, String extra, String method, String path, List<String> signed) {
        return handSigned(algorithm, extra, method, path, signed, Map.of());
    }

    private Map<String, String> handSignedAt(Instant date, String algorithm, String extra, List<String> signed) {
        return handSigned(date, algorithm, extra, "POST", "/users/amina/inbox", signed, Map.of());
    }

    private Map<String, String> handSigned(String algorithm, String extra, String method, String path, List<String> signed,
                                           Map<String, String> pseudoValues) {
        return handSigned(NOW, algorithm, extra, method, path, signed, pseudoValues);
    }

    private Map<String, String> handSigned(Instant date, String algorithm, String extra, String method, String path,
                                           List<String> signed, Map<String, String> pseudoValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "camp.weft.test");
        headers.put("Date", HttpDates.format(date));
        if (method.equals("POST")) {
            headers.put("Digest", Digests.sha256Header(BODY));
            headers.put("Content-Type", "application/activity+json");
            headers.put("Content-Length", Integer.toString(BODY.length));
        }
        Map<String, String> values = new HashMap<>(pseudoValues);
        headers.forEach((k, v) -> values.put(k.toLowerCase(), v));
        headers.put("Signature",
                CavageTestSigner.signature(KEYS.getPrivate(), KEY_ID, algorithm, extra, method, path, signed, values));
        return headers;
    }

    private IncomingRequest signedAt(Instant signingTime) {
        return post(signer.signPost(INBOX, BODY, "application/activity+json", signingTime), BODY);
    }

    private static IncomingRequest post(Map<String, String> headers, byte[] body) {
        return request("POST", INBOX.getRawPath(), null, headers, body);
    }

    private static IncomingRequest request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new IncomingRequest(method, path, query, multi, body);
    }

    private void assertReason(Reason expected, IncomingRequest request) {
        SignatureException e = assertThrows(SignatureException.class, () -> verifier.verify(request));
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
