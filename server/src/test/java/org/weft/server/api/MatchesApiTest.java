package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.FediverseAccountEntity;
import org.weft.server.testing.TestServers;

/**
 * The matching calls of the API (a member's fediverse account, a community's links) answer under {@code /api/v1} with
 * the rest of the API: a member's token is needed, refused input says what to send in the API's one error shape, and a
 * refusal keeps nothing. Linking and unlinking are the community's moderators' (Amina's here), not every member's.
 * (A member's matches themselves are exercised in CrossInstanceMatchingTest.)
 */
class MatchesApiTest {
    private static TestServers.Instance weft;
    private static ApiClient amina;
    private static ApiClient bilal;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        amina = ApiClient.newMember(weft, "amina", "Amina");
        weft.server().moderators().add("camp", "amina", Optional.empty());
        bilal = ApiClient.newMember(weft, "bilal", "Bilal");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void everyCallNeedsAMembersToken() {
        ApiClient anonymous = ApiClient.anonymous(weft);
        List<HttpResponse<String>> refused = List.of(anonymous.get("/groups/camp/links"),
                anonymous.send("PUT", "/me/fediverse-account", ApiClient.JSON, body("{\"account\": \"@a@b.example\"}")),
                anonymous.delete("/me/fediverse-account"), anonymous.post("/groups/camp/links", "{}"));
        for (HttpResponse<String> response : refused) {
            assertEquals(401, response.statusCode(), response.request().uri().toString());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    /**
     * Bilal, a member but not a moderator of the camp, may read its links and may neither link nor unlink it: a link
     * decides which community receives the camp's community-only posts. Nothing is followed, nothing sent.
     */
    @Test
    void onlyTheCommunitysModeratorsLinkOrUnlinkIt() {
        assertEquals(0, ApiClient.expect(200, bilal.get("/groups/camp/links")).path("links").size());
        JsonNode linked = ApiClient.expect(403, bilal.post("/groups/camp/links", "{\"target\": \"@town@town.example\"}"));
        assertEquals("forbidden", linked.path("error").asText(), linked.toString());
        assertEquals("You cannot do that.", linked.path("message").asText(), linked.toString());
        JsonNode unlinked = ApiClient.expect(403, bilal.delete("/groups/camp/links?target=@town@town.example"));
        assertEquals("forbidden", unlinked.path("error").asText(), unlinked.toString());
        assertEquals(0, ApiClient.expect(200, amina.get("/groups/camp/links")).path("links").size(), "nothing followed");
        long follows = weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from FollowEntity",
                Long.class).getSingleResult());
        assertEquals(0, follows, "no follow was made");
        // Amina moderates the camp: the same call reaches the link itself, which finds no such link to undo.
        assertRefused(ApiClient.expect(400, amina.delete("/groups/camp/links?target=@town@town.example")), "link_missing",
                "target");
    }

    @Test
    void aCommunityWithoutLinksListsNoneAndRefusedInputKeepsNothing() {
        JsonNode links = ApiClient.expect(200, amina.get("/groups/camp/links"));
        assertEquals(0, links.path("links").size(), links.toString());
        assertEquals(404, amina.get("/groups/nowhere/links").statusCode());

        JsonNode noAccount = ApiClient.expect(400, amina.send("PUT", "/me/fediverse-account", ApiClient.JSON, body("{}")));
        assertRefused(noAccount, "field_required", "account");
        JsonNode noTarget = ApiClient.expect(400, amina.delete("/groups/camp/links"));
        assertRefused(noTarget, "field_required", "target");
        JsonNode unknownField = ApiClient.expect(400, amina.post("/groups/camp/links", "{\"target\": \"@a@b.example\", \"x\": 1}"));
        assertEquals("field_unknown", unknownField.path("error").asText(), unknownField.toString());
        JsonNode notJson = ApiClient.expect(400, amina.send("PUT", "/me/fediverse-account", ApiClient.JSON, body("{\"account\":")));
        assertEquals("json_invalid", notJson.path("error").asText(), notJson.toString());
        assertRefused(ApiClient.expect(400, amina.delete("/groups/camp/links?target=@town@town.example")), "link_missing", "target");
        assertEquals(404, amina.post("/matches/abc/dismiss", "").statusCode());
        assertEquals(404, amina.post("/matches/999999/dismiss", "").statusCode());
        long kept = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FediverseAccountEntity", Long.class).getSingleResult());
        assertEquals(0, kept, FediverseAccountEntity.class.getSimpleName() + " rows");
    }

    @Test
    void anAccountThatCannotBeReachedIsRefusedInTheMembersLanguageWithoutTheCause() {
        // A name under .invalid never resolves (RFC 2606): WebFinger fails inside the network code.
        JsonNode refused = ApiClient.expect(400, amina.send("PUT", "/me/fediverse-account?lang=fr", ApiClient.JSON,
                body("{\"account\": \"@nobody@weft-nowhere.invalid\"}")));
        assertRefused(refused, "account_unreachable", "account");
        assertEquals("Ce compte est introuvable. Vérifiez l’orthographe, et qu’il est sur un autre serveur.",
                refused.path("message").asText(), refused.toString());
        long kept = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FediverseAccountEntity", Long.class).getSingleResult());
        assertEquals(0, kept, FediverseAccountEntity.class.getSimpleName() + " rows");
    }

    /** The API's one error shape: a stable code, the field at fault, and a sentence for a person (no exception text). */
    private static void assertRefused(JsonNode answer, String code, String field) {
        assertEquals(code, answer.path("error").asText(), answer.toString());
        assertEquals(field, answer.path("field").asText(), answer.toString());
        String message = answer.path("message").asText();
        assertFalse(message.isBlank() || message.contains("Exception") || message.contains("error."), answer.toString());
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
