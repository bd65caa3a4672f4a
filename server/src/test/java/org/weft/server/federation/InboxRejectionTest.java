package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/** Every way a delivery can be bad gets a clear status and leaves nothing behind. */
class InboxRejectionTest {
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static URI inbox;
    private static String follow;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of("WEFT_INBOX_MAX_BYTES", "65536"));
        weft.server().localActors().createGroup("block3", "Block 3", null);
        mastodon = new MastodonPeer(weft.base());
        inbox = URI.create(weft.base() + "/inbox");
        follow = mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", weft.base() + "/groups/block3");
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @BeforeEach
    void forgetPreviousRequests() {
        mastodon.wireMock().resetRequests();
    }

    @Test
    void unsignedPostIsRefused() {
        HttpResponse<String> r = TestHttp.send(HttpRequest.newBuilder(inbox).header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString(follow)).build());
        assertRefused(r, 401, "MISSING");
    }

    @Test
    void wrongDigestIsRefused() {
        byte[] body = follow.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = mastodon.send(
                signedRequest(body, ZonedDateTime.now(), "SHA-256=" + "A".repeat(43) + "=").build());
        assertRefused(r, 401, "DIGEST_MISMATCH");
    }

    @Test
    void bodyChangedAfterSigningIsRefused() {
        byte[] signedBody = follow.getBytes(StandardCharsets.UTF_8);
        String tampered = follow.replace("Follow", "Block");
        HttpRequest request = signedRequest(signedBody, ZonedDateTime.now(), null)
                .POST(HttpRequest.BodyPublishers.ofString(tampered)).build();
        assertRefused(mastodon.send(request), 401, "DIGEST_MISMATCH");
    }

    @Test
    void staleDateIsRefused() {
        HttpResponse<String> r = mastodon.deliver(inbox, follow.getBytes(StandardCharsets.UTF_8),
                ZonedDateTime.now().minusHours(2), MastodonPeer.rosaKey(), mastodon.rosa() + "#main-key");
        assertRefused(r, 401, "DATE_OUT_OF_WINDOW");
    }

    @Test
    void futureDateIsRefused() {
        HttpResponse<String> r = mastodon.deliver(inbox, follow.getBytes(StandardCharsets.UTF_8),
                ZonedDateTime.now().plusHours(3), MastodonPeer.rosaKey(), mastodon.rosa() + "#main-key");
        assertRefused(r, 401, "DATE_OUT_OF_WINDOW");
    }

    @Test
    void signerWhoIsNotTheActorIsRefused() {
        mastodon.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/users/mallory")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/activity+json")
                        .withBody(mastodon.fixture("mastodon/actor.json").replace("/users/rosa", "/users/mallory"))));
        // Mallory signs (with a valid key of her own) an activity that claims to be rosa's.
        HttpResponse<String> r = mastodon.deliver(inbox, follow.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                MastodonPeer.rosaKey(), mastodon.origin() + "/users/mallory#main-key");
        assertRefused(r, 401, "activity's actor is");
    }

    @Test
    void unknownKeyIsRefused() {
        HttpResponse<String> r = mastodon.deliver(inbox, follow.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                MastodonPeer.rosaKey(), mastodon.origin() + "/users/nobody#main-key");
        assertRefused(r, 401, "UNKNOWN_KEY");
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = follow.replace("\"type\"", "\"padding\": \"" + "x".repeat(70_000) + "\", \"type\"");
        assertRefused(mastodon.deliver(inbox, huge), 413, "larger than");
    }

    /** Without a Content-Length (chunked), the body is read up to the limit and refused past it. */
    @Test
    void oversizedChunkedBodyIsRefused() {
        byte[] huge = follow.replace("\"type\"", "\"padding\": \"" + "x".repeat(70_000) + "\", \"type\"")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = signedRequest(huge, ZonedDateTime.now(), null)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build();
        assertRefused(mastodon.send(chunked), 413, "larger than");
    }

    /** A sender that declares more than it sends (cut off, or lying) gets a 400, and nothing is stored. */
    @Test
    void bodyShorterThanItsContentLengthIsRefused() throws Exception {
        byte[] part = follow.substring(0, 100).getBytes(StandardCharsets.UTF_8);
        String head = "POST /inbox HTTP/1.1\r\nHost: " + inbox.getHost() + ":" + inbox.getPort()
                + "\r\nContent-Type: application/activity+json\r\nContent-Length: 500\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket(inbox.getHost(), inbox.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(part);
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
        assertEquals(0, countInbound(null), "nothing stored");
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused(mastodon.deliver(inbox, "{\"type\": \"Follow\", "), 400, "Not a usable activity");
    }

    @Test
    void documentWithoutTheActivityStreamsContextIsRefused() {
        String unknownContext = follow.replace("\"https://www.w3.org/ns/activitystreams\"", "\"https://unknown.example/ns\"");
        assertRefused(mastodon.deliver(inbox, unknownContext), 400, "Not a usable activity");
    }

    @Test
    void activityWithoutIdIsRefused() {
        String noId = follow.replaceFirst("\"id\": \"[^\"]*\",", "");
        assertRefused(mastodon.deliver(inbox, noId), 400, "Not a usable activity");
    }

    @Test
    void activityIdLongerThanTheColumnIsRefused() {
        String longId = follow.replaceFirst("\"id\": \"([^\"]*)\",", "\"id\": \"$1/" + "x".repeat(700) + "\",");
        assertRefused(mastodon.deliver(inbox, longId), 400, "longer than 700");
    }

    @Test
    void wrongContentTypeIsRefused() {
        HttpResponse<String> r = TestHttp.send(HttpRequest.newBuilder(inbox).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(follow)).build());
        assertRefused(r, 415, "application/activity+json");
    }

    @Test
    void redeliveryIsStoredOnceAndUnknownTypesAreAcceptedButIgnored() {
        String like = mastodon.fixture("mastodon/follow.json").replace("\"Follow\"", "\"Wave\"")
                .replace("7d3b2f10", "0000aaaa");
        byte[] body = like.getBytes(StandardCharsets.UTF_8);
        assertEquals(202, mastodon.deliver(inbox, body, ZonedDateTime.now().minusSeconds(1), mastodon.key(), mastodon.keyId())
                .statusCode());
        // A redelivery is signed anew (a later Date): the very same signature twice would be a replay.
        assertEquals(202, mastodon.deliver(inbox, body, ZonedDateTime.now(), mastodon.key(), mastodon.keyId()).statusCode());
        WaitFor.condition("the Wave is processed", () -> countInbound(InboundActivityEntity.State.DONE) == 1);
        assertEquals(1, countInbound(null));
        weft.server().db().run(s -> s.createMutationQuery("delete from InboundActivityEntity").executeUpdate());
    }

    private HttpRequest.Builder signedRequest(byte[] body, ZonedDateTime date, String digestOverride) {
        // Sign like MastodonPeer.deliver, but let the test send a different Digest header than was signed.
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("host", inbox.getHost() + ":" + inbox.getPort());
        headers.put("date", org.weft.server.testing.IndependentSignatures.httpDate(date));
        headers.put("digest",
                digestOverride == null ? org.weft.server.testing.IndependentSignatures.digest(body) : digestOverride);
        headers.put("content-type", "application/activity+json");
        String signature = org.weft.server.testing.IndependentSignatures.sign("POST", inbox.getRawPath(), headers,
                MastodonPeer.SIGNED_HEADERS, mastodon.rosa() + "#main-key", MastodonPeer.rosaKey());
        return HttpRequest.newBuilder(inbox).header("Date", headers.get("date")).header("Digest", headers.get("digest"))
                .header("Content-Type", "application/activity+json").header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        String error = TestHttp.json(response.body()).path("error").asText();
        assertTrue(error.contains(reason), "error names the reason (" + reason + "): " + error);
        assertEquals(0, countInbound(null), "nothing stored");
        long follows = weft.server().db().inTransaction(s ->
                s.createSelectionQuery("select count(*) from FollowEntity", Long.class).getSingleResult());
        assertEquals(0, follows);
    }

    private static long countInbound(InboundActivityEntity.State state) {
        return weft.server().db().inTransaction(s -> state == null
                ? s.createSelectionQuery("select count(*) from InboundActivityEntity", Long.class).getSingleResult()
                : s.createSelectionQuery("select count(*) from InboundActivityEntity where state = :s", Long.class)
                        .setParameter("s", state).getSingleResult());
    }
}
