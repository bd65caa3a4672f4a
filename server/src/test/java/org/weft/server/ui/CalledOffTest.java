package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestServers;
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
    private static final String PASSWORD = "a long enough password";
    private static final String KIND = "called-off";
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
    void theAcceptedResponderIsToldOnceWhenTheOfferIsWithdrawnThenDeleted() {
        long offer = offer(layla, "Two warm blankets");
        long omars = respond("omar", offer, "I would be glad of one, thank you");
        respond("nadia", offer, "If there is a second one, I would take it");
        accept(layla, omars);
        assertEquals(List.of(), told(omar, offer), "nothing is off yet");

        expect(200, layla.post("/proposals/" + offer + "/status", "{\"status\": \"withdrawn\"}"));
        List<JsonNode> told = told(omar, offer);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(weft.base()).language(language);
            page.login("omar", PASSWORD);
            String expected = m.get("notification.called-off", Messages.isolate("Two warm blankets"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals("/conversations/" + omars, opened.headers().firstValue("Location").orElseThrow());
            String conversation = page.get("/conversations/" + omars).body();
            assertTrue(conversation.contains(m.get("conversation.closedWithdrawn")), conversation);
        }

        assertEquals(List.of(), told(nadia, offer), "her answer was still waiting: nothing was arranged with her");
        assertEquals(List.of(), told(samir, offer), "he answered nothing");
        assertEquals(List.of(), told(layla, offer), "she did it");

        expect(204, layla.delete("/proposals/" + offer));
        assertEquals(1, told(omar, offer).size(), "withdrawn already: deleting it tells him nothing more");
    }

    @Test
    void deletingAPromisedOfferTellsTheResponderOnceAndAFulfilledOneNothing() {
        long promised = offer(layla, "A pram to lend");
        long omars = respond("omar", promised, "Could we borrow it for the weekend?");
        accept(layla, omars);
        expect(204, layla.delete("/proposals/" + promised));
        List<JsonNode> told = told(omar, promised);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        PageClient page = new PageClient(weft.base());
        page.login("omar", PASSWORD);
        Messages en = Messages.forLanguage("en");
        assertTrue(page.get("/me/notifications").body().contains(en.get("notification.called-off",
                Messages.isolate("A pram to lend"))), "deleted, it is still named: he must know which is off");
        assertTrue(page.get("/conversations/" + omars).body().contains(en.get("conversation.closedDeleted")));

        long done = offer(layla, "A box of nappies");
        accept(layla, respond("omar", done, "We need these, thank you"));
        expect(200, layla.post("/proposals/" + done + "/status", "{\"status\": \"fulfilled\"}"));
        expect(204, layla.delete("/proposals/" + done));
        assertEquals(List.of(), told(omar, done), "given already: nothing is off");
    }

    @Test
    void anAnonymousRequestCalledOffNamesNobody() {
        ApiClient hana = ApiClient.newMember(weft, "hana", "Hana Asker");
        long request = expect(201, hana.post("/proposals", """
                {"community": "camp", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                 "categories": ["bedding"], "kind": "gift"}""")).path("id").asLong();
        long omars = respond("omar", request, "I can drive you on Monday");
        accept(hana, omars);
        expect(200, hana.post("/proposals/" + request + "/status", "{\"status\": \"withdrawn\"}"));
        assertEquals(1, told(omar, request).size());
        PageClient page = new PageClient(weft.base());
        page.login("omar", PASSWORD);
        for (String view : new String[] {page.get("/me/notifications").body(), page.get("/conversations/" + omars).body(),
                expect(200, omar.get("/me/notifications")).toString()}) {
            assertFalse(view.contains("Hana") || view.contains("hana"), view);
        }
    }

    private static long offer(ApiClient author, String title) {
        return expect(201, author.post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "%s", "categories": ["bedding"], "kind": "gift"}"""
                .formatted(title))).path("id").asLong();
    }

    private static long respond(String member, long proposal, String text) {
        return weft.server().proposals().responses().respond(member, proposal, text).getId();
    }

    private static void accept(ApiClient author, long response) {
        expect(200, author.post("/responses/" + response + "/accept",
                "{\"handOff\": \"Tent 12 after the noon prayer\"}"));
    }

    /** The member's notifications that {@code proposal}, promised to them, is off. */
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
