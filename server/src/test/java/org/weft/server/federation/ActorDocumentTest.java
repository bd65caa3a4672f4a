package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * The actor documents of a member, a community and the instance actor, checked against what interop.md §2 says
 * Mastodon and GoToSocial need, and the content negotiation that serves JSON to servers and HTML to browsers.
 */
class ActorDocumentTest {
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final List<String> ACTIVITY_ACCEPTS = List.of("application/activity+json",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", "application/ld+json",
            "application/activity+json, application/ld+json");
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", "Help between neighbours");
        weft.server().localActors().createMember("amina", "Amina K.", "correct horse battery", true);
        weft.server().localActors().createMember("gone", "Gone", "correct horse battery", false);
        weft.server().db().run(s -> ActorRepository.localByUsername(s, "gone").orElseThrow()
                .setDeletedAt(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void aMemberIsAPersonWithEverythingMastodonReads() throws Exception {
        String id = weft.base() + "/users/amina";
        JsonNode actor = fetch(id);
        assertEquals("Person", actor.path("type").asText());
        assertProfileFields(actor, id, "amina", "Amina K.");
        assertTrue(actor.path("manuallyApprovesFollowers").asBoolean(), "amina approves her followers");
        assertTrue(actor.path("attributedTo").isMissingNode(), "only groups name moderators");
    }

    @Test
    void aCommunityIsAGroupWithAModeratorsCollection() throws Exception {
        String id = weft.base() + "/groups/block3";
        JsonNode actor = fetch(id);
        assertEquals("Group", actor.path("type").asText());
        assertProfileFields(actor, id, "block3", "Block 3");
        assertTrue(actor.path("summary").asText().contains("Help between neighbours"));
        assertFalse(actor.path("manuallyApprovesFollowers").asBoolean(), "groups accept follows automatically");
        // FEP-1b12: moderators are the attributedTo collection.
        assertEquals(id + "/moderators", actor.path("attributedTo").asText());
        JsonNode moderators = fetch(id + "/moderators");
        assertEquals("OrderedCollection", moderators.path("type").asText());
        assertEquals(id + "/moderators", moderators.path("id").asText());
        assertEquals(0, moderators.path("totalItems").asLong());
        assertEquals(404, TestHttp.get(weft.base() + "/users/amina/moderators", "application/activity+json").statusCode());
    }

    @Test
    void theInstanceActorIsAnApplicationNamedAfterTheDomain() throws Exception {
        String id = weft.base() + "/actor";
        // Fetched unsigned, as any server resolving a signature's keyId does.
        HttpResponse<String> response = TestHttp.get(id, "application/activity+json");
        assertEquals(200, response.statusCode(), response.body());
        assertActivityContentType(response);
        JsonNode actor = TestHttp.json(response.body());
        assertEquals(id, actor.path("id").asText());
        assertEquals("Application", actor.path("type").asText());
        assertEquals(weft.domain(), actor.path("preferredUsername").asText());
        assertEquals(id + "/inbox", actor.path("inbox").asText());
        assertEquals(weft.base() + "/inbox", actor.path("endpoints").path("sharedInbox").asText());
        assertTrue(actor.path("manuallyApprovesFollowers").asBoolean());
        assertContext(actor);
        assertKey(actor, id);
        JsonNode outbox = fetch(actor.path("outbox").asText());
        assertEquals(id + "/outbox", outbox.path("id").asText());
        assertEquals("OrderedCollection", outbox.path("type").asText());
        assertEquals(0, outbox.path("totalItems").asLong());
    }

    @Test
    void everyActivityPubAcceptGetsJsonWithTheActivityContentType() {
        for (String path : List.of("/users/amina", "/groups/block3")) {
            for (String accept : ACTIVITY_ACCEPTS) {
                HttpResponse<String> response = TestHttp.get(weft.base() + path, accept);
                assertEquals(200, response.statusCode(), accept);
                assertActivityContentType(response);
                assertEquals(weft.base() + path, TestHttp.json(response.body()).path("id").asText(), accept);
                assertTrue(varyAccept(response), path + " " + accept + ": " + response.headers().map());
            }
        }
    }

    @Test
    void browsersGetTheProfilePage() {
        for (String path : List.of("/users/amina", "/groups/block3")) {
            HttpResponse<String> response = TestHttp.get(weft.base() + path, BROWSER_ACCEPT);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().startsWith("<!DOCTYPE html>"), response.body());
            assertTrue(varyAccept(response), response.headers().map().toString());
        }
    }

    @Test
    void unknownActorsAre404AndDeletedOnes410() {
        for (String accept : List.of("application/activity+json", BROWSER_ACCEPT)) {
            assertEquals(404, TestHttp.get(weft.base() + "/users/nobody", accept).statusCode());
            assertEquals(404, TestHttp.get(weft.base() + "/groups/amina", accept).statusCode(), "amina is no group");
            assertEquals(410, TestHttp.get(weft.base() + "/users/gone", accept).statusCode());
        }
        assertEquals(404, TestHttp.get(weft.base() + "/users/gone/followers", "application/activity+json").statusCode());
    }

    private static void assertProfileFields(JsonNode actor, String id, String username, String name) throws Exception {
        assertEquals(id, actor.path("id").asText(), "the id is the URL fetched, byte for byte");
        assertContext(actor);
        assertEquals(id + "/inbox", actor.path("inbox").asText());
        assertEquals(id + "/outbox", actor.path("outbox").asText());
        assertEquals(id + "/followers", actor.path("followers").asText());
        assertEquals(id + "/following", actor.path("following").asText());
        assertEquals(id + "/featured", actor.path("featured").asText());
        assertEquals(weft.base() + "/inbox", actor.path("endpoints").path("sharedInbox").asText());
        assertKey(actor, id);
        assertEquals(username, actor.path("preferredUsername").asText());
        assertEquals(name, actor.path("name").asText());
        assertTrue(actor.path("summary").isTextual());
        assertEquals(id, actor.path("url").asText(), "url on the same host as id, or Mastodon drops it");
        assertTrue(actor.path("manuallyApprovesFollowers").isBoolean());
        assertTrue(actor.path("discoverable").isBoolean());
        Instant published = Instant.parse(actor.path("published").asText());
        assertTrue(published.isBefore(Instant.now().plusSeconds(1)));
        for (String collection : List.of("outbox", "followers", "following", "featured")) {
            assertEquals("OrderedCollection", fetch(actor.path(collection).asText()).path("type").asText(), collection);
        }
    }

    private static void assertContext(JsonNode actor) {
        JsonNode context = actor.path("@context");
        assertTrue(context.isArray(), context.toString());
        assertEquals("https://www.w3.org/ns/activitystreams", context.path(0).asText());
        assertEquals("https://w3id.org/security/v1", context.path(1).asText());
        JsonNode terms = context.path(2);
        assertEquals("http://joinmastodon.org/ns#", terms.path("toot").asText());
        assertEquals("toot:discoverable", terms.path("discoverable").asText());
        assertEquals("toot:featured", terms.path("featured").path("@id").asText());
        assertEquals("as:manuallyApprovesFollowers", terms.path("manuallyApprovesFollowers").asText());
        assertEquals("as:alsoKnownAs", terms.path("alsoKnownAs").path("@id").asText());
    }

    private static void assertKey(JsonNode actor, String id) throws Exception {
        JsonNode key = actor.path("publicKey");
        assertEquals(id + "#main-key", key.path("id").asText());
        assertEquals(id, key.path("owner").asText());
        String pem = key.path("publicKeyPem").asText();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), "SPKI, not PKCS#1: " + pem);
        assertTrue(pem.strip().endsWith("-----END PUBLIC KEY-----"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        assertTrue(rsa.getModulus().bitLength() >= 2048, "key of " + rsa.getModulus().bitLength() + " bits");
    }

    static JsonNode fetch(String uri) {
        return TestHttp.activityJson(uri);
    }

    static void assertActivityContentType(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.equals("application/activity+json") || type.startsWith("application/activity+json;"), type);
    }

    static boolean varyAccept(HttpResponse<String> response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(v -> v.strip().equalsIgnoreCase("Accept"));
    }
}
