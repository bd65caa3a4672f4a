package org.weft.server.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Issue 18, review item 3: a member's tool reads the open data and the feeds with the member's API token (as the API
 * takes it) and then sees the community-only proposals a signed-in member sees on the board; a visitor, on the same
 * addresses, still sees the public ones only; a wrong token is refused, never read as a visitor.
 */
class MemberOpenDataTest {
    private static final String PUBLIC = "Bread for everyone";
    private static final String COMMUNITY_ONLY = "Soup for the block only";
    private static final List<String> LISTS = List.of("/board/camp/proposals.csv", "/board/camp/proposals.hxl.csv",
            "/board/camp/proposals.json", "/board/camp/feed.atom");

    private static TestServers.Instance weft;
    private static String token;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("omar", "Omar Haddad", "omar-password", false);
        create(PUBLIC, Audience.PUBLIC);
        create(COMMUNITY_ONLY, Audience.COMMUNITY);
        token = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("omar", "spreadsheet");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void aVisitorSeesThePublicProposalsOnly() {
        for (String path : LISTS) {
            HttpResponse<String> res = get(path, null);
            assertEquals(200, res.statusCode(), path);
            assertTrue(res.body().contains(PUBLIC), path);
            assertFalse(res.body().contains(COMMUNITY_ONLY), path + ": community-only, not for a visitor");
            assertEquals("no-cache", res.headers().firstValue("Cache-Control").orElse(null), path);
            assertEquals("Authorization, Accept-Language", res.headers().firstValue("Vary").orElse(null), path);
        }
    }

    @Test
    void aMembersTokenAlsoReadsTheCommunityOnlyOnes() {
        for (String path : LISTS) {
            HttpResponse<String> res = get(path, "Bearer " + token);
            assertEquals(200, res.statusCode(), path);
            assertTrue(res.body().contains(PUBLIC), path);
            assertTrue(res.body().contains(COMMUNITY_ONLY), path + ": a member's tool sees what the member sees");
            assertEquals("private, no-cache", res.headers().firstValue("Cache-Control").orElse(null),
                    path + ": no shared cache keeps a member's list");
            String visitorsTag = get(path, null).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> withVisitorsTag = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path))
                    .header("Authorization", "Bearer " + token).header("If-None-Match", visitorsTag).GET().build());
            assertEquals(200, withVisitorsTag.statusCode(), path + ": a visitor's copy is not the member's");
            assertTrue(withVisitorsTag.body().contains(COMMUNITY_ONLY), path);
        }
    }

    @Test
    void aWrongTokenIsRefusedAndShowsNothing() throws Exception {
        for (String header : List.of("Bearer " + token + "x", "Basic b21hcjpvbWFyLXBhc3N3b3Jk")) {
            for (String path : LISTS) {
                HttpResponse<String> res = get(path, header);
                assertEquals(401, res.statusCode(), path + " " + header);
                assertTrue(res.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"weft\""),
                        path);
                assertFalse(res.body().contains(PUBLIC) || res.body().contains(COMMUNITY_ONLY), path);
                JsonNode error = new ObjectMapper().readTree(res.body());
                assertEquals(header.startsWith("Basic") ? "token_scheme" : "token_invalid", error.path("error").asText(),
                        res.body());
                assertFalse(error.toString().contains("error."), "a sentence, not a raw key: " + res.body());
            }
        }
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(weft.base() + path)).GET();
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        return TestHttp.send(req.build());
    }

    private static void create(String title, Audience audience) {
        weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).description("Details of " + title)
                .categories("bread").audience(audience).build());
    }
}
