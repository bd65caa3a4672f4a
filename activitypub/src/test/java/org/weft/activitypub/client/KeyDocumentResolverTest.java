package org.weft.activitypub.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.RsaKeys;

class KeyDocumentResolverTest {

    @RegisterExtension
    static final WireMockExtension REMOTE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublicKey KEY_A = RsaKeys.generate().getPublic();
    private static final PublicKey KEY_B = RsaKeys.generate().getPublic();

    private final ActivityPubClient client = ActivityPubClient.builder("Weft/0.1 (+https://camp.weft.test/)")
            .addressCheck(new AddressGuard(true)).build();
    private final KeyDocumentResolver resolver = new KeyDocumentResolver(client);

    @AfterEach
    void close() {
        client.close();
    }

    private static String origin() {
        return "http://127.0.0.1:" + REMOTE.getPort();
    }

    private static void serve(String path, Object document) {
        REMOTE.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json; charset=utf-8").withBody(document.toString())));
    }

    private static ObjectNode key(String id, String owner, PublicKey key) {
        ObjectNode node = JSON.createObjectNode().put("id", id);
        if (owner != null) {
            node.put("owner", owner);
        }
        return node.put("publicKeyPem", RsaKeys.toPem(key));
    }

    private static ObjectNode actor(String id, Object publicKey) {
        ObjectNode actor = JSON.createObjectNode().put("id", id).put("type", "Person").put("inbox", id + "/inbox");
        actor.set("publicKey", JSON.valueToTree(publicKey));
        return actor;
    }

    @Test
    void resolvesTheMastodonFixtureActor() throws Exception {
        String actor = fixture("fixtures/mastodon/actor.json").replace("https://mastodon.example", origin());
        serve("/users/rosa", actor);
        PublicKey expected = RsaKeys.publicKeyFromPem(fixture("fixtures/keys/mastodon-rosa.pub.pem"));

        ActorKey key = resolver.resolve(origin() + "/users/rosa#main-key", false).orElseThrow();

        assertEquals(origin() + "/users/rosa", key.ownerId());
        assertEquals(origin() + "/users/rosa#main-key", key.keyId());
        assertEquals(expected, key.publicKey());
    }

    @Test
    void picksTheNamedKeyFromAnArray() throws Exception {
        String id = origin() + "/users/multi";
        ArrayNode keys = JSON.createArrayNode().add(key(id + "#main-key", id, KEY_A)).add(key(id + "#second", id, KEY_B));
        serve("/users/multi", actor(id, keys));

        assertEquals(KEY_B, resolver.resolve(id + "#second", false).orElseThrow().publicKey());
        assertEquals(Optional.empty(), resolver.resolve(id + "#third", false));
    }

    @Test
    void followsAGoToSocialStubToItsOwner() throws Exception {
        String id = origin() + "/users/tam";
        String keyId = id + "/main-key";
        serve("/users/tam/main-key", actor(id, key(keyId, id, KEY_A)));
        serve("/users/tam", actor(id, key(keyId, id, KEY_A)));

        ActorKey key = resolver.resolve(keyId, false).orElseThrow();

        assertEquals(id, key.ownerId());
        assertEquals(KEY_A, key.publicKey());
        REMOTE.verify(getRequestedFor(urlEqualTo("/users/tam")));
    }

    @Test
    void acceptsAKeyDocumentItsOwnerLists() throws Exception {
        String owner = origin() + "/users/yan";
        String keyId = origin() + "/keys/1";
        serve("/keys/1", key(keyId, owner, KEY_A));
        serve("/users/yan", actor(owner, JSON.createArrayNode().add(keyId)));

        ActorKey key = resolver.resolve(keyId, false).orElseThrow();
        assertEquals(owner, key.ownerId());
        assertEquals(KEY_A, key.publicKey());
    }

    @Test
    void refusesAKeyDocumentItsClaimedOwnerDoesNotList() throws Exception {
        String victim = origin() + "/users/victim";
        String keyId = origin() + "/keys/forged";
        serve("/keys/forged", key(keyId, victim, KEY_A));
        serve("/users/victim", actor(victim, key(victim + "#main-key", victim, KEY_B)));

        assertEquals(Optional.empty(), resolver.resolve(keyId, false));
    }

    @Test
    void refusesAStubWhoseOwnerListsAnotherKey() throws Exception {
        String victim = origin() + "/users/victim2";
        String keyId = origin() + "/users/attacker/main-key";
        serve("/users/attacker/main-key", actor(victim, key(keyId, victim, KEY_A)));
        serve("/users/victim2", actor(victim, key(victim + "/main-key", victim, KEY_B)));

        assertEquals(Optional.empty(), resolver.resolve(keyId, false));
    }

    @Test
    void refusesAnActorClaimingAKeyOwnedBySomeoneElse() throws Exception {
        String id = origin() + "/users/odd";
        serve("/users/odd", actor(id, key(id + "#main-key", origin() + "/users/other", KEY_A)));
        assertEquals(Optional.empty(), resolver.resolve(id + "#main-key", false));
    }

    @Test
    void goneOrMissingMeansNoKeyButServerErrorsAreThrown() throws Exception {
        REMOTE.stubFor(get(urlEqualTo("/users/gone")).willReturn(aResponse().withStatus(410)));
        REMOTE.stubFor(get(urlEqualTo("/users/nobody")).willReturn(aResponse().withStatus(404)));
        REMOTE.stubFor(get(urlEqualTo("/users/broken")).willReturn(aResponse().withStatus(503)));

        assertEquals(Optional.empty(), resolver.resolve(origin() + "/users/gone#main-key", false));
        assertEquals(Optional.empty(), resolver.resolve(origin() + "/users/nobody#main-key", false));
        FetchException e = assertThrows(FetchException.class, () -> resolver.resolve(origin() + "/users/broken#main-key", false));
        assertEquals(503, e.status());
        assertEquals(Optional.empty(), resolver.resolve("not a url", false));
        assertTrue(resolver.resolve("urn:uuid:1234", false).isEmpty());
    }

    private static String fixture(String resource) throws IOException {
        try (InputStream in = KeyDocumentResolverTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
