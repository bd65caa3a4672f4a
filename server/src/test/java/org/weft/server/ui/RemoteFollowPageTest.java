package org.weft.server.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * The remote-follow form: Weft asks the visitor's server (WireMock here) for its subscribe template and sends the
 * visitor there; anything that is not a handle, a local target or a usable template stops with a page that says so.
 */
class RemoteFollowPageTest {
    private static TestServers.Instance weft;
    private static WireMockServer visitorServer;
    private static String group;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        group = weft.server().localActors().createGroup("block3", "Block 3", null).getUri();
        visitorServer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        visitorServer.start();
    }

    @AfterAll
    static void stop() {
        visitorServer.stop();
        weft.close();
    }

    @BeforeEach
    void resetVisitorServer() {
        visitorServer.resetAll();
    }

    @Test
    void theVisitorIsSentToTheirOwnServerWithTheCommunityId() {
        serveWebFinger(subscribeJrd(visitorOrigin() + "/authorize_interaction?uri={uri}"));
        for (String typed : List.of("@rosa@" + visitorHost(), "rosa@" + visitorHost(), "  @rosa@" + visitorHost() + " ")) {
            HttpResponse<String> response = authorizeFollow(typed, group);
            assertEquals(302, response.statusCode(), typed + ": " + response.body());
            assertEquals(visitorOrigin() + "/authorize_interaction?uri=" + URLEncoder.encode(group, StandardCharsets.UTF_8),
                    response.headers().firstValue("Location").orElse(""));
        }
        visitorServer.verify(3, getRequestedFor(urlPathEqualTo("/.well-known/webfinger"))
                .withQueryParam("resource", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "acct:rosa@" + visitorHost())));
    }

    @Test
    void anythingButAHandleIs400AndContactsNobody() {
        for (String typed : List.of("", "rosa", "@rosa", "rosa@", "@@" + visitorHost(), visitorOrigin() + "/users/rosa",
                "rosa@evil host", "a@b@" + visitorHost())) {
            HttpResponse<String> response = authorizeFollow(typed, group);
            assertEquals(400, response.statusCode(), "'" + typed + "': " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().contains("That is not a fediverse handle"), response.body());
        }
        assertEquals(400, TestHttp.get(weft.base() + "/authorize_follow?target=" + enc(group), "text/html").statusCode());
        assertEquals(0, visitorServer.getAllServeEvents().size());
    }

    @Test
    void onlyLocalCommunitiesAndMembersCanBeTargets() {
        serveWebFinger(subscribeJrd(visitorOrigin() + "/authorize_interaction?uri={uri}"));
        for (String target : List.of("", weft.base() + "/groups/nobody", "https://elsewhere.example/groups/block3",
                weft.base() + "/actor")) {
            HttpResponse<String> response = authorizeFollow("rosa@" + visitorHost(), target);
            assertEquals(404, response.statusCode(), "'" + target + "': " + response.body());
        }
        assertEquals(0, visitorServer.getAllServeEvents().size(), "the target is checked before any lookup");
    }

    @Test
    void aServerWithoutAUsableTemplateGetsAnExplanation() {
        List<String> unusable = List.of(
                "{\"subject\":\"acct:rosa@x\",\"links\":[]}",
                subscribeJrd("javascript:alert(document.cookie)//{uri}"),
                subscribeJrd("/authorize_interaction?uri={uri}"),
                subscribeJrd(visitorOrigin() + "/authorize_interaction"),
                "{\"links\":[]}");
        for (String jrd : unusable) {
            visitorServer.resetAll();
            serveWebFinger(jrd);
            HttpResponse<String> response = authorizeFollow("rosa@" + visitorHost(), group);
            assertEquals(502, response.statusCode(), jrd + ": " + response.body());
            assertTrue(response.body().contains("@block3@" + weft.domain()), "tells the visitor what to search for");
        }
        visitorServer.resetAll();
        visitorServer.stubFor(get(urlPathEqualTo("/.well-known/webfinger")).willReturn(aResponse().withStatus(404)));
        assertEquals(502, authorizeFollow("rosa@" + visitorHost(), group).statusCode(), "unknown account at home");
    }

    @Test
    void theSsrfGuardKeepsWeftFromContactingInternalAddresses() {
        serveWebFinger(subscribeJrd(visitorOrigin() + "/authorize_interaction?uri={uri}"));
        try (TestServers.Instance guarded = TestServers.start(Map.of("WEFT_FEDERATION_ALLOW_PRIVATE", "false"))) {
            String target = guarded.server().localActors().createGroup("block3", "Block 3", null).getUri();
            for (String host : List.of("127.0.0.1:" + visitorServer.port(), "localhost:" + visitorServer.port())) {
                HttpResponse<String> response = TestHttp.get(guarded.base() + "/authorize_follow?acct=" + enc("rosa@" + host)
                        + "&target=" + enc(target), "text/html");
                assertEquals(400, response.statusCode(), host + ": " + response.body());
                assertTrue(response.body().contains("We cannot look that server up"), response.body());
            }
        }
        assertEquals(0, visitorServer.getAllServeEvents().size());
    }

    private static HttpResponse<String> authorizeFollow(String acct, String target) {
        return TestHttp.get(weft.base() + "/authorize_follow?acct=" + enc(acct) + "&target=" + enc(target), "text/html");
    }

    private static void serveWebFinger(String jrd) {
        visitorServer.stubFor(get(urlPathEqualTo("/.well-known/webfinger")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/jrd+json; charset=utf-8").withBody(jrd)));
    }

    private static String subscribeJrd(String template) {
        return """
                {"subject":"acct:rosa@%s","links":[
                  {"rel":"self","type":"application/activity+json","href":"%s/users/rosa"},
                  {"rel":"http://ostatus.org/schema/1.0/subscribe","template":"%s"}]}"""
                .formatted(visitorHost(), visitorOrigin(), template);
    }

    private static String visitorHost() {
        return "localhost:" + visitorServer.port();
    }

    private static String visitorOrigin() {
        return "http://" + visitorHost();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
