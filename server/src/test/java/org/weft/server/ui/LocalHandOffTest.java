package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The hand-off between two members of this instance, as each of them sees it. Omar responds to Layla's offer from its
 * page; Layla accepts with a meeting place, on the page or through the API; Omar is told his response was accepted and
 * reads the meeting place here (the first message of his response's conversation), and nobody else can (not Layla's
 * list, not a third member, not the proposal page as a visitor sees it).
 * No browser needed: pages are read as a browser without JavaScript would.
 */
class LocalHandOffTest {
    private static final Pattern ACCEPT = Pattern.compile("action=\"/responses/(\\d+)/accept\"");
    private static TestServers.Instance weft;
    private static String omarToken;
    private static String laylaToken;
    private static String nadiaToken;
    /** Logged in once: each login checks a bcrypt hash, which is slow on purpose. */
    private static PageClient omar;
    private static PageClient layla;
    private static PageClient nadia;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        weft.server().localActors().createMember("nadia", "Nadia", "nadia-password", false);
        ApiTokens tokens = new ApiTokens(weft.server().db(), Clock.systemUTC());
        omarToken = tokens.create("omar", "test");
        laylaToken = tokens.create("layla", "test");
        nadiaToken = tokens.create("nadia", "test");
        omar = loggedIn("omar");
        layla = loggedIn("layla");
        nadia = loggedIn("nadia");
    }

    private static PageClient loggedIn(String username) {
        PageClient client = new PageClient(weft.base());
        client.login(username, username + "-password");
        return client;
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theResponderReadsTheMeetingPlaceTheAuthorGaveOnThePage() {
        String handOff = "Tent 12 after the noon prayer";
        ProposalEntity offer = offer("Two warm blankets");
        respond(offer, "I would be glad of one, thank you");

        String page = layla.get(path(offer)).body();
        Matcher form = ACCEPT.matcher(page);
        assertTrue(form.find(), "the author sees the response with an accept form: " + page);
        assertEquals(303, layla.submit(path(offer), "/responses/" + form.group(1) + "/accept",
                Map.of("handoff", handOff)).statusCode());

        String omarsNotifications = omar.get("/me/notifications").body();
        assertTrue(omarsNotifications.contains(handOff), "the responder reads the meeting place: " + omarsNotifications);
        assertTrue(omarsNotifications.contains("Your response was accepted: " + Messages.isolate("Two warm blankets")),
                omarsNotifications);
        assertNobodyElseSees(handOff, offer);
    }

    @Test
    void theResponderReadsTheMeetingPlaceTheAuthorGaveThroughTheApi() {
        String handOff = "The water point at five, I will wear a green scarf";
        ProposalEntity offer = offer("A pram to lend");
        respond(offer, "Could we borrow it for the weekend?");

        JsonNode responses = api("GET", "/proposals/" + offer.getId() + "/responses", laylaToken, null).path("items");
        assertEquals(1, responses.size(), responses.toString());
        JsonNode accepted = api("POST", "/responses/" + responses.get(0).path("id").asLong() + "/accept", laylaToken,
                TestHttp.JSON.createObjectNode().put("handOff", handOff).toString());
        assertEquals("promised", accepted.path("proposalStatus").asText());

        String omarsNotifications = omar.get("/me/notifications").body();
        assertTrue(omarsNotifications.contains(handOff), "the responder reads the meeting place: " + omarsNotifications);
        assertTrue(omarsNotifications.contains("Your response was accepted: " + Messages.isolate("A pram to lend")),
                "accepting through the API tells the responder too: " + omarsNotifications);
        List<String> kinds = new ArrayList<>();
        String text = null;
        for (JsonNode n : api("GET", "/me/notifications", omarToken, null).path("items")) {
            if (n.path("proposalId").asLong() == offer.getId()) {
                kinds.add(n.path("kind").asText());
                text = n.path("kind").asText().equals("conversation") ? n.path("text").asText() : text;
            }
        }
        assertEquals(List.of("conversation", "accepted"), kinds, "newest first: the hand-off, then the decision");
        assertTrue(text != null && text.contains(handOff), "the API shows the responder the meeting place: " + text);
        assertNobodyElseSees(handOff, offer);
    }

    /**
     * The hand-off is kept once, as the first message of the conversation of Omar's response, goes to no server, and
     * shows on no one else's pages or API answers.
     */
    private static void assertNobodyElseSees(String handOff, ProposalEntity offer) {
        List<Long> responders = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select m.response.responder.id from ConversationMessageEntity m where m.response.proposal.id = :p",
                        Long.class)
                .setParameter("p", offer.getId()).getResultList());
        long omar = weft.server().db().inTransaction(s -> org.weft.server.persistence.ActorRepository
                .localByUsername(s, "omar").orElseThrow().getId());
        assertEquals(List.of(omar), responders, "one message, in the conversation of the responder's response");
        long sent = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where body like :text", Long.class)
                .setParameter("text", "%" + handOff + "%").getSingleResult());
        assertEquals(0, sent, "both people are here: the meeting place is not sent to any server");

        // Layla wrote it: she reads it in the conversation under Omar's response, and is not notified of her own words.
        assertTrue(layla.get(path(offer)).body().contains(handOff), "the author sees what she wrote, in the conversation");
        for (String page : List.of("/me/notifications", "/me/proposals")) {
            assertFalse(layla.get(page).body().contains(handOff), "the author is not told of her own message: " + page);
        }
        for (String page : List.of("/me/notifications", "/me/proposals", "/me/responses", path(offer))) {
            String body = nadia.get(page).body();
            assertFalse(body.contains(handOff), "nadia sees the hand-off on " + page + ": " + body);
        }
        assertFalse(new PageClient(weft.base()).get(path(offer)).body().contains(handOff), "nor does a visitor");
        for (String token : List.of(laylaToken, nadiaToken)) {
            String answer = api("GET", "/me/notifications", token, null).toString();
            assertFalse(answer.contains(handOff), answer);
        }
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).categories("bedding").build());
    }

    /** Omar answers the offer from its page, as a member does. */
    private static void respond(ProposalEntity offer, String text) {
        assertEquals(303, omar.submit(path(offer), path(offer) + "/respond", Map.of("text", text)).statusCode());
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }

    private static JsonNode api(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1" + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = TestHttp.send(request.build());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return TestHttp.json(response.body());
    }
}
