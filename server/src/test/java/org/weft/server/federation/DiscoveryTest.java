package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * WebFinger and host-meta as Mastodon, Pleroma and other servers use them (interop.md §1): every resource
 * form, every error status, the JRD contents and Mastodon's round trip from the actor back to WebFinger.
 */
class DiscoveryTest {
    private static final String JRD_ACCEPT = "application/jrd+json, application/json";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", "Help between neighbours");
        weft.server().localActors().createMember("amina", "Amina", "correct horse battery", false);
        weft.server().localActors().createGroup("gone", "Gone", null);
        weft.server().db().run(s -> ActorRepository.localByUsername(s, "gone").orElseThrow()
                .setDeletedAt(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void everyResourceFormFindsTheCommunity() {
        String host = weft.domain();
        String actorId = weft.base() + "/groups/block3";
        for (String resource : List.of("acct:block3@" + host, "block3@" + host, "acct%3Ablock3%40" + host.replace(":", "%3A"),
                "@block3@" + host, actorId, "acct:BLOCK3@" + host.toUpperCase(java.util.Locale.ROOT))) {
            HttpResponse<String> response = webfinger(resource);
            assertEquals(200, response.statusCode(), resource + ": " + response.body());
            JsonNode jrd = TestHttp.json(response.body());
            assertEquals("acct:block3@" + host, jrd.path("subject").asText(), resource);
            assertEquals(actorId, link(jrd, "self").path("href").asText(), resource);
        }
    }

    @Test
    void theJrdCarriesWhatMastodonNeeds() {
        HttpResponse<String> response = webfinger("acct:block3@" + weft.domain());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/jrd+json"),
                response.headers().toString());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode jrd = TestHttp.json(response.body());
        String actorId = weft.base() + "/groups/block3";
        assertTrue(texts(jrd.path("aliases")).contains(actorId), jrd.toString());
        JsonNode self = link(jrd, "self");
        assertEquals("application/activity+json", self.path("type").asText());
        JsonNode profile = link(jrd, "http://webfinger.net/rel/profile-page");
        assertEquals("text/html", profile.path("type").asText());
        assertEquals(actorId, profile.path("href").asText(), "the profile page is the actor URL, served as HTML to browsers");
        assertEquals(2, jrd.path("links").size(), "self and profile page; no subscribe template (nothing serves it)");
    }

    @Test
    void theOriginNamesTheInstanceActor() {
        for (String resource : List.of(weft.base() + "/", weft.base())) {
            HttpResponse<String> response = webfinger(resource);
            assertEquals(200, response.statusCode(), resource + ": " + response.body());
            JsonNode jrd = TestHttp.json(response.body());
            String instanceActor = weft.base() + "/actor";
            assertEquals(instanceActor, link(jrd, "https://www.w3.org/ns/activitystreams#Service").path("href").asText());
            assertEquals(instanceActor, link(jrd, "self").path("href").asText());
            assertEquals("acct:" + weft.domain() + "@" + weft.domain(), jrd.path("subject").asText());
        }
    }

    @Test
    void mastodonsRoundTripLeadsBackToTheSameActor() {
        // Not the instance actor here: its preferredUsername is the domain, which in tests carries a port
        // ("localhost:1234"), and no WebFinger parser takes a colon in the user part. On a real origin
        // (no port) it is "weft.example.org" and round-trips like the others.
        for (String actorId : List.of(weft.base() + "/groups/block3", weft.base() + "/users/amina")) {
            JsonNode actor = TestHttp.activityJson(actorId);
            String host = java.net.URI.create(actor.path("id").asText()).getAuthority();
            HttpResponse<String> response = webfinger("acct:" + actor.path("preferredUsername").asText() + "@" + host);
            assertEquals(200, response.statusCode(), actorId + ": " + response.body());
            assertEquals(actorId, link(TestHttp.json(response.body()), "self").path("href").asText());
        }
    }

    @Test
    void theInstanceActorRoundTripsOnAnOriginWithoutPort() {
        // Ids come from the configured origin, not from the request, so this instance answers on its loopback
        // port for https://weft.test.
        try (TestServers.Instance named = TestServers.start(java.util.Map.of("WEFT_BASE_URL", "https://weft.test"))) {
            String local = "http://127.0.0.1:" + named.server().port();
            JsonNode actor = TestHttp.activityJson(local + "/actor");
            assertEquals("https://weft.test/actor", actor.path("id").asText());
            assertEquals("weft.test", actor.path("preferredUsername").asText());
            HttpResponse<String> response = TestHttp.get(local + "/.well-known/webfinger?resource=acct:weft.test@weft.test",
                    JRD_ACCEPT);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("https://weft.test/actor", link(TestHttp.json(response.body()), "self").path("href").asText());
        }
    }

    @Test
    void errorsHaveTheStatusesMastodonUnderstands() {
        assertEquals(400, TestHttp.get(weft.base() + "/.well-known/webfinger", JRD_ACCEPT).statusCode(), "no resource");
        assertEquals(400, webfinger("").statusCode(), "empty resource");
        assertEquals(400, webfinger("not%20a%20handle").statusCode(), "garbage");
        assertEquals(400, webfinger("mailto%3Ablock3%40" + weft.domain()).statusCode(), "another scheme");
        assertEquals(404, webfinger("acct:nobody@" + weft.domain()).statusCode(), "unknown user");
        assertEquals(404, webfinger("acct:block3@elsewhere.example").statusCode(), "another domain");
        assertEquals(404, webfinger("https://elsewhere.example/groups/block3").statusCode(), "another domain's URL");
        HttpResponse<String> gone = webfinger("acct:gone@" + weft.domain());
        assertEquals(410, gone.statusCode(), gone.body());
        assertEquals(410, webfinger(weft.base() + "/groups/gone").statusCode());
        assertEquals("*", gone.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "CORS on errors too");
    }

    @Test
    void hostMetaPointsAtWebFinger() {
        HttpResponse<String> response = TestHttp.get(weft.base() + "/.well-known/host-meta", "application/xrd+xml");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xrd+xml"));
        assertTrue(response.body().contains("<Link rel=\"lrdd\" template=\""
                + weft.base() + "/.well-known/webfinger?resource={uri}\"/>"), response.body());
    }

    private static HttpResponse<String> webfinger(String resource) {
        return TestHttp.get(weft.base() + "/.well-known/webfinger?resource=" + resource, JRD_ACCEPT);
    }

    static JsonNode link(JsonNode jrd, String rel) {
        for (JsonNode link : jrd.path("links")) {
            if (rel.equals(link.path("rel").asText())) {
                return link;
            }
        }
        throw new AssertionError("no " + rel + " link in " + jrd);
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
