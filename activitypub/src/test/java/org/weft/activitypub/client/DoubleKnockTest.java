package org.weft.activitypub.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.activitypub.delivery.DeliveryOutcome;
import org.weft.activitypub.delivery.InboxPoster;
import org.weft.activitypub.delivery.OutcomeClassifier;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.ActorSigner;
import org.weft.activitypub.signature.AnySchemeVerifier;
import org.weft.activitypub.signature.ExpectedHost;
import org.weft.activitypub.signature.IncomingRequest;
import org.weft.activitypub.signature.KeyResolver;
import org.weft.activitypub.signature.Rfc9421Verifier;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.activitypub.signature.SeenSignatures;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.SignatureScheme;
import org.weft.activitypub.signature.SignatureVerifier;

/**
 * Double-knocking against remote servers that really check signatures: each WireMock server answers 202
 * (or 200) only to a request whose signature Weft's verifiers accept in the schemes that server takes, and
 * 401 to everything else. Requests are counted on the servers.
 */
class DoubleKnockTest {

    @RegisterExtension
    static final WireMockExtension RFC_ONLY = server();
    @RegisterExtension
    static final WireMockExtension DRAFT_ONLY = server();
    @RegisterExtension
    static final WireMockExtension BOTH = server();

    private static final KeyPair KEYS = RsaKeys.generate();
    private static final String AMINA = "https://camp.weft.test/users/amina";
    private static final String KEY_ID = AMINA + "#main-key";
    private static final ActorSigner SIGNER = new ActorSigner(KEY_ID, KEYS.getPrivate());
    private static final KeyResolver RESOLVER = (keyId, refresh) ->
            keyId.equals(KEY_ID) ? Optional.of(new ActorKey(KEY_ID, AMINA, KEYS.getPublic())) : Optional.empty();
    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");
    private static final byte[] ACTIVITY = ("{\"@context\":\"https://www.w3.org/ns/activitystreams\","
            + "\"id\":\"https://camp.weft.test/activities/1\",\"type\":\"Create\",\"actor\":\"" + AMINA + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final MovableClock CLOCK = new MovableClock();

    private final InMemorySchemeMemory memory = new InMemorySchemeMemory();
    private ActivityPubClient client = client(memory, new AddressGuard(true));
    private InboxPoster poster = new InboxPoster(client, new OutcomeClassifier());

    private static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    private static ActivityPubClient client(SchemeMemory memory, AddressCheck check) {
        return ActivityPubClient.builder("Weft/0.1 (+https://camp.weft.test/)")
                .addressCheck(check)
                .instanceSigner(SIGNER)
                .schemeMemory(memory)
                .clock(CLOCK)
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        CLOCK.now = NOW;
    }

    /** The inbox of a server that answers 202 to a valid signature in one of the given schemes, 401 otherwise. */
    private static URI inbox(WireMockExtension server, SignatureScheme... accepted) {
        server.stubFor(post(urlEqualTo("/inbox")).atPriority(1).andMatching(validSignature(server, accepted))
                .willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlEqualTo("/inbox")).atPriority(9).willReturn(aResponse().withStatus(401)));
        return URI.create(server.baseUrl() + "/inbox");
    }

    private static ValueMatcher<Request> validSignature(WireMockExtension server, SignatureScheme... accepted) {
        return request -> MatchResult.of(verifies(request, server, accepted));
    }

    private static boolean verifies(Request request, WireMockExtension server, SignatureScheme... accepted) {
        IncomingRequest incoming = incoming(request);
        if (!List.of(accepted).contains(AnySchemeVerifier.schemeOf(incoming))) {
            return false;
        }
        // A fresh replay cache for each check: WireMock may match one request against a stub more than once.
        ExpectedHost origin = ExpectedHost.of(URI.create(server.baseUrl()));
        SeenSignatures seen = new SeenSignatures();
        AnySchemeVerifier verifier = new AnySchemeVerifier(new SignatureVerifier(RESOLVER, CLOCK, origin, seen)::verify,
                new Rfc9421Verifier(RESOLVER, CLOCK, origin, seen));
        try {
            return verifier.verify(incoming).isSignedBy(AMINA);
        } catch (SignatureException e) {
            return false;
        }
    }

    private static IncomingRequest incoming(Request request) {
        URI url = URI.create(request.getUrl());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new IncomingRequest(request.getMethod().getName(), url.getRawPath(), url.getRawQuery(), headers,
                request.getBody());
    }

    /** The schemes of the requests a server received, oldest first. */
    private static List<SignatureScheme> received(WireMockExtension server) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events); // WireMock lists the newest first
        List<SignatureScheme> schemes = new ArrayList<>();
        for (ServeEvent event : events) {
            schemes.add(AnySchemeVerifier.schemeOf(incoming(event.getRequest())));
        }
        return schemes;
    }

    private static String host(WireMockExtension server) {
        return SchemeMemory.hostOf(URI.create(server.baseUrl()));
    }

    @Test
    void aServerTakingRfc9421GetsOneRequestPerDeliveryAndCostsNoMemoryWrite() {
        URI inbox = inbox(RFC_ONLY, SignatureScheme.RFC_9421);

        for (int i = 0; i < 3; i++) {
            assertInstanceOf(DeliveryOutcome.Delivered.class, poster.deliver(inbox, ACTIVITY, SIGNER));
        }

        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.RFC_9421, SignatureScheme.RFC_9421), received(RFC_ONLY));
        assertEquals(0, memory.size());
    }

    @Test
    void aServerTakingBothGetsRfc9421Once() throws Exception {
        URI inbox = inbox(BOTH, SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE);

        PostResult result = client.post(inbox, ACTIVITY, SIGNER);

        assertEquals(202, result.status());
        assertEquals(SignatureScheme.RFC_9421, result.scheme());
        assertEquals(1, result.knocks());
        assertEquals(List.of(SignatureScheme.RFC_9421), received(BOTH));
    }

    @Test
    void aDraftOnlyServerCostsOneExtraRequestTheFirstTimeAndNoneAfter() throws Exception {
        URI inbox = inbox(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);

        PostResult first = client.post(inbox, ACTIVITY, SIGNER);
        assertEquals(202, first.status());
        assertEquals(SignatureScheme.DRAFT_CAVAGE, first.scheme());
        assertEquals(2, first.knocks());
        assertEquals(Optional.of(new SchemeMemory.Remembered(SignatureScheme.DRAFT_CAVAGE, NOW)),
                memory.recall(host(DRAFT_ONLY)));

        assertInstanceOf(DeliveryOutcome.Delivered.class, poster.deliver(inbox, ACTIVITY, SIGNER));
        assertInstanceOf(DeliveryOutcome.Delivered.class, poster.deliver(inbox, ACTIVITY, SIGNER));

        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE, SignatureScheme.DRAFT_CAVAGE,
                SignatureScheme.DRAFT_CAVAGE), received(DRAFT_ONLY));
    }

    @Test
    void rfc9421IsTriedAgainOnADraftOnlyServerAfterADay() throws Exception {
        URI inbox = inbox(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);
        memory.remember(host(DRAFT_ONLY), SignatureScheme.DRAFT_CAVAGE, NOW);

        CLOCK.now = NOW.plus(Duration.ofHours(23));
        assertEquals(1, client.post(inbox, ACTIVITY, SIGNER).knocks());
        CLOCK.now = NOW.plus(Duration.ofHours(25));
        assertEquals(2, client.post(inbox, ACTIVITY, SIGNER).knocks());

        assertEquals(List.of(SignatureScheme.DRAFT_CAVAGE, SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE),
                received(DRAFT_ONLY));
        assertEquals(Optional.of(new SchemeMemory.Remembered(SignatureScheme.DRAFT_CAVAGE, CLOCK.now)),
                memory.recall(host(DRAFT_ONLY)), "the probe's failure starts another day of draft-cavage");
    }

    @Test
    void aServerThatMovedToRfc9421IsRememberedAsSuch() throws Exception {
        URI inbox = inbox(RFC_ONLY, SignatureScheme.RFC_9421);
        memory.remember(host(RFC_ONLY), SignatureScheme.DRAFT_CAVAGE, NOW);

        PostResult result = client.post(inbox, ACTIVITY, SIGNER);
        client.post(inbox, ACTIVITY, SIGNER);

        assertEquals(2, result.knocks());
        assertEquals(List.of(SignatureScheme.DRAFT_CAVAGE, SignatureScheme.RFC_9421, SignatureScheme.RFC_9421),
                received(RFC_ONLY));
        assertEquals(SignatureScheme.RFC_9421, memory.recall(host(RFC_ONLY)).orElseThrow().scheme());
    }

    @Test
    void aDraftOnlyHostThatNowTakesRfc9421IsForgottenAfterTheDay() throws Exception {
        URI inbox = inbox(BOTH, SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE);
        memory.remember(host(BOTH), SignatureScheme.DRAFT_CAVAGE, NOW);

        CLOCK.now = NOW.plus(Duration.ofHours(25));
        assertEquals(1, client.post(inbox, ACTIVITY, SIGNER).knocks());

        assertEquals(List.of(SignatureScheme.RFC_9421), received(BOTH));
        assertTrue(memory.recall(host(BOTH)).isEmpty(), "it takes RFC 9421 again: nothing left to remember");
    }

    @Test
    void theMemoryOutlivesTheClient() throws Exception {
        URI inbox = inbox(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);
        client.post(inbox, ACTIVITY, SIGNER);
        client.close();

        client = client(memory, new AddressGuard(true));
        assertEquals(1, client.post(inbox, ACTIVITY, SIGNER).knocks());

        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE, SignatureScheme.DRAFT_CAVAGE),
                received(DRAFT_ONLY));
    }

    @Test
    void whenBothSchemesAreRefusedTheSecond401CountsAndNothingIsLearned() {
        BOTH.stubFor(post(urlEqualTo("/closed")).willReturn(aResponse().withStatus(401)));

        DeliveryOutcome outcome = poster.deliver(URI.create(BOTH.baseUrl() + "/closed"), ACTIVITY, SIGNER);

        assertEquals(new DeliveryOutcome.Retry(401, "HTTP 401", Optional.empty()), outcome);
        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE), received(BOTH));
        assertEquals(0, memory.size());
    }

    @Test
    void onlyA400Or401CallsForASecondKnock() throws Exception {
        BOTH.stubFor(post(urlEqualTo("/bad")).willReturn(aResponse().withStatus(400)));
        BOTH.stubFor(post(urlEqualTo("/forbidden")).willReturn(aResponse().withStatus(403)));
        BOTH.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));

        assertEquals(2, client.post(URI.create(BOTH.baseUrl() + "/bad"), ACTIVITY, SIGNER).knocks());
        assertEquals(1, client.post(URI.create(BOTH.baseUrl() + "/forbidden"), ACTIVITY, SIGNER).knocks());
        assertEquals(1, client.post(URI.create(BOTH.baseUrl() + "/broken"), ACTIVITY, SIGNER).knocks());
        assertEquals(4, BOTH.getAllServeEvents().size());
    }

    @Test
    void theAddressCheckGuardsTheSecondKnockToo() {
        URI inbox = inbox(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);
        AtomicInteger checks = new AtomicInteger();
        AddressGuard loopback = new AddressGuard(true);
        client.close();
        // Passes the first look-up, refuses the second, as a host whose DNS answer changed in between.
        client = client(memory, uri -> {
            if (checks.incrementAndGet() > 1) {
                throw new ForbiddenAddressException(uri.getHost() + " now resolves to an internal address");
            }
            loopback.check(uri);
        });
        poster = new InboxPoster(client, new OutcomeClassifier());

        DeliveryOutcome outcome = poster.deliver(inbox, ACTIVITY, SIGNER);

        assertInstanceOf(DeliveryOutcome.GiveUp.class, outcome);
        assertEquals(2, checks.get());
        assertEquals(List.of(SignatureScheme.RFC_9421), received(DRAFT_ONLY), "the second knock never left");
    }

    @Test
    void anAcceptSignatureInA401IsHonouredWithRfc9421InTheShapeAskedFor() throws Exception {
        String asked = "sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"content-length\");created;nonce=\"n-1\"";
        BOTH.stubFor(post(urlEqualTo("/asking")).atPriority(1)
                .andMatching(request -> MatchResult.of(verifies(request, BOTH, SignatureScheme.RFC_9421)
                        && request.getHeader("Signature-Input").contains("\"content-length\")")
                        && request.getHeader("Signature-Input").contains(";nonce=\"n-1\"")))
                .willReturn(aResponse().withStatus(202)));
        BOTH.stubFor(post(urlEqualTo("/asking")).atPriority(9)
                .willReturn(aResponse().withStatus(401).withHeader("Accept-Signature", asked)));

        PostResult result = client.post(URI.create(BOTH.baseUrl() + "/asking"), ACTIVITY, SIGNER);

        assertEquals(202, result.status());
        assertEquals(SignatureScheme.RFC_9421, result.scheme());
        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.RFC_9421), received(BOTH),
                "re-signed as asked instead of falling back to draft-cavage");
    }

    @Test
    void anAcceptSignatureThisKeyCannotMeetFallsBackToDraftCavage() throws Exception {
        BOTH.stubFor(post(urlEqualTo("/pss")).atPriority(1)
                .andMatching(validSignature(BOTH, SignatureScheme.DRAFT_CAVAGE)).willReturn(aResponse().withStatus(202)));
        BOTH.stubFor(post(urlEqualTo("/pss")).atPriority(9).willReturn(aResponse().withStatus(401)
                .withHeader("Accept-Signature", "sig1=(\"@method\" \"@target-uri\");created;alg=\"rsa-pss-sha512\"")));

        PostResult result = client.post(URI.create(BOTH.baseUrl() + "/pss"), ACTIVITY, SIGNER);

        assertEquals(202, result.status());
        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE), received(BOTH));
    }

    @Test
    void signedFetchesKnockWithDraftCavageFirstAndCostNothingWhereItIsTaken() throws Exception {
        String actorUrl = serveActor(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);
        String bothUrl = serveActor(BOTH, SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE);

        assertEquals(actorUrl, client.fetchObject(URI.create(actorUrl)).get("id").asText());
        assertEquals(bothUrl, client.fetchObject(URI.create(bothUrl)).get("id").asText());

        assertEquals(List.of(SignatureScheme.DRAFT_CAVAGE), received(DRAFT_ONLY));
        assertEquals(List.of(SignatureScheme.DRAFT_CAVAGE), received(BOTH));
        assertEquals(0, memory.size());
    }

    @Test
    void aFetchFromAServerThatDroppedDraftCavageFallsBackToRfc9421AndRemembersIt() throws Exception {
        String actorUrl = serveActor(RFC_ONLY, SignatureScheme.RFC_9421);

        assertEquals(actorUrl, client.fetchObject(URI.create(actorUrl)).get("id").asText());
        assertEquals(actorUrl, client.fetchObject(URI.create(actorUrl)).get("id").asText());

        assertEquals(List.of(SignatureScheme.DRAFT_CAVAGE, SignatureScheme.RFC_9421, SignatureScheme.RFC_9421),
                received(RFC_ONLY));
        assertEquals(Optional.of(new SchemeMemory.Remembered(SignatureScheme.RFC_9421, NOW)), memory.recall(host(RFC_ONLY)));
    }

    @Test
    void aHostRememberedFromADeliveryIsFetchedInTheSchemeItTakes() throws Exception {
        URI inbox = inbox(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);
        String actorUrl = serveActor(DRAFT_ONLY, SignatureScheme.DRAFT_CAVAGE);
        client.post(inbox, ACTIVITY, SIGNER);

        client.fetchObject(URI.create(actorUrl));

        assertEquals(List.of(SignatureScheme.RFC_9421, SignatureScheme.DRAFT_CAVAGE, SignatureScheme.DRAFT_CAVAGE),
                received(DRAFT_ONLY));
    }

    /** Serves an actor at /users/rosa to GETs signed in the given schemes (401 otherwise); returns its URL. */
    private static String serveActor(WireMockExtension server, SignatureScheme... accepted) {
        String actorUrl = server.baseUrl() + "/users/rosa";
        server.stubFor(get(urlEqualTo("/users/rosa")).atPriority(1)
                .andMatching(validSignature(server, accepted))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/activity+json")
                        .withBody("{\"id\":\"" + actorUrl + "\",\"type\":\"Person\"}")));
        server.stubFor(get(urlEqualTo("/users/rosa")).atPriority(9).willReturn(aResponse().withStatus(401)));
        return actorUrl;
    }

    /** A clock tests move by hand. */
    private static final class MovableClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
