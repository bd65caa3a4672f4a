package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.IndependentSignatures;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The story of issue 2: someone on Mastodon looks the community up by its handle, sees its profile,
 * follows it, and gets a correctly signed Accept; the follow is stored and survives a restart.
 */
class MastodonFollowTest {

    @Test
    void aMastodonUserFindsFollowsAndIsAcceptedByACommunity() throws Exception {
        TestServers.Instance weft = TestServers.start();
        try (MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", "Help between neighbours");

            // 1. WebFinger, exactly as Mastodon asks.
            HttpResponse<String> wf = TestHttp.get(weft.base() + "/.well-known/webfinger?resource=acct:block3@" + weft.domain(),
                    "application/jrd+json, application/json");
            assertEquals(200, wf.statusCode(), wf.body());
            assertTrue(wf.headers().firstValue("Content-Type").orElse("").startsWith("application/jrd+json"));
            assertEquals("*", wf.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            JsonNode jrd = TestHttp.json(wf.body());
            assertEquals("acct:block3@" + weft.domain(), jrd.path("subject").asText());
            String actorId = selfLink(jrd);
            assertEquals(weft.base() + "/groups/block3", actorId);

            // 2. The actor document: id equal to the URL, a Group with a key, served as activity+json.
            HttpResponse<String> actorResponse = TestHttp.get(actorId, "application/activity+json, application/ld+json");
            assertEquals(200, actorResponse.statusCode());
            assertTrue(actorResponse.headers().firstValue("Content-Type").orElse("").startsWith("application/activity+json"));
            JsonNode actor = TestHttp.json(actorResponse.body());
            assertEquals(actorId, actor.path("id").asText());
            assertEquals("Group", actor.path("type").asText());
            assertEquals("block3", actor.path("preferredUsername").asText());
            assertEquals(actorId + "#main-key", actor.path("publicKey").path("id").asText());
            assertEquals(weft.base() + "/inbox", actor.path("endpoints").path("sharedInbox").asText());
            PublicKey groupKey = publicKey(actor.path("publicKey").path("publicKeyPem").asText());

            // 3. Rosa follows, signed the way Mastodon signs.
            String follow = mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", actorId);
            String followId = TestHttp.json(follow).path("id").asText();
            HttpResponse<String> posted = mastodon.deliver(URI.create(weft.base() + "/inbox"), follow);
            assertEquals(202, posted.statusCode(), posted.body());

            // 4. The Accept reaches Mastodon, signed by the community, the Follow embedded with plain ids.
            LoggedRequest accept = WaitFor.value("an Accept delivered to Mastodon",
                    () -> mastodon.inboxPosts().stream().findFirst().orElse(null));
            // Mastodon 4.5 takes RFC 9421, so the first knock is the only one: RFC 9421, the way Mastodon signs.
            byte[] body = accept.getBody();
            assertEquals(1, mastodon.inboxPosts().size(), "one request, no second knock");
            assertEquals(IndependentRfc9421.contentDigest(body), accept.getHeader("Content-Digest"));
            String signatureInput = accept.getHeader("Signature-Input");
            assertEquals(actorId + "#main-key", IndependentRfc9421.keyIdOf(accept::getHeader));
            assertEquals(IndependentRfc9421.MASTODON_POST, IndependentRfc9421.components(signatureInput));
            assertTrue(IndependentRfc9421.verify("POST", URI.create(accept.getAbsoluteUrl()), accept::getHeader,
                    signatureInput, accept.getHeader("Signature"), groupKey),
                    "the Accept's signature verifies with the community's published key");
            JsonNode acceptJson = TestHttp.json(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("Accept", acceptJson.path("type").asText());
            assertEquals(actorId, acceptJson.path("actor").asText());
            assertEquals(followId, acceptJson.path("object").path("id").asText());
            assertEquals(mastodon.rosa(), acceptJson.path("object").path("actor").asText());
            assertEquals(actorId, acceptJson.path("object").path("object").asText());

            // Weft fetched rosa's actor with a GET signed by its instance actor: draft-cavage, what a fetch starts with.
            var actorFetch = mastodon.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                    .filter(r -> r.getMethod().getName().equals("GET") && r.getUrl().equals("/users/rosa"))
                    .findFirst().orElseThrow();
            assertEquals(weft.base() + "/actor#main-key",
                    IndependentSignatures.parse(actorFetch.getHeader("Signature")).get("keyId"));

            // 5. The follow is stored, visible in the followers collection, and survives a restart.
            assertFollowers(actorId, mastodon.rosa());
            weft = weft.restart();
            assertFollowers(actorId, mastodon.rosa());
        } finally {
            weft.close();
        }
    }

    private static void assertFollowers(String actorId, String follower) {
        JsonNode collection = TestHttp.activityJson(actorId + "/followers");
        assertEquals(1, collection.path("totalItems").asInt());
        JsonNode page = TestHttp.activityJson(collection.path("first").asText());
        assertEquals(follower, page.path("orderedItems").get(0).asText());
    }

    static String selfLink(JsonNode jrd) {
        for (JsonNode link : jrd.path("links")) {
            if ("self".equals(link.path("rel").asText())) {
                assertEquals("application/activity+json", link.path("type").asText());
                return link.path("href").asText();
            }
        }
        throw new AssertionError("No self link in " + jrd);
    }

    static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
