package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/**
 * What the API never tells anyone but the author: who posted an anonymous or community-only request (username,
 * display name, actor URI), how many responses a proposal has, and the exact coordinates (nobody gets those,
 * not even the author: only the coarse point is stored).
 */
class ApiPrivacyTest {
    private static final String USERNAME = "zainab";
    private static final String DISPLAY_NAME = "Zainab Qasim";
    private static TestServers.Instance weft;
    private static ApiClient zainab;
    private static ApiClient yusuf;
    private static long anonymousRequest;
    private static long communityRequest;
    private static long publicOffer;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        zainab = ApiClient.newMember(weft, USERNAME, DISPLAY_NAME);
        yusuf = ApiClient.newMember(weft, "yusuf", "Yusuf");
        anonymousRequest = create("request", "anonymous", "Period products, discreetly");
        communityRequest = create("request", "community", "Someone to come with me to the clinic");
        publicOffer = create("offer", "public", "Spare blankets");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void anotherMemberNeverLearnsWhoAskedOrHowManyAnswered() {
        for (long id : List.of(anonymousRequest, communityRequest, publicOffer)) {
            HttpResponse<String> response = yusuf.get("/proposals/" + id);
            JsonNode proposal = expect(200, response);
            assertNoTraceOfTheAuthor(response.body());
            assertFalse(proposal.path("mine").asBoolean());
            assertFalse(proposal.has("author") || proposal.has("responsesCount"), proposal.toString());
        }
        HttpResponse<String> search = yusuf.get("/proposals?size=100");
        assertEquals(3, expect(200, search).path("total").asInt(), "the member sees all three");
        assertNoTraceOfTheAuthor(search.body());
        assertNoTraceOfTheAuthor(yusuf.get("/proposals?purpose=request&q=clinic").body());
    }

    @Test
    void anAnonymousCallerSeesTheAnonymousRequestWithoutItsAuthorAndNotTheCommunityOne() {
        ApiClient anyone = ApiClient.anonymous(weft);
        HttpResponse<String> anonymous = anyone.get("/proposals/" + anonymousRequest);
        assertEquals("anonymous", expect(200, anonymous).path("audience").asText());
        assertNoTraceOfTheAuthor(anonymous.body());

        HttpResponse<String> communityOnly = anyone.get("/proposals/" + communityRequest);
        assertEquals(404, communityOnly.statusCode(), "not even its existence: " + communityOnly.body());
        assertNoTraceOfTheAuthor(communityOnly.body());

        HttpResponse<String> search = anyone.get("/proposals?size=100&status=all");
        assertEquals(2, expect(200, search).path("total").asInt());
        assertFalse(search.body().contains("clinic"), search.body());
        assertNoTraceOfTheAuthor(search.body());
    }

    @Test
    void theAuthorSeesTheirNameAndCountsButNoExactPointIsKept() {
        HttpResponse<String> mine = zainab.get("/proposals/" + anonymousRequest);
        JsonNode proposal = expect(200, mine);
        assertEquals(USERNAME, proposal.path("author").asText());
        assertEquals(0, proposal.path("responsesCount").asInt());
        assertTrue(proposal.path("mine").asBoolean());
        assertFalse(mine.body().contains(DISPLAY_NAME), "not even the author's display name is needed");
        assertFalse(mine.body().contains("32.2987") || mine.body().contains("36.3219"), mine.body());
        assertEquals(32.30, proposal.path("coordinates").path("latitude").asDouble(), 1e-9);
        // What is kept is the coarse point the API shows, on the grid (0.01° of latitude, about 0.0118° of longitude
        // here): the exact point sent is in no column of the stored row.
        double shownLongitude = proposal.path("coordinates").path("longitude").asDouble();
        for (long id : List.of(anonymousRequest, communityRequest, publicOffer)) {
            ProposalEntity stored = weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, id));
            assertEquals(32.30, stored.getLatitude(), 1e-9, "sent 32.298765");
            assertEquals(shownLongitude, stored.getLongitude(), 1e-9, "sent 36.321987");
            assertTrue(Math.abs(stored.getLongitude() - 36.321987) > 1e-3 && Math.abs(stored.getLongitude() - 36.321987) < 0.006,
                    "the cell's point, not the one sent: " + stored.getLongitude());
        }
    }

    private static void assertNoTraceOfTheAuthor(String body) {
        assertFalse(body.contains(USERNAME), "no username: " + body);
        assertFalse(body.contains("Zainab") || body.contains("Qasim"), "no display name: " + body);
        assertFalse(body.contains("/users/"), "no member actor URI: " + body);
        assertFalse(body.contains("32.2987") || body.contains("36.3219"), "no exact coordinates: " + body);
    }

    private static long create(String purpose, String audience, String title) {
        return expect(201, zainab.post("/proposals", """
                {"community": "block3", "purpose": "%s", "audience": "%s", "title": "%s", "categories": ["other"],
                 "coordinates": {"latitude": 32.298765, "longitude": 36.321987}}""".formatted(purpose, audience, title)))
                .path("id").asLong();
    }
}
