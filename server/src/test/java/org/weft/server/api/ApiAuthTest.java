package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Who may do what: no token or a wrong token is a 401 with a Bearer challenge; another member can neither
 * change, delete, renew nor read the responses of my proposal, and after trying, nothing about it has changed.
 */
class ApiAuthTest {
    private static TestServers.Instance weft;
    private static ApiClient amina;
    private static ApiClient yusuf;
    private static long aminasOffer;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3 mutual aid", null);
        amina = ApiClient.newMember(weft, "amina", "Amina");
        yusuf = ApiClient.newMember(weft, "yusuf", "Yusuf");
        aminasOffer = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Two hours of babysitting",
                 "categories": ["babysitting"], "kind": "time"}""")).path("id").asLong();
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void meSaysWhoTheTokenBelongsToAndWhereTheyCanPost() {
        JsonNode me = expect(200, amina.get("/me"));
        assertEquals("amina", me.path("username").asText());
        assertEquals("Amina", me.path("displayName").asText());
        assertEquals("@amina@" + weft.domain(), me.path("handle").asText());
        assertEquals(weft.base() + "/users/amina", me.path("uri").asText());
        assertEquals("block3", me.path("communities").get(0).path("name").asText());
        assertEquals(0, me.path("unreadNotifications").asInt());
        assertEquals("yusuf", expect(200, yusuf.get("/me")).path("username").asText());
    }

    @Test
    void missingOrWrongTokensAre401WithABearerChallenge() {
        HttpResponse<String> none = ApiClient.anonymous(weft).get("/me");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"weft\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("token_missing", TestHttp.json(none.body()).path("error").asText(), none.body());
        assertTrue(TestHttp.json(none.body()).path("message").asText().contains("Authorization: Bearer"), none.body());

        HttpResponse<String> wrong = ApiClient.withToken(weft, "weft_not-a-real-token").get("/me");
        assertEquals(401, wrong.statusCode());
        assertEquals("Bearer realm=\"weft\", error=\"invalid_token\"", wrong.headers().firstValue("WWW-Authenticate").orElse(""));

        HttpResponse<String> basic = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1/me"))
                .header("Authorization", "Basic YW1pbmE6cGFzc3dvcmQ=").GET().build());
        assertEquals(401, basic.statusCode(), "only bearer tokens: " + basic.body());

        // A wrong token is refused even where no token is needed, so a revoked token is noticed at once.
        assertEquals(401, ApiClient.withToken(weft, "weft_nope").get("/proposals").statusCode());
        assertEquals(200, ApiClient.anonymous(weft).get("/proposals").statusCode());

        for (HttpResponse<String> r : new HttpResponse[] {
                ApiClient.anonymous(weft).post("/proposals", "{\"community\": \"block3\"}"),
                ApiClient.anonymous(weft).patch("/proposals/" + aminasOffer, "{\"title\": \"x\"}"),
                ApiClient.anonymous(weft).delete("/proposals/" + aminasOffer),
                ApiClient.anonymous(weft).post("/proposals/" + aminasOffer + "/renew", "{}"),
                ApiClient.anonymous(weft).post("/proposals/" + aminasOffer + "/status", "{\"status\": \"withdrawn\"}"),
                ApiClient.anonymous(weft).get("/proposals/" + aminasOffer + "/responses"),
                ApiClient.anonymous(weft).get("/me/proposals"),
                ApiClient.anonymous(weft).get("/me/notifications"),
                ApiClient.anonymous(weft).post("/me/notifications/read", "{}"),
                ApiClient.anonymous(weft).post("/responses/1/accept", "{}"),
                ApiClient.anonymous(weft).post("/responses/1/decline", "{}")}) {
            assertEquals(401, r.statusCode(), r.request().method() + " " + r.request().uri() + ": " + r.body());
            assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
        }
        assertUnchanged();
    }

    @Test
    void anotherMemberCannotTouchMyProposal() {
        String path = "/proposals/" + aminasOffer;
        assertForbidden(yusuf.patch(path, "{\"title\": \"Yusuf was here\"}"));
        assertForbidden(yusuf.delete(path));
        assertForbidden(yusuf.post(path + "/status", "{\"status\": \"withdrawn\"}"));
        assertForbidden(yusuf.post(path + "/renew", "{}"));
        assertForbidden(yusuf.get(path + "/responses"));
        assertUnchanged();

        JsonNode seenByYusuf = expect(200, yusuf.get(path));
        assertFalse(seenByYusuf.path("mine").asBoolean());
        assertFalse(seenByYusuf.has("author"), "not my proposal, not my business: " + seenByYusuf);
        assertFalse(seenByYusuf.has("responsesCount"));
        assertFalse(expect(200, yusuf.get("/me/proposals")).toString().contains("babysitting"),
                "my proposals are only mine");
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.request().method() + " " + response.request().uri());
        assertEquals("forbidden", TestHttp.json(response.body()).path("error").asText(), response.body());
    }

    private static void assertUnchanged() {
        ProposalEntity p = weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, aminasOffer));
        assertEquals("Two hours of babysitting", p.getTitle());
        assertEquals("OPEN", p.getStatus().name());
        assertFalse(p.isDeleted());
        assertTrue(p.getUpdatedAt() == null, "never touched");
    }
}
