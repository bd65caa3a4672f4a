package org.weft.activitypub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.client.AddressGuard;
import org.weft.activitypub.client.RecordedRequests;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.Digests;
import org.weft.activitypub.signature.ExpectedHost;
import org.weft.activitypub.signature.HttpSigner;
import org.weft.activitypub.signature.IncomingRequest;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.activitypub.signature.SeenSignatures;
import org.weft.activitypub.signature.SignatureVerifier;
import org.weft.activitypub.signature.VerifiedSignature;

class InboxPosterTest {

    @RegisterExtension
    static final WireMockExtension REMOTE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final KeyPair AMINA_KEYS = RsaKeys.generate();
    private static final String AMINA = "https://camp.weft.test/users/amina";
    private static final HttpSigner AMINA_SIGNER = new HttpSigner(AMINA + "#main-key", AMINA_KEYS.getPrivate());
    private static final byte[] ACTIVITY = ("{\"@context\":\"https://www.w3.org/ns/activitystreams\","
            + "\"id\":\"https://camp.weft.test/activities/1\",\"type\":\"Create\",\"actor\":\"" + AMINA + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final ActivityPubClient client = loopbackClient().build();
    private final InboxPoster poster = new InboxPoster(client, new OutcomeClassifier());

    @AfterEach
    void close() {
        client.close();
    }

    private static ActivityPubClient.Builder loopbackClient() {
        return ActivityPubClient.builder("Weft/0.1 (+https://camp.weft.test/)")
                .addressCheck(new AddressGuard(true))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static URI inbox(String path) {
        return URI.create("http://127.0.0.1:" + REMOTE.getPort() + path);
    }

    private static void answer(String path, int status) {
        REMOTE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
    }

    @Test
    void deliversWithASignatureTheReceiverCanVerify() throws Exception {
        answer("/inbox", 202);

        DeliveryOutcome outcome = poster.deliver(inbox("/inbox"), ACTIVITY, AMINA_SIGNER);

        assertEquals(new DeliveryOutcome.Delivered(202), outcome);
        LoggedRequest received = REMOTE.getAllServeEvents().get(0).getRequest();
        assertArrayEquals(ACTIVITY, received.getBody());
        assertEquals(Digests.sha256Header(ACTIVITY), received.getHeader("Digest"));
        assertEquals("application/activity+json", received.getHeader("Content-Type"));

        IncomingRequest incoming = RecordedRequests.incoming(received);
        ActorKey aminaKey = new ActorKey(AMINA + "#main-key", AMINA, AMINA_KEYS.getPublic());
        SignatureVerifier receiver = new SignatureVerifier((keyId, refresh) -> Optional.of(aminaKey),
                Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), ExpectedHost.of(inbox("/")), new SeenSignatures());
        VerifiedSignature verified = receiver.verify(incoming);
        assertTrue(verified.isSignedBy(AMINA));
        assertEquals(List.of("(request-target)", "host", "date", "digest", "content-type"), verified.signedHeaders());
    }

    @Test
    void serverErrorsAndRateLimitsAreRetried() {
        answer("/busy", 503);
        REMOTE.stubFor(post(urlEqualTo("/limited")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "90")));

        assertInstanceOf(DeliveryOutcome.Retry.class, poster.deliver(inbox("/busy"), ACTIVITY, AMINA_SIGNER));
        DeliveryOutcome.Retry limited = (DeliveryOutcome.Retry) poster.deliver(inbox("/limited"), ACTIVITY, AMINA_SIGNER);
        assertEquals(429, limited.status());
        assertEquals(Optional.of(Duration.ofSeconds(90)), limited.retryAfter());
    }

    @Test
    void goneInboxIsGivenUp() {
        answer("/gone", 410);
        assertEquals(new DeliveryOutcome.GiveUp(410, "HTTP 410"), poster.deliver(inbox("/gone"), ACTIVITY, AMINA_SIGNER));
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nobodyListening = URI.create("http://127.0.0.1:" + closedPort + "/inbox");
        DeliveryOutcome outcome = poster.deliver(nobodyListening, ACTIVITY, AMINA_SIGNER);
        assertInstanceOf(DeliveryOutcome.Retry.class, outcome);
        assertEquals(-1, outcome.status());
    }

    @Test
    void timeoutIsRetried() {
        REMOTE.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(202).withFixedDelay(5_000)));
        DeliveryOutcome outcome;
        try (ActivityPubClient impatient = loopbackClient().requestTimeout(Duration.ofMillis(500)).build()) {
            outcome = new InboxPoster(impatient, new OutcomeClassifier()).deliver(inbox("/slow"), ACTIVITY, AMINA_SIGNER);
        }
        assertInstanceOf(DeliveryOutcome.Retry.class, outcome);
        assertTrue(((DeliveryOutcome.Retry) outcome).reason().contains("Timeout"), outcome.toString());
    }

    @Test
    void privateInboxIsGivenUpWithTheDefaultGuard() {
        try (ActivityPubClient strict = ActivityPubClient.builder("Weft/0.1").build()) {
            DeliveryOutcome outcome = new InboxPoster(strict, new OutcomeClassifier())
                    .deliver(URI.create("https://10.0.0.1/inbox"), ACTIVITY, AMINA_SIGNER);
            assertInstanceOf(DeliveryOutcome.GiveUp.class, outcome);
        }
    }
}
