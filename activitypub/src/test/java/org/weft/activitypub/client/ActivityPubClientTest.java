package org.weft.activitypub.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.ActorSigner;
import org.weft.activitypub.signature.ExpectedHost;
import org.weft.activitypub.signature.HttpSigner;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.activitypub.signature.SeenSignatures;
import org.weft.activitypub.signature.SignatureVerifier;
import org.weft.activitypub.signature.VerifiedSignature;

class ActivityPubClientTest {

    @RegisterExtension
    static final WireMockExtension REMOTE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String USER_AGENT = "Weft/0.1 (+https://camp.weft.test/)";
    private static final String AP_JSON = "application/activity+json; charset=utf-8";
    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final KeyPair INSTANCE_KEYS = RsaKeys.generate();
    private static final String INSTANCE_KEY_ID = "https://camp.weft.test/actor#main-key";

    private ActivityPubClient client = loopbackClient().build();

    @AfterEach
    void close() {
        client.close();
    }

    private static ActivityPubClient.Builder loopbackClient() {
        return ActivityPubClient.builder(USER_AGENT)
                .addressCheck(new AddressGuard(true))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String origin() {
        return "http://127.0.0.1:" + REMOTE.getPort();
    }

    private static void serve(String path, String contentType, String body) {
        REMOTE.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String note(String id) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Note\"}";
    }

    /**
     * Building the client makes no HTTP client (each JDK one runs a selector thread, and making one sets up TLS: time a
     * server's start does not need); the first request does, and a closed client makes none again.
     */
    @Test
    void theHttpClientIsMadeByTheFirstRequestAndNotAfterClosing() throws Exception {
        Set<String> before = selectorThreads();
        ActivityPubClient lazy = loopbackClient().build();
        assertTrue(before.containsAll(selectorThreads()), "no HTTP client yet");
        serve("/notes/lazy", AP_JSON, note(origin() + "/notes/lazy"));
        assertEquals("Note", lazy.fetchObject(URI.create(origin() + "/notes/lazy")).get("type").asText());
        assertFalse(before.containsAll(selectorThreads()), "the first request made one");
        lazy.close();

        ActivityPubClient closedUnused = loopbackClient().build();
        closedUnused.close();
        assertThrows(IOException.class, () -> closedUnused.fetchObject(URI.create(origin() + "/notes/lazy")));
    }

    /** The names of the JDK HTTP clients' selector threads alive now (each client has one, named by its own number). */
    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void fetchesAnObjectAskingForActivityPub() throws Exception {
        serve("/notes/1", AP_JSON, note(origin() + "/notes/1"));

        JsonNode note = client.fetchObject(URI.create(origin() + "/notes/1"));

        assertEquals("Note", note.get("type").asText());
        REMOTE.verify(getRequestedFor(urlEqualTo("/notes/1"))
                .withHeader("Accept", equalTo("application/activity+json, "
                        + "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""))
                .withHeader("User-Agent", equalTo(USER_AGENT)));
    }

    @Test
    void signsEveryGetWithTheInstanceActor() throws Exception {
        client.close();
        client = loopbackClient().instanceSigner(new HttpSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate())).build();
        serve("/users/rosa/outbox?page=2", AP_JSON, note(origin() + "/users/rosa/outbox?page=2"));

        client.fetchObject(URI.create(origin() + "/users/rosa/outbox?page=2"));

        ActorKey instanceKey = new ActorKey(INSTANCE_KEY_ID, "https://camp.weft.test/actor", INSTANCE_KEYS.getPublic());
        SignatureVerifier verifier = new SignatureVerifier((keyId, refresh) -> Optional.of(instanceKey),
                Clock.fixed(NOW, ZoneOffset.UTC), ExpectedHost.of(URI.create(origin())), new SeenSignatures());
        VerifiedSignature verified = verifier.verify(RecordedRequests.incoming(REMOTE.getAllServeEvents().get(0).getRequest()));
        assertTrue(verified.signedHeaders().containsAll(List.of("(request-target)", "host", "date", "accept")));
        assertTrue(verified.isSignedBy("https://camp.weft.test/actor"));
    }

    @Test
    void followsRedirectsAndChecksTheIdAgainstTheFinalUrl() throws Exception {
        REMOTE.stubFor(get(urlEqualTo("/@rosa")).willReturn(aResponse().withStatus(301).withHeader("Location", "/users/rosa")));
        serve("/users/rosa", AP_JSON, note(origin() + "/users/rosa"));

        assertEquals(origin() + "/users/rosa", client.fetchObject(URI.create(origin() + "/@rosa")).get("id").asText());
        FetchedDocument document = client.fetchDocument(URI.create(origin() + "/@rosa"));
        assertEquals(URI.create(origin() + "/users/rosa"), document.finalUri());
    }

    @Test
    void stopsAfterThreeRedirects() {
        for (int hop = 0; hop < 5; hop++) {
            REMOTE.stubFor(get(urlEqualTo("/hop" + hop)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", origin() + "/hop" + (hop + 1))));
        }
        FetchException e = assertThrows(FetchException.class, () -> client.fetchObject(URI.create(origin() + "/hop0")));
        assertEquals(FetchException.Reason.BAD_REDIRECT, e.reason());
        assertEquals(4, REMOTE.getAllServeEvents().size(), "the first request and three redirects");
    }

    @Test
    void refusesADocumentWhoseIdIsNotItsUrl() {
        serve("/notes/2", AP_JSON, note("https://elsewhere.example/notes/2"));
        FetchException e = assertThrows(FetchException.class, () -> client.fetchObject(URI.create(origin() + "/notes/2")));
        assertEquals(FetchException.Reason.ID_MISMATCH, e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/ld+json", "text/html"})
    void refusesNonActivityPubContentTypes(String contentType) {
        serve("/notes/3", contentType, note(origin() + "/notes/3"));
        FetchException e = assertThrows(FetchException.class, () -> client.fetchObject(URI.create(origin() + "/notes/3")));
        assertEquals(FetchException.Reason.WRONG_CONTENT_TYPE, e.reason());
    }

    @Test
    void acceptsLdJsonWithTheActivityStreamsProfile() throws Exception {
        serve("/notes/4", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", note(origin() + "/notes/4"));
        assertEquals("Note", client.fetchObject(URI.create(origin() + "/notes/4")).get("type").asText());
    }

    @Test
    void goneIsDistinguishableFromOtherStatuses() {
        REMOTE.stubFor(get(urlEqualTo("/users/deleted")).willReturn(aResponse().withStatus(410)));
        REMOTE.stubFor(get(urlEqualTo("/users/missing")).willReturn(aResponse().withStatus(404)));

        FetchException gone = assertThrows(FetchException.class,
                () -> client.fetchObject(URI.create(origin() + "/users/deleted")));
        assertTrue(gone.isGone());
        assertEquals(410, gone.status());

        FetchException missing = assertThrows(FetchException.class,
                () -> client.fetchObject(URI.create(origin() + "/users/missing")));
        assertEquals(FetchException.Reason.HTTP_STATUS, missing.reason());
        assertEquals(404, missing.status());
    }

    @Test
    void refusesAnOversizeResponse() {
        byte[] big = new byte[(int) ActivityPubClient.DEFAULT_MAX_RESPONSE_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        REMOTE.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", AP_JSON).withBody(big)));

        FetchException e = assertThrows(FetchException.class, () -> client.fetchObject(URI.create(origin() + "/big")));
        assertEquals(FetchException.Reason.TOO_LARGE, e.reason());
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        serve("/array", AP_JSON, "[1,2,3]");
        serve("/broken", AP_JSON, "{\"id\":");
        assertEquals(FetchException.Reason.INVALID_JSON,
                assertThrows(FetchException.class, () -> client.fetchObject(URI.create(origin() + "/array"))).reason());
        assertEquals(FetchException.Reason.INVALID_JSON,
                assertThrows(FetchException.class, () -> client.fetchObject(URI.create(origin() + "/broken"))).reason());
    }

    @Test
    void postsASignedActivityAndReadsRetryAfter() throws Exception {
        REMOTE.stubFor(post(urlEqualTo("/inbox")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        byte[] body = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

        PostResult result = client.post(URI.create(origin() + "/inbox"), body,
                new HttpSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate()));

        assertEquals(429, result.status());
        assertEquals(Optional.of(Duration.ofSeconds(120)), result.retryAfter());
        REMOTE.verify(postRequestedFor(urlEqualTo("/inbox"))
                .withHeader("Content-Type", equalTo("application/activity+json"))
                .withHeader("User-Agent", equalTo(USER_AGENT)));

        // Signed: the receiver verifies the request as it arrived, body and Digest included.
        var received = REMOTE.getAllServeEvents().get(0).getRequest();
        assertArrayEquals(body, received.getBody());
        ActorKey instanceKey = new ActorKey(INSTANCE_KEY_ID, "https://camp.weft.test/actor", INSTANCE_KEYS.getPublic());
        SignatureVerifier verifier = new SignatureVerifier((keyId, refresh) -> Optional.of(instanceKey),
                Clock.fixed(NOW, ZoneOffset.UTC), ExpectedHost.of(URI.create(origin())), new SeenSignatures());
        VerifiedSignature verified = verifier.verify(RecordedRequests.incoming(received));
        assertTrue(verified.isSignedBy("https://camp.weft.test/actor"));
        assertTrue(verified.signedHeaders().containsAll(List.of("(request-target)", "host", "date", "digest")),
                verified.signedHeaders().toString());
    }

    @Test
    void neverFollowsARedirectOnPost() throws Exception {
        REMOTE.stubFor(post(urlEqualTo("/inbox")).willReturn(aResponse().withStatus(308).withHeader("Location", "/other-inbox")));
        PostResult result = client.post(URI.create(origin() + "/inbox"), new byte[0],
                new HttpSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate()));

        assertEquals(308, result.status());
        REMOTE.verify(0, postRequestedFor(urlPathEqualTo("/other-inbox")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/users/a", "https://10.0.0.1/users/a", "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/users/a", "http://93.184.216.34/users/a"})
    void theDefaultGuardRefusesInternalAddresses(String url) {
        try (ActivityPubClient strict = ActivityPubClient.builder(USER_AGENT).build()) {
            FetchException e = assertThrows(FetchException.class, () -> strict.fetchObject(URI.create(url)));
            assertEquals(FetchException.Reason.FORBIDDEN_ADDRESS, e.reason());
            assertThrows(ForbiddenAddressException.class,
                    () -> strict.post(URI.create(url), new byte[0], new HttpSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate())));
        }
    }

    @Test
    void theDefaultGuardRefusesTheLoopbackServerItself() {
        serve("/notes/5", AP_JSON, note(origin() + "/notes/5"));
        try (ActivityPubClient strict = ActivityPubClient.builder(USER_AGENT).build()) {
            FetchException e = assertThrows(FetchException.class, () -> strict.fetchObject(URI.create(origin() + "/notes/5")));
            assertEquals(FetchException.Reason.FORBIDDEN_ADDRESS, e.reason());
        }
        assertEquals(0, REMOTE.getAllServeEvents().size(), "nothing was sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gopher://127.0.0.1:%d/_stats", "ftp://127.0.0.1:%d/keys", "ws://127.0.0.1:%d/key"})
    void aRedirectToAnotherSchemeIsRefusedBeforeARequestIsBuilt(String target) {
        REMOTE.stubFor(get(urlEqualTo("/key")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", String.format(target, REMOTE.getPort()))));
        // Even with a check that lets every address through, the client itself allows http(s) only.
        try (ActivityPubClient anything = loopbackClient().addressCheck(uri -> { })
                .instanceSigner(new HttpSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate())).build()) {
            FetchException e = assertThrows(FetchException.class, () -> anything.fetchDocument(URI.create(origin() + "/key")));
            assertEquals(FetchException.Reason.FORBIDDEN_ADDRESS, e.reason(), e.getMessage());
            assertThrows(ForbiddenAddressException.class, () -> anything.post(
                    URI.create(String.format(target, REMOTE.getPort())), new byte[0],
                    new HttpSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate())));
        }
        assertEquals(1, REMOTE.getAllServeEvents().size(), "only the first hop was requested");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gopher://127.0.0.1:%d/_stats", "ftp://127.0.0.1:%d/keys", "ws://127.0.0.1:%d/key",
        "https:/no-host", "https://under_score.example/inbox"})
    void doubleKnockingRefusesOtherSchemesAndHostlessUrlsBeforeARequestIsBuilt(String target) {
        REMOTE.stubFor(get(urlEqualTo("/key")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", String.format(target, REMOTE.getPort()))));
        ActorSigner signer = new ActorSigner(INSTANCE_KEY_ID, INSTANCE_KEYS.getPrivate());
        try (ActivityPubClient anything = loopbackClient().addressCheck(uri -> { }).instanceSigner(signer).build()) {
            FetchException e = assertThrows(FetchException.class, () -> anything.fetchDocument(URI.create(origin() + "/key")));
            assertTrue(Set.of(FetchException.Reason.FORBIDDEN_ADDRESS, FetchException.Reason.INVALID_URI).contains(e.reason()),
                    e.getMessage());
            // A refused URL is a refused delivery (given up), never an IllegalArgumentException out of the worker.
            assertThrows(ForbiddenAddressException.class, () -> anything.post(
                    URI.create(String.format(target, REMOTE.getPort())), new byte[0], signer));
        }
        assertEquals(1, REMOTE.getAllServeEvents().size(), "only the first hop was requested");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data/", "https://localhost:%d/private",
        "http://127.0.0.1:%d/private"})
    void checksEveryRedirectHop(String privateTarget) {
        URI start = URI.create(origin() + "/start");
        REMOTE.stubFor(get(urlEqualTo("/start")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", String.format(privateTarget, REMOTE.getPort()))));
        serve("/private", AP_JSON, note(origin() + "/private"));
        AddressGuard strict = new AddressGuard(false);
        // The loopback start URL stands in for a public server; every other hop gets the real rules.
        AddressCheck startCountsAsPublic = uri -> {
            if (!uri.equals(start)) {
                strict.check(uri);
            }
        };
        try (ActivityPubClient guarded = loopbackClient().addressCheck(startCountsAsPublic).build()) {
            FetchException e = assertThrows(FetchException.class, () -> guarded.fetchObject(start));
            assertEquals(FetchException.Reason.FORBIDDEN_ADDRESS, e.reason());
        }
        REMOTE.verify(0, getRequestedFor(urlEqualTo("/private")));
    }
}
