package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * What the other person learns when someone with an arrangement deletes their account, both of them members here.
 * Dave's answer to Carol's offer was accepted; Dave deletes his account: Carol is told, in her language, that what was
 * arranged is off; the notification leads to the conversation, which says one of them has left and takes no more; the
 * offer is open again for someone else, and Dave's other answer, still waiting, can no longer be accepted. Erin,
 * accepted on Frank's offer, is told that Frank left, not that he withdrew it.
 */
class LeftTheSiteTest {
    private static final String PASSWORD = "a long enough password";
    private static final String HAND_OFF = "Tent 12 after the noon prayer";
    private static final TestClock CLOCK = new TestClock();
    private static TestServers.Instance weft;
    private static ApiClient carol;
    private static ApiClient dave;
    private static ApiClient erin;
    private static ApiClient frank;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of(), CLOCK);
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        carol = ApiClient.newMember(weft, "carol", "Carol");
        dave = ApiClient.newMember(weft, "dave", "Dave");
        erin = ApiClient.newMember(weft, "erin", "Erin");
        frank = ApiClient.newMember(weft, "frank", "Frank");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theAuthorIsToldWhenTheMemberTheirOfferWasPromisedToLeaves() {
        long offer = offer(carol, "Two warm blankets");
        long daves = respond("dave", offer, "I would be glad of one, thank you");
        expect(200, carol.post("/responses/" + daves + "/accept",
                "{\"handOff\": \"" + HAND_OFF + "\"}"));
        long other = offer(carol, "A kettle");
        long waiting = respond("dave", other, "Could I have the kettle?");
        long erins = respond("erin", other, "Or I could use it, if Dave cannot");
        assertEquals("promised", status(offer));

        deleteAccount("dave");

        assertEquals("open", status(offer), "open again: Carol may give it to someone else");
        List<JsonNode> told = told(carol, "responder-left");
        assertEquals(1, told.size(), told.toString());
        assertEquals(daves, told.get(0).path("responseId").asLong());
        assertEquals(offer, told.get(0).path("proposalId").asLong());
        String offerPath = URI.create(expect(200, carol.get("/proposals/" + offer)).path("uri").asText()).getPath();
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(weft.base()).language(language);
            page.login("carol", PASSWORD);
            String expected = m.get("notification.responder-left", Messages.isolate("Two warm blankets"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals(offerPath + "#conversation-" + daves, opened.headers().firstValue("Location").orElseThrow());
            String proposal = page.get(offerPath).body();
            assertTrue(proposal.contains(m.get("conversation.closedLeft")), proposal);
            assertTrue(proposal.contains(m.get("response.left")), "Dave is no longer shown as accepted: " + proposal);
            if (language.equals("en")) {
                assertFalse(proposal.contains(m.get("response.accepted")), proposal);
            }
            assertTrue(proposal.contains(HAND_OFF), "what Carol wrote stays readable");
        }
        expect(409, carol.post("/responses/" + daves + "/messages", "{\"text\": \"Are you still coming?\"}"));

        JsonNode refused = expect(400, carol.post("/responses/" + waiting + "/accept?lang=fr", null));
        assertEquals("responder_left", refused.path("error").asText(), refused.toString());
        assertEquals(Messages.forLanguage("fr").get("error.responder_left"), refused.path("message").asText());
        assertEquals("open", status(other), "nothing was promised to nobody");

        // Carol's client reads what her pages say: Dave is gone, whatever she had decided; Erin is still there.
        JsonNode daveOnOffer = expect(200, carol.get("/proposals/" + offer + "/responses")).path("items").get(0);
        assertEquals(daves, daveOnOffer.path("id").asLong());
        assertEquals("accepted", daveOnOffer.path("state").asText(), "her decision, as clients read it");
        assertTrue(daveOnOffer.path("responderLeft").asBoolean(), daveOnOffer.toString());
        JsonNode onKettle = expect(200, carol.get("/proposals/" + other + "/responses")).path("items");
        assertEquals(2, onKettle.size(), onKettle.toString());
        for (JsonNode r : onKettle) {
            assertEquals(r.path("id").asLong() == waiting, r.path("responderLeft").asBoolean(), r.toString());
            assertTrue(r.path("id").asLong() == waiting || r.path("id").asLong() == erins, r.toString());
        }
        assertEquals(List.of(), told(erin, "responder-left"), "she had nothing with Dave");
    }

    @Test
    void theMemberPromisedAnOfferIsToldItsAuthorLeft() {
        // Earlier, Frank withdrew another offer promised to Erin: she was told so, and that stays what she reads.
        long pump = offer(frank, "A bicycle pump");
        expect(200, frank.post("/responses/" + respond("erin", pump, "May I borrow it?") + "/accept",
                "{\"handOff\": \"The shed\"}"));
        expect(200, frank.post("/proposals/" + pump + "/status", "{\"status\": \"withdrawn\"}"));
        CLOCK.advance(Duration.ofHours(2));
        long offer = offer(frank, "A pram to lend");
        long erins = respond("erin", offer, "Could we borrow it for the weekend?");
        expect(200, frank.post("/responses/" + erins + "/accept", "{\"handOff\": \"The gate at noon\"}"));

        deleteAccount("frank");

        List<JsonNode> told = told(erin, "called-off").stream()
                .filter(n -> n.path("proposalId").asLong() == offer).toList();
        assertEquals(1, told.size(), told.toString());
        assertEquals(erins, told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "uk"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(weft.base()).language(language);
            page.login("erin", PASSWORD);
            String notifications = page.get("/me/notifications").body();
            String expected = m.get("notification.called-offLeft", Messages.isolate("A pram to lend"));
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            assertFalse(notifications.contains(m.get("notification.called-off", Messages.isolate("A pram to lend"))),
                    "he did not withdraw it: he left");
            assertTrue(notifications.contains(m.get("notification.called-off", Messages.isolate("A bicycle pump"))),
                    "the pump he withdrew two hours before he left is still called withdrawn: " + notifications);
            // His proposals went with his account; the conversation says why it is closed: he left.
            String conversation = page.get("/conversations/" + erins).body();
            assertTrue(conversation.contains(m.get("conversation.closedLeft")), conversation);
            assertFalse(conversation.contains(m.get("conversation.closedDeleted")), conversation);
        }
    }

    private static void deleteAccount(String member) {
        PageClient page = new PageClient(weft.base());
        page.login(member, PASSWORD);
        assertEquals(303, page.submit("/account", "/account/delete", Map.of("password", PASSWORD)).statusCode());
    }

    /** The proposal's status as its author reads it. */
    private static String status(long proposal) {
        return expect(200, carol.get("/proposals/" + proposal)).path("status").asText();
    }

    private static long offer(ApiClient author, String title) {
        return expect(201, author.post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "%s", "categories": ["bedding"], "kind": "gift"}"""
                .formatted(title))).path("id").asLong();
    }

    private static long respond(String member, long proposal, String text) {
        return weft.server().proposals().responses().respond(member, proposal, text).getId();
    }

    private static List<JsonNode> told(ApiClient member, String kind) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind)) {
                told.add(n);
            }
        }
        return told;
    }
}
