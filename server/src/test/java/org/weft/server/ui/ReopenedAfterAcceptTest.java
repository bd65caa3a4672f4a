package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;
import static org.weft.server.ui.CampOfFour.told;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.web.i18n.Messages;

/**
 * What the member a proposal was promised to learns when its author opens it again, both of them members here. Omar's
 * answer to Layla's offer was accepted, Nadia's is still waiting and Samir's was declined. Layla moves the offer back
 * to open: Omar is told once, in his language, and the notification leads to his conversation under the offer, which
 * says his response is still accepted but that she may be looking for more or other people; he can still write to her.
 * Asking for open again changes nothing and tells nobody again; Nadia and Samir are never told.
 */
class ReopenedAfterAcceptTest {
    private static final String KIND = "reopened";
    private static CampOfFour camp;

    @BeforeAll
    static void start() {
        camp = CampOfFour.start();
    }

    @AfterAll
    static void stop() {
        camp.close();
    }

    @Test
    void theAcceptedResponderAloneIsToldTheOfferIsOpenAgainAndMayStillWriteToItsAuthor() {
        long offer = expect(201, camp.layla().post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "Two warm blankets", "categories": ["bedding"],
                 "kind": "gift"}""")).path("id").asLong();
        long omars = camp.respond("omar", offer, "I would be glad of them, thank you");
        camp.respond("nadia", offer, "If there is a third one, I would take it");
        long samirs = camp.respond("samir", offer, "Could I have one?");
        expect(200, camp.layla().post("/responses/" + samirs + "/decline", null));
        expect(200, camp.layla().post("/responses/" + omars + "/accept",
                "{\"handOff\": \"Tent 12 after the noon prayer\"}"));
        String path = camp.pagePath(offer);
        PageClient before = new PageClient(camp.weft().base());
        before.login("omar", CampOfFour.PASSWORD);
        assertFalse(before.get(path).body().contains(Messages.forLanguage("en").get("conversation.reopened")),
                "promised: nothing to say yet");

        expect(200, camp.layla().post("/proposals/" + offer + "/status", "{\"status\": \"open\"}"));

        List<JsonNode> told = told(camp.omar(), offer, KIND);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(camp.weft().base()).language(language);
            page.login("omar", CampOfFour.PASSWORD);
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
        JsonNode mine = expect(200, camp.omar().get("/me/responses")).path("items").get(0);
        assertEquals(omars, mine.path("responseId").asLong());
        assertEquals("accepted", mine.path("state").asText());
        assertTrue(mine.path("open").asBoolean(), mine.toString());
        expect(201, camp.omar().post("/responses/" + omars + "/messages",
                "{\"text\": \"Do you still need me to come?\"}"));
        // Layla did it: her side of the conversation says nothing of it.
        PageClient authorPage = new PageClient(camp.weft().base());
        authorPage.login("layla", CampOfFour.PASSWORD);
        assertFalse(authorPage.get(path).body().contains(Messages.forLanguage("en").get("conversation.reopened")));

        expect(200, camp.layla().post("/proposals/" + offer + "/status", "{\"status\": \"open\"}"));
        assertEquals(1, told(camp.omar(), offer, KIND).size(), "open already: nothing moved, nobody is told again");
        camp.assertNoOneElseTold(offer, KIND);
    }
}
