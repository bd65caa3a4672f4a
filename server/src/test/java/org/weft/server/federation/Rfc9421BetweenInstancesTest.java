package org.weft.server.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureScheme;
import org.weft.server.model.Audience;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Two Weft instances talk RFC 9421 to each other. Each one's public address is a recording proxy in front of it
 * (WireMock, passing {@code Host} on unchanged), so the test sees every request on the wire: each delivery is one POST
 * signed with RFC 9421 and taken at the first knock, its signature checked here with the sender's published key;
 * signed fetches go out in draft-cavage (what a fetch starts with) and are taken too; nothing needs remembering.
 */
class Rfc9421BetweenInstancesTest {

    @Test
    void deliveriesBetweenTwoInstancesAreSignedWithRfc9421AndTakenAtTheFirstKnock() throws Exception {
        try (Tapped a = Tapped.start(); Tapped b = Tapped.start()) {
            a.weft().server().localActors().createMember("amina", "Amina", "correct horse battery", false);
            b.weft().server().localActors().createGroup("block3", "Block 3", "Neighbours helping neighbours");
            b.weft().server().localActors().createMember("nadia", "Nadia", "a long enough password", false);

            String group = a.weft().server().follows().follow("amina", "@block3@" + b.weft().domain());
            String amina = a.weft().base() + "/users/amina";
            WaitFor.condition("B lists amina among block3's followers",
                    () -> TestHttp.activityJson(group + "/followers").path("totalItems").asInt() == 1);
            WaitFor.condition("A received the Accept", () -> !inboxPosts(a).isEmpty());
            b.weft().server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.OFFER).title("Two bags of winter clothes").description("Near the garden.")
                    .categories("clothing").audience(Audience.PUBLIC).build());
            WaitFor.condition("the community's Announce reached A", () -> inboxPosts(a).size() == 2);
            WaitFor.deliveriesDrained(a.weft());
            WaitFor.deliveriesDrained(b.weft());

            // B's side of the wire: amina's Follow, RFC 9421, signed by amina, one request.
            List<LoggedRequest> toB = inboxPosts(b);
            assertEquals(1, toB.size(), "one request for one delivery");
            assertSignedWithRfc9421(toB.get(0), amina, publicKey(amina));
            // A's side: block3's Accept and its Announce of the offer, each RFC 9421, each taken at once.
            List<LoggedRequest> toA = inboxPosts(a);
            assertEquals(List.of("Accept", "Announce"), toA.stream()
                    .map(r -> TestHttp.json(r.getBodyAsString()).path("type").asText()).toList());
            for (LoggedRequest delivery : toA) {
                assertSignedWithRfc9421(delivery, group, publicKey(group));
            }
            assertTrue(everyInboxPostWasTaken(a) && everyInboxPostWasTaken(b), "no 401, no second knock");

            // Signed fetches start with draft-cavage and are taken too.
            List<LoggedRequest> signedFetches = signedGets(a);
            signedFetches.addAll(signedGets(b));
            assertFalse(signedFetches.isEmpty(), "the instances fetched each other's actors signed");
            for (LoggedRequest fetch : signedFetches) {
                assertEquals(SignatureScheme.DRAFT_CAVAGE, FediversePeer.schemeOf(fetch), fetch.getUrl());
            }
            assertEquals(0L, rememberedHosts(a) + rememberedHosts(b));
        }
    }

    private static void assertSignedWithRfc9421(LoggedRequest delivery, String actor, PublicKey key) {
        assertEquals(SignatureScheme.RFC_9421, FediversePeer.schemeOf(delivery));
        assertFalse(delivery.containsHeader("Digest"), "RFC 9421 only: Content-Digest, no draft Digest");
        assertEquals(actor + "#main-key", IndependentRfc9421.keyIdOf(delivery::getHeader));
        assertEquals(IndependentRfc9421.MASTODON_POST, IndependentRfc9421.components(delivery.getHeader("Signature-Input")));
        assertEquals(IndependentRfc9421.contentDigest(delivery.getBody()), delivery.getHeader("Content-Digest"));
        assertTrue(IndependentRfc9421.verify("POST", URI.create(delivery.getAbsoluteUrl()), delivery::getHeader,
                delivery.getHeader("Signature-Input"), delivery.getHeader("Signature"), key), "verifies with " + actor);
    }

    /** Inbox POSTs that reached an instance through its proxy, oldest first. */
    private static List<LoggedRequest> inboxPosts(Tapped instance) {
        return events(instance).stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().endsWith("inbox")).toList();
    }

    private static boolean everyInboxPostWasTaken(Tapped instance) {
        return events(instance).stream().filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .allMatch(e -> e.getResponse().getStatus() == 202);
    }

    private static List<LoggedRequest> signedGets(Tapped instance) {
        return new java.util.ArrayList<>(events(instance).stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals("GET") && r.containsHeader("Signature")).toList());
    }

    private static List<ServeEvent> events(Tapped instance) {
        return instance.tap().getAllServeEvents().reversed();
    }

    private static long rememberedHosts(Tapped instance) {
        return instance.weft().server().db().inTransaction(s -> s.createNativeQuery(
                "SELECT COUNT(*) FROM signature_scheme_host", Long.class).getSingleResult());
    }

    private static PublicKey publicKey(String actor) throws Exception {
        JsonNode document = TestHttp.activityJson(actor);
        String pem = document.path("publicKey").path("publicKeyPem").asText()
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    /** A Weft instance whose public address is a recording proxy. */
    private record Tapped(WireMockServer tap, TestServers.Instance weft) implements AutoCloseable {
        static Tapped start() {
            WireMockServer tap = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").preserveHostHeader(true));
            tap.start();
            TestServers.Instance weft = TestServers.start(Map.of("WEFT_BASE_URL", "http://localhost:" + tap.port()));
            tap.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + weft.server().port())));
            return new Tapped(tap, weft);
        }

        @Override
        public void close() {
            weft.close();
            tap.stop();
        }
    }
}
