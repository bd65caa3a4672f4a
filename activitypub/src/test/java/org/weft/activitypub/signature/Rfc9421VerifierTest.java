package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Requests signed the way Mastodon 4.5 signs them ({@code ("@method" "@target-uri" "content-digest")},
 * {@code created}, {@code keyid}, RSASSA-PKCS1-v1_5 with SHA-256) with the Mastodon test key of the shared
 * fixtures, made by {@link Rfc9421TestSigner} (written from the RFC, not from the production code), and
 * every way of tampering with them.
 */
class Rfc9421VerifierTest {

    private static final String ROSA = "https://mastodon.example/users/rosa";
    private static final String KEY_ID = ROSA + "#main-key";
    private static final PrivateKey ROSA_PRIVATE = privateKey("fixtures/keys/mastodon-rosa.pem");
    private static final ActorKey ROSA_KEY = new ActorKey(KEY_ID, ROSA, publicKey("fixtures/keys/mastodon-rosa.pub.pem"));
    private static final KeyPair OTHER_KEYS = RsaKeys.generate();
    private static final ExpectedHost ORIGIN = ExpectedHost.of(URI.create("https://camp.weft.test"));
    private static final String INBOX = "/users/amina/inbox";
    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final byte[] BODY = Fixtures.compact("fixtures/mastodon/create-note-public.json");

    private final CountingKeyResolver resolver = CountingKeyResolver.of(ROSA_KEY);
    private final SeenSignatures seen = new SeenSignatures();
    private final Rfc9421Verifier verifier = new Rfc9421Verifier(resolver, Clock.fixed(NOW, ZoneOffset.UTC), ORIGIN, seen);

    /** The headers of a POST Mastodon signs; callers change them to tamper. */
    private static Map<String, String> mastodonPost(byte[] body, Map<String, String> covered, String parameters,
                                                    PrivateKey key) {
        Rfc9421TestSigner.Signed signed = Rfc9421TestSigner.sign(key, "SHA256withRSA", "sig1", covered, parameters);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "camp.weft.test");
        headers.put("Date", "Sat, 07 Nov 2026 09:05:03 GMT");
        headers.put("Content-Type", "application/activity+json");
        headers.put("Content-Digest", Rfc9421TestSigner.contentDigest("sha-256", body));
        headers.put("Signature-Input", signed.signatureInput());
        headers.put("Signature", signed.signature());
        return headers;
    }

    private static Map<String, String> covered(String method, String targetUri, byte[] body) {
        Map<String, String> covered = new LinkedHashMap<>();
        covered.put("@method", method);
        covered.put("@target-uri", targetUri);
        covered.put("content-digest", Rfc9421TestSigner.contentDigest("sha-256", body));
        return covered;
    }

    private static String parameters(Instant created) {
        return ";created=" + created.getEpochSecond() + ";keyid=\"" + KEY_ID + "\"";
    }

    private static Map<String, String> signedNow() {
        return mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY), parameters(NOW), ROSA_PRIVATE);
    }

    private static IncomingRequest post(Map<String, String> headers, byte[] body) {
        return request("POST", INBOX, null, headers, body);
    }

    private static IncomingRequest request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        headers.forEach((name, value) -> lines.put(name, List.of(value)));
        return new IncomingRequest(method, path, query, lines, body);
    }

    @Test
    void mastodonSignedPostVerifiesWithOneKeyLookup() throws Exception {
        VerifiedSignature verified = verifier.verify(post(signedNow(), BODY));

        assertEquals(ROSA_KEY, verified.key());
        assertEquals(SignatureScheme.RFC_9421, verified.scheme());
        assertEquals(List.of("@method", "@target-uri", "content-digest"), verified.signedHeaders());
        assertTrue(verified.isSignedBy(ROSA));
        assertEquals(List.of(false), resolver.calls, "a good signature needs one lookup and no refresh");
    }

    @Test
    void theSameSignedRequestIsAcceptedOnce() throws Exception {
        Map<String, String> headers = signedNow();
        verifier.verify(post(headers, BODY));

        assertReason(Reason.REPLAYED, post(headers, BODY));
        assertEquals(1, seen.size());
    }

    @Test
    void aReplayWithAnotherLabelOrAnExtraLabelIsStillAReplay() throws Exception {
        Map<String, String> headers = signedNow();
        verifier.verify(post(headers, BODY));

        // The label is not part of the signature base: renamed, the same bytes still verify, and are still seen.
        Map<String, String> renamed = new LinkedHashMap<>(headers);
        renamed.put("Signature-Input", headers.get("Signature-Input").replace("sig1=", "again="));
        renamed.put("Signature", headers.get("Signature").replace("sig1=", "again="));
        assertReason(Reason.REPLAYED, post(renamed, BODY));

        // A label appended after it, or put before it without what Weft requires, changes nothing either.
        Map<String, String> appended = new LinkedHashMap<>(headers);
        appended.put("Signature", headers.get("Signature") + ", extra=:AAAA:");
        appended.put("Signature-Input", headers.get("Signature-Input") + ", extra=(\"@method\");created=1;keyid=\"x\"");
        assertReason(Reason.REPLAYED, post(appended, BODY));
        Map<String, String> prepended = new LinkedHashMap<>(headers);
        prepended.put("Signature", "extra=:AAAA:, " + headers.get("Signature"));
        prepended.put("Signature-Input", "extra=(\"@method\");created=1;keyid=\"x\", " + headers.get("Signature-Input"));
        assertReason(Reason.REPLAYED, post(prepended, BODY));
    }

    @Test
    void aSignatureThatFailsIsNotRememberedSoNobodyCanSpoilIt() throws Exception {
        // Someone who saw the signature sends it first on another body: refused, and not remembered.
        byte[] other = new String(BODY, StandardCharsets.UTF_8).replace("Create", "Delete").getBytes(StandardCharsets.UTF_8);
        Map<String, String> stolen = signedNow();
        stolen.put("Content-Digest", Rfc9421TestSigner.contentDigest("sha-256", other));
        assertReason(Reason.BAD_SIGNATURE, post(stolen, other));
        assertEquals(0, seen.size());

        assertTrue(verifier.verify(post(signedNow(), BODY)).isSignedBy(ROSA));
    }

    @Test
    void tamperedBodyFailsTheDigestBeforeAnyKeyLookup() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Create", "Delete").getBytes(StandardCharsets.UTF_8);
        assertReason(Reason.DIGEST_MISMATCH, post(signedNow(), tampered));
        assertTrue(resolver.calls.isEmpty());
    }

    @Test
    void tamperedBodyWithRecomputedDigestFailsTheSignature() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Create", "Delete").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signedNow();
        headers.put("Content-Digest", Rfc9421TestSigner.contentDigest("sha-256", tampered));
        assertReason(Reason.BAD_SIGNATURE, post(headers, tampered));
        assertEquals(List.of(false, true), resolver.calls, "a bad signature refetches the key once");
    }

    @Test
    void otherMethodFailsTheSignature() {
        assertReason(Reason.BAD_SIGNATURE, request("PUT", INBOX, null, signedNow(), BODY));
    }

    @Test
    void otherTargetFailsTheSignature() {
        assertReason(Reason.BAD_SIGNATURE, request("POST", "/users/someone/inbox", null, signedNow(), BODY));
        assertReason(Reason.BAD_SIGNATURE, request("POST", INBOX, "x=1", signedNow(), BODY));
    }

    @Test
    void aRequestSignedForAnotherServerIsRefusedHereWhateverItsHost() {
        Map<String, String> headers = mastodonPost(BODY, covered("POST", "https://elsewhere.example" + INBOX, BODY),
                parameters(NOW), ROSA_PRIVATE);
        headers.put("Host", "elsewhere.example");
        assertReason(Reason.HOST_MISMATCH, post(headers, BODY));
        assertTrue(resolver.calls.isEmpty(), "refused before any key lookup");

        // Sent on with this server's Host: the target is derived from this server's origin, so it does not verify.
        headers.put("Host", "camp.weft.test");
        assertReason(Reason.BAD_SIGNATURE, post(headers, BODY));
    }

    @Test
    void theHostMustNameThisServerAndItsPort() throws Exception {
        Map<String, String> otherPort = signedNow();
        otherPort.put("Host", "camp.weft.test:8443");
        assertReason(Reason.HOST_MISMATCH, post(otherPort, BODY));
        Map<String, String> noHost = signedNow();
        noHost.remove("Host");
        assertReason(Reason.HOST_MISMATCH, post(noHost, BODY));

        Map<String, String> explicitDefaultPort = signedNow();
        explicitDefaultPort.put("Host", "CAMP.weft.test:443");
        verifier.verify(post(explicitDefaultPort, BODY));
    }

    @Test
    void theWindowIsTheDraftCavageOne() throws Exception {
        // Mastodon's window: created at most 1 h ahead; used at most 1 h after expiry (default created + 5 min).
        assertReason(Reason.DATE_OUT_OF_WINDOW, signedAt(NOW.minus(Duration.ofMinutes(66))));
        assertReason(Reason.DATE_OUT_OF_WINDOW, signedAt(NOW.plus(Duration.ofMinutes(61))));
        verifier.verify(signedAt(NOW.minus(Duration.ofMinutes(64))));
        verifier.verify(signedAt(NOW.plus(Duration.ofMinutes(59))));
    }

    @Test
    void expiresIsHonouredAndCappedAtTwelveHours() throws Exception {
        Instant created = NOW.minus(Duration.ofHours(3));
        String expiredParameters = parameters(created) + ";expires=" + NOW.minus(Duration.ofMinutes(61)).getEpochSecond();
        assertReason(Reason.DATE_OUT_OF_WINDOW, post(mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                expiredParameters, ROSA_PRIVATE), BODY));

        String longLived = parameters(created) + ";expires=" + NOW.plus(Duration.ofDays(30)).getEpochSecond();
        verifier.verify(post(mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY), longLived,
                ROSA_PRIVATE), BODY));
        Instant old = NOW.minus(Duration.ofHours(14));
        String tooLongLived = parameters(old) + ";expires=" + NOW.plus(Duration.ofDays(30)).getEpochSecond();
        assertReason(Reason.DATE_OUT_OF_WINDOW, post(mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                tooLongLived, ROSA_PRIVATE), BODY));
    }

    private static IncomingRequest signedAt(Instant created) {
        return post(mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY), parameters(created),
                ROSA_PRIVATE), BODY);
    }

    @Test
    void uncoveredDigestIsRefusedOnPost() {
        Map<String, String> covered = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        covered.remove("content-digest");
        assertReason(Reason.DIGEST_NOT_SIGNED, post(mastodonPost(BODY, covered, parameters(NOW), ROSA_PRIVATE), BODY));
        assertTrue(resolver.calls.isEmpty());
    }

    @Test
    void missingCreatedIsRefused() {
        Map<String, String> covered = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        assertReason(Reason.DATE_NOT_SIGNED, post(mastodonPost(BODY, covered, ";keyid=\"" + KEY_ID + "\"", ROSA_PRIVATE), BODY));
    }

    @Test
    void methodAndTargetMustBeCovered() {
        Map<String, String> noMethod = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        noMethod.remove("@method");
        assertReason(Reason.REQUEST_TARGET_NOT_SIGNED, post(mastodonPost(BODY, noMethod, parameters(NOW), ROSA_PRIVATE), BODY));

        Map<String, String> noTarget = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        noTarget.remove("@target-uri");
        assertReason(Reason.REQUEST_TARGET_NOT_SIGNED, post(mastodonPost(BODY, noTarget, parameters(NOW), ROSA_PRIVATE), BODY));
    }

    @Test
    void authorityWithPathCoversTheTargetOnlyWithTheQueryWhenThereIsOne() throws Exception {
        Map<String, String> pathOnly = new LinkedHashMap<>();
        pathOnly.put("@method", "POST");
        pathOnly.put("@authority", "camp.weft.test");
        pathOnly.put("@path", INBOX);
        pathOnly.put("content-digest", Rfc9421TestSigner.contentDigest("sha-256", BODY));
        verifier.verify(post(mastodonPost(BODY, pathOnly, parameters(NOW), ROSA_PRIVATE), BODY));
        assertReason(Reason.REQUEST_TARGET_NOT_SIGNED,
                request("POST", INBOX, "a=1", mastodonPost(BODY, pathOnly, parameters(NOW), ROSA_PRIVATE), BODY));

        Map<String, String> withQuery = new LinkedHashMap<>(pathOnly);
        withQuery.put("@query", "?a=1");
        verifier.verify(request("POST", INBOX, "a=1", mastodonPost(BODY, withQuery, parameters(NOW), ROSA_PRIVATE), BODY));
    }

    @Test
    void signatureByAnotherKeyFailsAfterOneRefresh() {
        Map<String, String> headers = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                parameters(NOW), OTHER_KEYS.getPrivate());
        assertReason(Reason.BAD_SIGNATURE, post(headers, BODY));
        assertEquals(List.of(false, true), resolver.calls);
    }

    @Test
    void rotatedKeyIsFetchedAgainOnce() throws Exception {
        ActorKey old = new ActorKey(KEY_ID, ROSA, OTHER_KEYS.getPublic());
        CountingKeyResolver rotating = new CountingKeyResolver(old, ROSA_KEY);
        Rfc9421Verifier rotatingVerifier = new Rfc9421Verifier(rotating, Clock.fixed(NOW, ZoneOffset.UTC), ORIGIN,
                new SeenSignatures());

        assertEquals(ROSA_KEY, rotatingVerifier.verify(post(signedNow(), BODY)).key());
        assertEquals(List.of(false, true), rotating.calls);
    }

    @Test
    void aKeyOfAnotherHostVerifiesButIsNotTheActors() throws Exception {
        String evil = "https://evil.example/users/mallory";
        CountingKeyResolver evilResolver = CountingKeyResolver.of(new ActorKey(evil + "#main-key", evil,
                OTHER_KEYS.getPublic()));
        Rfc9421Verifier evilVerifier = new Rfc9421Verifier(evilResolver, Clock.fixed(NOW, ZoneOffset.UTC), ORIGIN,
                new SeenSignatures());
        Map<String, String> headers = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                ";created=" + NOW.getEpochSecond() + ";keyid=\"" + evil + "#main-key\"", OTHER_KEYS.getPrivate());

        VerifiedSignature verified = evilVerifier.verify(post(headers, BODY));

        assertFalse(verified.isSignedBy(ROSA), "the activity's actor (rosa) did not sign it: the server answers 401");
    }

    @Test
    void unknownKey() {
        Map<String, String> headers = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                ";created=" + NOW.getEpochSecond() + ";keyid=\"https://mastodon.example/users/nobody#main-key\"", ROSA_PRIVATE);
        assertReason(Reason.UNKNOWN_KEY, post(headers, BODY));
    }

    @Test
    void algMustBeSupportedAndMatchTheKey() {
        Map<String, String> hmac = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                parameters(NOW) + ";alg=\"hmac-sha256\"", ROSA_PRIVATE);
        assertReason(Reason.UNSUPPORTED_ALGORITHM, post(hmac, BODY));
        assertTrue(resolver.calls.isEmpty(), "an unsupported alg is refused before any lookup");

        Map<String, String> ed25519 = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                parameters(NOW) + ";alg=\"ed25519\"", ROSA_PRIVATE);
        assertReason(Reason.BAD_SIGNATURE, post(ed25519, BODY));
    }

    @Test
    void statedAlgMatchingTheKeyIsAccepted() throws Exception {
        Map<String, String> headers = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                parameters(NOW) + ";alg=\"rsa-v1_5-sha256\"", ROSA_PRIVATE);
        verifier.verify(post(headers, BODY));
    }

    @Test
    void ed25519KeysVerify() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        KeyPair ed = generator.generateKeyPair();
        String keyId = ROSA + "#ed25519-key";
        Rfc9421Verifier edVerifier = new Rfc9421Verifier(CountingKeyResolver.of(new ActorKey(keyId, ROSA, ed.getPublic())),
                Clock.fixed(NOW, ZoneOffset.UTC), ORIGIN, new SeenSignatures());
        Rfc9421TestSigner.Signed signed = Rfc9421TestSigner.sign(ed.getPrivate(), "Ed25519", "sig1",
                covered("POST", "https://camp.weft.test" + INBOX, BODY),
                ";created=" + NOW.getEpochSecond() + ";keyid=\"" + keyId + "\";alg=\"ed25519\"");
        Map<String, String> headers = signedNow();
        headers.put("Signature-Input", signed.signatureInput());
        headers.put("Signature", signed.signature());

        assertTrue(edVerifier.verify(post(headers, BODY)).isSignedBy(ROSA));
    }

    @Test
    void theFirstLabelThatCoversWhatIsRequiredIsTheOneVerified() throws Exception {
        Map<String, String> good = signedNow();
        String proxyInput = "proxy=(\"@authority\");created=" + NOW.getEpochSecond() + ";keyid=\"https://proxy.example/k\"";
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Signature-Input", proxyInput + ", " + good.get("Signature-Input"));
        headers.put("Signature", "proxy=:AAAA:, " + good.get("Signature"));

        assertTrue(verifier.verify(post(headers, BODY)).isSignedBy(ROSA));
        assertEquals(List.of(false), resolver.calls, "the label passed over is never looked up");
    }

    @Test
    void aQualifyingLabelWithABadSignatureIsNotRescuedByALaterOne() {
        Map<String, String> good = signedNow();
        Map<String, String> forged = mastodonPost(BODY, covered("POST", "https://camp.weft.test" + INBOX, BODY),
                parameters(NOW), OTHER_KEYS.getPrivate());
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Signature-Input", forged.get("Signature-Input").replace("sig1=", "sig0=") + ", "
                + good.get("Signature-Input"));
        headers.put("Signature", forged.get("Signature").replace("sig1=", "sig0=") + ", " + good.get("Signature"));

        assertReason(Reason.BAD_SIGNATURE, post(headers, BODY));
    }

    @Test
    void aLabelWithoutSignatureValueIsPassedOver() throws Exception {
        Map<String, String> good = signedNow();
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Signature-Input", good.get("Signature-Input").replace("sig1=", "orphan=") + ", "
                + good.get("Signature-Input"));
        verifier.verify(post(headers, BODY));
    }

    @Test
    void whenNoLabelQualifiesTheFirstShortcomingIsReported() {
        Map<String, String> headers = signedNow();
        headers.put("Signature-Input", "a=(\"@method\");created=1;keyid=\"k\", b=(\"@method\" \"@target-uri\");keyid=\"k\"");
        headers.put("Signature", "a=:AAAA:, b=:AAAA:");
        assertReason(Reason.REQUEST_TARGET_NOT_SIGNED, post(headers, BODY));
    }

    @Test
    void malformedFields() {
        Map<String, String> headers = signedNow();
        headers.put("Signature-Input", "sig1=(\"@method\" \"@target-uri\"");
        assertReason(Reason.MALFORMED, post(headers, BODY));

        Map<String, String> componentParameters = signedNow();
        componentParameters.put("Signature-Input", componentParameters.get("Signature-Input")
                .replace("\"content-digest\"", "\"content-digest\";sf"));
        assertReason(Reason.MALFORMED, post(componentParameters, BODY));

        Map<String, String> upperCase = signedNow();
        upperCase.put("Signature-Input", upperCase.get("Signature-Input").replace("\"content-digest\"", "\"Content-Digest\""));
        assertReason(Reason.MALFORMED, post(upperCase, BODY));

        Map<String, String> noSignature = signedNow();
        noSignature.remove("Signature");
        assertReason(Reason.MISSING, post(noSignature, BODY));
        assertTrue(resolver.calls.isEmpty());
    }

    @Test
    void coveredFieldAbsentFromTheRequestIsMalformed() {
        Map<String, String> covered = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        covered.put("x-custom", "yes");
        Map<String, String> headers = mastodonPost(BODY, covered, parameters(NOW), ROSA_PRIVATE);
        assertReason(Reason.MALFORMED, post(headers, BODY));
    }

    @Test
    void fieldLinesAreCombinedAndSplitSignatureInputWorks() throws Exception {
        Map<String, String> covered = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        covered.put("x-list", "a, b");
        Map<String, String> signed = mastodonPost(BODY, covered, parameters(NOW), ROSA_PRIVATE);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        signed.forEach((name, value) -> lines.put(name, List.of(value)));
        lines.put("X-List", List.of("a", " b "));
        lines.put("Signature-Input", List.of("other=();created=1;keyid=\"x\"", signed.get("Signature-Input")));
        verifier.verify(new IncomingRequest("POST", INBOX, null, lines, BODY));
    }

    @Test
    void contentDigestSha512AloneIsAcceptedAndEveryCheckedEntryMustMatch() throws Exception {
        Map<String, String> covered = covered("POST", "https://camp.weft.test" + INBOX, BODY);
        String sha512 = Rfc9421TestSigner.contentDigest("sha-512", BODY);
        covered.put("content-digest", sha512);
        Map<String, String> headers = mastodonPost(BODY, covered, parameters(NOW), ROSA_PRIVATE);
        headers.put("Content-Digest", sha512);
        verifier.verify(post(headers, BODY));

        String wrongSha512 = Rfc9421TestSigner.contentDigest("sha-256", BODY) + ", "
                + Rfc9421TestSigner.contentDigest("sha-512", "{}".getBytes(StandardCharsets.UTF_8));
        covered.put("content-digest", wrongSha512);
        Map<String, String> mixed = mastodonPost(BODY, covered, parameters(NOW), ROSA_PRIVATE);
        mixed.put("Content-Digest", wrongSha512);
        assertReason(Reason.DIGEST_MISMATCH, post(mixed, BODY));

        covered.put("content-digest", "md5=:AAAA:");
        Map<String, String> md5 = mastodonPost(BODY, covered, parameters(NOW), ROSA_PRIVATE);
        md5.put("Content-Digest", "md5=:AAAA:");
        assertReason(Reason.DIGEST_MISSING, post(md5, BODY));
    }

    @Test
    void signedGetWithQueryNeedsNoDigest() throws Exception {
        Map<String, String> covered = new LinkedHashMap<>();
        covered.put("@method", "GET");
        covered.put("@target-uri", "https://camp.weft.test/users/amina/outbox?page=2");
        Rfc9421TestSigner.Signed signed = Rfc9421TestSigner.sign(ROSA_PRIVATE, "SHA256withRSA", "sig1", covered, parameters(NOW));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "camp.weft.test");
        headers.put("Signature-Input", signed.signatureInput());
        headers.put("Signature", signed.signature());

        assertEquals(SignatureScheme.RFC_9421, verifier.verify(request("GET", "/users/amina/outbox", "page=2", headers,
                new byte[0])).scheme());
        assertReason(Reason.BAD_SIGNATURE, request("GET", "/users/amina/outbox", "page=3", headers, new byte[0]));
    }

    @Test
    void anySchemeVerifierHandsEachRequestToItsSchemeAndBothShareTheReplayMemory() throws Exception {
        HttpSigner cavage = new HttpSigner(KEY_ID, ROSA_PRIVATE);
        SignatureVerifier cavageVerifier = new SignatureVerifier(resolver, Clock.fixed(NOW, ZoneOffset.UTC), ORIGIN, seen);
        AnySchemeVerifier any = new AnySchemeVerifier(cavageVerifier::verify, verifier);

        assertEquals(SignatureScheme.RFC_9421, any.verify(post(signedNow(), BODY)).scheme());
        Map<String, String> cavageHeaders = cavage.signPost(URI.create("https://camp.weft.test" + INBOX), BODY,
                "application/activity+json", NOW);
        VerifiedSignature draft = any.verify(post(cavageHeaders, BODY));
        assertEquals(SignatureScheme.DRAFT_CAVAGE, draft.scheme());
        assertTrue(draft.isSignedBy(ROSA));
        assertEquals(2, seen.size());

        SignatureException replayed = assertThrows(SignatureException.class, () -> any.verify(post(cavageHeaders, BODY)));
        assertEquals(Reason.REPLAYED, replayed.reason());
        replayed = assertThrows(SignatureException.class, () -> any.verify(post(signedNow(), BODY)));
        assertEquals(Reason.REPLAYED, replayed.reason());
    }

    private void assertReason(Reason expected, IncomingRequest request) {
        SignatureException refused = assertThrows(SignatureException.class, () -> verifier.verify(request));
        assertEquals(expected, refused.reason(), refused.getMessage());
    }

    private static PrivateKey privateKey(String resource) {
        try {
            return RsaKeys.privateKeyFromPem(Fixtures.text(resource));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PublicKey publicKey(String resource) {
        try {
            return RsaKeys.publicKeyFromPem(Fixtures.text(resource));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
