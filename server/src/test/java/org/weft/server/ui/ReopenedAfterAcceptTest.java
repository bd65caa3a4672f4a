package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * What the member a proposal was promised to learns when its author opens it again, both of them members here. Omar's
 * answer to Layla's offer was accepted, Nadia's is still waiting and Samir's was declined. Layla moves the offer back
 * to open: Omar is told once, in his language, and the notification leads to his conversation under the offer, which
 * says his response is still accepted but that she may be looking for more or other people; he can still write to her.
 * Asking for open again changes nothing and tells nobody again; Nadia and Samir are never told.
 */
class ReopenedAfterAcceptTest {
    private static final String PASSWORD = "a long enough password";
    private static final String KIND = "reopened";
    private static TestServers.Instance weft;
    private static ApiClient layla;
    private static ApiClient omar;
    private static ApiClient nadia;
    private static ApiClient samir;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        layla = ApiClient.newMember(weft, "layla", "Layla");
        omar = ApiClient.newMember(weft, "omar", "Omar");
        nadia = ApiClient.newMember(weft, "nadia", "Nadia");
        samir = ApiClient.newMember(weft, "samir", "Samir");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theAcceptedResponderAloneIsToldTheOfferIsOpenAgainAndMayStillWriteToItsAuthor() {
        long offer = expect(201, layla.post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "Two warm blankets", "categories": ["bedding"],
                 "kind": "gift"}""")).path("id").asLong();
        long omars = respond("omar", offer, "I would be glad of them, thank you");
        respond("nadia", offer, "If there is a third one, I would take it");
        long samirs = respond("samir", offer, "Could I have one?");
        expect(200, layla.post("/responses/" + samirs + "/decline", null));
        expect(200, layla.post("/responses/" + omars + "/accept", "{\"handOff\": \"Tent 12 after the noon prayer\"}"));
        String path = URI.create(weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, offer)).getUri())
                .getPath();
        PageClient before = new PageClient(weft.base());
        before.login("omar", PASSWORD);
        assertFalse(before.get(path).body().contains(Messages.forLanguage("en").get("conversation.reopened")),
                "promised: nothing to say yet");

        expect(200, layla.post("/proposals/" + offer + "/status", "{\"status\": \"open\"}"));

        List<JsonNode> told = told(omar, offer);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(weft.base()).language(language);
            page.login("omar", PASSWORD);
            String expected = m.get("notification." + KIND, Messages.isolate("Two warm blankets"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals(path + "#conversation-" + omars, opened.headers().firstValue("Location").orElseThrow());
            String conversation = page.get(path).body();
            assertTrue(conversation.contains(m.get("conversation.reopened")), conversation);
            assertTrue(page.get("/conversations/" + omars).body().contains(m.get("conversation.reopened")));
        }
        // Still accepted, and the conversation still takes his words: nothing was turned down.
        JsonNode mine = expect(200, omar.get("/me/responses")).path("items").get(0);
        assertEquals(omars, mine.path("responseId").asLong());
        assertEquals("accepted", mine.path("state").asText());
        assertTrue(mine.path("open").asBoolean(), mine.toString());
        expect(201, omar.post("/responses/" + omars + "/messages", "{\"text\": \"Do you still need me to come?\"}"));
        // Layla did it: her side of the conversation says nothing of it.
        PageClient authorPage = new PageClient(weft.base());
        authorPage.login("layla", PASSWORD);
        assertFalse(authorPage.get(path).body().contains(Messages.forLanguage("en").get("conversation.reopened")));

        expect(200, layla.post("/proposals/" + offer + "/status", "{\"status\": \"open\"}"));
        assertEquals(1, told(omar, offer).size(), "open already: nothing moved, nobody is told again");
        assertEquals(List.of(), told(nadia, offer), "her answer is still waiting: nothing was arranged with her");
        assertEquals(List.of(), told(samir, offer), "his answer was declined");
        assertEquals(List.of(), told(layla, offer), "she did it");
    }

    private static long respond(String member, long proposal, String text) {
        return weft.server().proposals().responses().respond(member, proposal, text).getId();
    }

    /** The member's notifications that {@code proposal}, promised to them, is open again. */
    private static List<JsonNode> told(ApiClient member, long proposal) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(KIND) && n.path("proposalId").asLong() == proposal) {
                told.add(n);
            }
        }
        return told;
    }
}
