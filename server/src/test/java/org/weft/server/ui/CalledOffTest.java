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
import org.weft.server.api.ApiClient;
import org.weft.web.i18n.Messages;

/**
 * What the member a proposal was promised to learns when its author calls it off, both of them members here. Omar's
 * answer to Layla's offer was accepted with a meeting place; Layla withdraws the offer: Omar is told among his
 * notifications, in his language, and the notification leads to his conversation, which says it is closed. Deleting it
 * afterwards tells him nothing more; deleting a promised offer tells him once; a fulfilled one deleted tells him
 * nothing. Nadia, whose answer was still waiting, and Samir, who answered nothing, are told nothing. For an anonymous
 * request nothing names the member behind it.
 */
class CalledOffTest {
    private static final String KIND = "called-off";
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
    void theAcceptedResponderIsToldOnceWhenTheOfferIsWithdrawnThenDeleted() {
        long offer = offer(camp.layla(), "Two warm blankets");
        long omars = camp.respond("omar", offer, "I would be glad of one, thank you");
        camp.respond("nadia", offer, "If there is a second one, I would take it");
        accept(camp.layla(), omars);
        assertEquals(List.of(), told(camp.omar(), offer, KIND), "nothing is off yet");

        expect(200, camp.layla().post("/proposals/" + offer + "/status", "{\"status\": \"withdrawn\"}"));
        List<JsonNode> told = told(camp.omar(), offer, KIND);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(camp.weft().base()).language(language);
            page.login("omar", CampOfFour.PASSWORD);
            String expected = m.get("notification.called-off", Messages.isolate("Two warm blankets"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals("/conversations/" + omars, opened.headers().firstValue("Location").orElseThrow());
            String conversation = page.get("/conversations/" + omars).body();
            assertTrue(conversation.contains(m.get("conversation.closedWithdrawn")), conversation);
        }

        assertEquals(List.of(), told(camp.nadia(), offer, KIND),
                "her answer was still waiting: nothing was arranged with her");
        assertEquals(List.of(), told(camp.samir(), offer, KIND), "he answered nothing");
        assertEquals(List.of(), told(camp.layla(), offer, KIND), "she did it");

        expect(204, camp.layla().delete("/proposals/" + offer));
        assertEquals(1, told(camp.omar(), offer, KIND).size(), "withdrawn already: deleting it tells him nothing more");
        PageClient page = new PageClient(camp.weft().base());
        page.login("omar", CampOfFour.PASSWORD);
        assertTrue(page.get("/me/notifications").body().contains(Messages.forLanguage("en").get(
                "notification.called-off", Messages.isolate("Two warm blankets"))), "still withdrawn: that was why");
    }

    @Test
    void deletingAPromisedOfferTellsTheResponderOnceAndAFulfilledOneNothing() {
        long promised = offer(camp.layla(), "A pram to lend");
        long omars = camp.respond("omar", promised, "Could we borrow it for the weekend?");
        accept(camp.layla(), omars);
        expect(204, camp.layla().delete("/proposals/" + promised));
        List<JsonNode> told = told(camp.omar(), promised, KIND);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(camp.weft().base()).language(language);
            page.login("omar", CampOfFour.PASSWORD);
            String notifications = page.get("/me/notifications").body();
            // Deleted, not withdrawn: the notice says so, as the conversation does.
            assertTrue(notifications.contains(m.get("notification.called-offDeleted", Messages.isolate("A pram to lend"))),
                    language + ": deleted, it is still named: he must know which is off: " + notifications);
            assertTrue(notifications.contains(m.get("notification.accepted", Messages.isolate("A pram to lend"))),
                    "so is his earlier notice that it was accepted: it was his exchange, he must tell it from others");
            assertTrue(page.get("/conversations/" + omars).body().contains(m.get("conversation.closedDeleted")));
        }

        long done = offer(camp.layla(), "A box of nappies");
        accept(camp.layla(), camp.respond("omar", done, "We need these, thank you"));
        expect(200, camp.layla().post("/proposals/" + done + "/status", "{\"status\": \"fulfilled\"}"));
        expect(204, camp.layla().delete("/proposals/" + done));
        assertEquals(List.of(), told(camp.omar(), done, KIND), "given already: nothing is off");
    }

    @Test
    void anAnonymousRequestCalledOffNamesNobody() {
        ApiClient hana = ApiClient.newMember(camp.weft(), "hana", "Hana Asker");
        long request = expect(201, hana.post("/proposals", """
                {"community": "camp", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                 "categories": ["bedding"], "kind": "gift"}""")).path("id").asLong();
        long omars = camp.respond("omar", request, "I can drive you on Monday");
        accept(hana, omars);
        expect(200, hana.post("/proposals/" + request + "/status", "{\"status\": \"withdrawn\"}"));
        assertEquals(1, told(camp.omar(), request, KIND).size());
        PageClient page = new PageClient(camp.weft().base());
        page.login("omar", CampOfFour.PASSWORD);
        for (String view : new String[] {page.get("/me/notifications").body(),
                page.get("/conversations/" + omars).body(),
                expect(200, camp.omar().get("/me/notifications")).toString()}) {
            assertFalse(view.contains("Hana") || view.contains("hana"), view);
        }
    }

    private static long offer(ApiClient author, String title) {
        return expect(201, author.post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "%s", "categories": ["bedding"], "kind": "gift"}"""
                .formatted(title))).path("id").asLong();
    }


    private static void accept(ApiClient author, long response) {
        expect(200, author.post("/responses/" + response + "/accept",
                "{\"handOff\": \"Tent 12 after the noon prayer\"}"));
    }
}
