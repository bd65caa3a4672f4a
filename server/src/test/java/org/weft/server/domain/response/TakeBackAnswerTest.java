package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Amal answered Bina's request ("I can lend the drill"), both members here; the next day the drill is broken and Amal
 * takes the answer back from its conversation's page, which asks first. Bina, the other person, no longer finds it
 * under her request, is told in her language who took it back, and their conversation is closed for both, saying
 * why. Amal may answer again. When Bina had accepted the answer, she is told the promise is off and her request is
 * open again. Taking back twice, or after the request was withdrawn, tells nobody anything more. A Mastodon user's
 * reply, deleted, tells the author the same way.
 */
class TakeBackAnswerTest {
    private static final String PASSWORD = "a long enough password";
    private static TestServers.Instance weft;
    private static ApiClient bina;
    private static ApiClient amal;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        bina = ApiClient.newMember(weft, "bina", "Bina");
        amal = ApiClient.newMember(weft, "amal", "Amal");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theAuthorSeesTheAnswerGoneIsToldAndTheConversationClosesForBoth() {
        long request = request("A drill for the shelves");
        long answer = respond(request, "I can lend the drill tomorrow");
        assertEquals(1, responses(request).size());

        // Amal takes it back on the conversation's page: asked first, then done.
        PageClient amalsPage = new PageClient(weft.base());
        amalsPage.login("amal", PASSWORD);
        String conversation = "/conversations/" + answer;
        String takeBack = conversation + "/take-back";
        HttpResponse<String> asked = amalsPage.post(takeBack, PageClient.hiddenFields(amalsPage.get(conversation).body(),
                takeBack));
        assertEquals(200, asked.statusCode(), asked.body());
        assertTrue(asked.body().contains(Messages.forLanguage("en").get("confirm.takeBackTitle")), asked.body());
        assertEquals(1, responses(request).size(), "nothing changes before it is confirmed");
        HttpResponse<String> done = amalsPage.post(takeBack, PageClient.hiddenFields(asked.body(), takeBack));
        assertEquals(303, done.statusCode(), done.body());

        // Bina's view: the answer is gone from her request, she is told who took it back, and the conversation says so.
        assertEquals(List.of(), responses(request), "no longer listed under her request");
        List<JsonNode> told = told(bina, "answer-taken-back", answer);
        assertEquals(1, told.size(), told.toString());
        assertEquals(request, told.get(0).path("proposalId").asLong());
        assertEquals("Amal", told.get(0).path("from").asText(), told.toString());
        String requestPath = URI.create(expect(200, bina.get("/proposals/" + request)).path("uri").asText()).getPath();
        for (String language : List.of("en", "ar")) {
            Messages m = Messages.forLanguage(language);
            PageClient binasPage = new PageClient(weft.base()).language(language);
            binasPage.login("bina", PASSWORD);
            String notice = m.get("notification.answer-taken-back", Messages.isolate("A drill for the shelves"),
                    Messages.isolate("Amal"));
            String notifications = binasPage.get("/me/notifications").body();
            assertTrue(notifications.contains(notice), language + " lacks " + notice + ": " + notifications);
            HttpResponse<String> opened = binasPage.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals(conversation, opened.headers().firstValue("Location").orElseThrow());
            String page = binasPage.get(conversation).body();
            assertTrue(page.contains(m.get("conversation.closedTakenBack", Messages.isolate("Amal"))), page);
            assertFalse(page.contains("action=\"" + conversation + "/messages\""), "no form to write: " + page);
            assertFalse(page.contains(takeBack), "only the responder takes an answer back");
            assertFalse(binasPage.get(requestPath).body().contains("I can lend the drill tomorrow"),
                    "her request's page no longer shows it");
        }

        // Amal's view: the conversation says she took it back, and takes nothing more, from her or from Bina.
        String own = amalsPage.get(conversation).body();
        assertTrue(own.contains(Messages.forLanguage("en").get("conversation.closedTakenBackByYou")), own);
        assertFalse(own.contains("action=\"" + takeBack + "\""), "taken back already: " + own);
        JsonNode mine = expect(200, amal.get("/me/responses")).path("items").get(0);
        assertEquals(answer, mine.path("responseId").asLong());
        assertEquals("takenback", mine.path("closed").asText(), mine.toString());
        assertTrue(mine.path("takenBack").asBoolean(), mine.toString());
        expect(409, amal.post("/responses/" + answer + "/messages", "{\"text\": \"Sorry!\"}"));
        expect(409, bina.post("/responses/" + answer + "/messages", "{\"text\": \"Never mind\"}"));
        JsonNode refused = expect(400, bina.post("/responses/" + answer + "/accept", null));
        assertEquals("response_taken_back", refused.path("error").asText(), refused.toString());

        // Again, through the API: the same answer, nothing more for Bina. Bina cannot take it back for her.
        JsonNode again = expect(200, amal.post("/responses/" + answer + "/take-back", null));
        assertTrue(again.path("takenBack").asBoolean(), again.toString());
        assertEquals(1, told(bina, "answer-taken-back", answer).size(), "told once");
        JsonNode notHers = expect(404, bina.post("/responses/" + answer + "/take-back", null));
        // The exception's English detail ("No answer 3 of member 2") is for the log; she reads the not-found sentence.
        assertEquals("not_found", notHers.path("error").asText(), notHers.toString());
        assertEquals("There is nothing here, or it was removed.", notHers.path("message").asText(), notHers.toString());

        // The drill is mended: Amal answers again, a fresh answer Bina sees and is told of.
        long second = respond(request, "Mended! The drill is yours for the week");
        assertNotEquals(answer, second);
        List<JsonNode> listed = responses(request);
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(second, listed.get(0).path("id").asLong());
        assertTrue(expect(200, amal.get("/responses/" + second + "/messages")).path("open").asBoolean());
    }

    @Test
    void aPromiseTakenBackIsOffAndTheRequestOpensAgain() {
        long request = request("Someone to carry water on Friday");
        long answer = respond(request, "I will carry it, I have a cart");
        expect(200, bina.post("/responses/" + answer + "/accept", "{\"handOff\": \"The water point at 9\"}"));
        assertEquals("promised", status(request));

        JsonNode taken = expect(200, amal.post("/responses/" + answer + "/take-back", null));
        assertEquals("takenback", taken.path("closed").asText(), taken.toString());

        assertEquals("open", status(request), "back to what it was before she accepted");
        List<JsonNode> told = told(bina, "promise-taken-back", answer);
        assertEquals(1, told.size(), told.toString());
        assertEquals(List.of(), told(bina, "answer-taken-back", answer), "one notice, saying the promise is off");
        for (String language : List.of("en", "fa")) {
            Messages m = Messages.forLanguage(language);
            PageClient binasPage = new PageClient(weft.base()).language(language);
            binasPage.login("bina", PASSWORD);
            String notice = m.get("notification.promise-taken-back",
                    Messages.isolate("Someone to carry water on Friday"), Messages.isolate("Amal"));
            String notifications = binasPage.get("/me/notifications").body();
            assertTrue(notifications.contains(notice), language + " lacks " + notice + ": " + notifications);
            String page = binasPage.get("/conversations/" + answer).body();
            assertTrue(page.contains("The water point at 9"), "what Bina wrote stays readable: " + page);
        }
    }

    @Test
    void takingBackAfterTheRequestWasWithdrawnTellsNobody() {
        long request = request("A ladder for an afternoon");
        long answer = respond(request, "My ladder is free on Sunday");
        expect(200, bina.post("/proposals/" + request + "/status", "{\"status\": \"withdrawn\"}"));

        JsonNode taken = expect(200, amal.post("/responses/" + answer + "/take-back", null));

        assertTrue(taken.path("takenBack").asBoolean(), taken.toString());
        assertEquals(List.of(), told(bina, "answer-taken-back", answer), "her request is withdrawn: no news to her");
    }

    @Test
    void aMastodonReplyDeletedTellsTheAuthorTheSameWay() {
        long offer = expect(201, bina.post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "Fresh bread every morning",
                 "categories": ["bread"], "kind": "gift"}""")).path("id").asLong();
        String uri = expect(200, bina.get("/proposals/" + offer)).path("uri").asText();
        try (MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", uri).replace("/users/amina", "/users/bina");
            deliver(mastodon, reply);
            List<JsonNode> listed = responses(offer);
            assertEquals(1, listed.size(), listed.toString());
            long rosas = listed.get(0).path("id").asLong();
            String noteId = TestHttp.json(reply).path("object").path("id").asText();
            String delete = mastodon.fixture("mastodon/delete-note.json")
                    .replace(mastodon.rosa() + "/statuses/116205812345678901", noteId);

            deliver(mastodon, delete);

            assertEquals(List.of(), responses(offer));
            List<JsonNode> told = told(bina, "answer-taken-back", rosas);
            assertEquals(1, told.size(), told.toString());
            assertFalse(told.get(0).path("from").asText().isEmpty(), told.toString());
            String page = expect(200, bina.get("/responses/" + rosas + "/messages")).toString();
            assertTrue(page.contains("\"closed\":\"takenback\""), page);
            assertFalse(weft.server().db().inTransaction(s -> s.find(ResponseEntity.class, rosas).getContent())
                    .contains("trolley"), "its words are gone");
        }
    }

    private static void deliver(MastodonPeer peer, String json) {
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        InboundActivityEntity done = WaitFor.inboundDone(weft, TestHttp.json(json).path("id").asText());
        assertEquals(InboundActivityEntity.State.DONE, done.getState(), String.valueOf(done.getLastError()));
    }

    private static long request(String title) {
        return expect(201, bina.post("/proposals", """
                {"community": "camp", "purpose": "request", "title": "%s", "categories": ["tools"], "kind": "loan"}"""
                .formatted(title))).path("id").asLong();
    }

    private static long respond(long proposal, String text) {
        return weft.server().proposals().responses().respond("amal", proposal, text).getId();
    }

    private static String status(long proposal) {
        return expect(200, bina.get("/proposals/" + proposal)).path("status").asText();
    }

    /** The answers under one of Bina's proposals, as her client reads them. */
    private static List<JsonNode> responses(long proposal) {
        List<JsonNode> items = new ArrayList<>();
        expect(200, bina.get("/proposals/" + proposal + "/responses")).path("items").forEach(items::add);
        return items;
    }

    /** The member's notifications of {@code kind} about one answer. */
    private static List<JsonNode> told(ApiClient member, String kind, long answer) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind) && n.path("responseId").asLong() == answer) {
                told.add(n);
            }
        }
        return told;
    }
}
