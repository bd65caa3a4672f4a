package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.TestServers;

/**
 * What the people around a post a moderator hid are told, before the hide, after it, and after "Show it again". Its
 * author finds it marked "Hidden by a moderator" in "My proposals", opens its page (nobody else but the community's
 * moderators does), told a moderator of the community hid it and that they may delete it, which is all it offers; a
 * notification tells them of the hide and of showing it again. The member who answered it keeps talking with the
 * author, and both read at the top of their conversation that the post it is about was hidden, until it is shown
 * again. For an anonymous request the member behind it is the author, and nothing tells anyone else who that is.
 */
class HiddenPostAuthorTest {
    private static final String PASSWORD = "a long enough password";
    private static final String SHOW_AGAIN = "/moderate/hidden-posts/show";
    private static final String HIDDEN_LABEL = "Hidden by a moderator";
    private static final String AUTHOR_NOTE = "A moderator of \u2068Block 3\u2069 hid this post. Nobody else can see it now";
    private static final String CONVERSATION_NOTE = "A moderator hid the offer or request this conversation is about";

    @Test
    void theAuthorIsToldAndTheConversationGoesOn() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient api = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, api.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Fresh bread every morning",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            String page = URI.create(offer.path("uri").asText()).getPath();
            weft.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            long responseId = weft.server().proposals().responses().respond("bob", offer.path("id").asLong(),
                    "Could I have a loaf on Friday?").getId();
            expect(201, api.post("/responses/" + responseId + "/messages", """
                    {"text": "Yes, come by at nine"}"""));
            String conversation = "/conversations/" + responseId;
            PageClient amina = loggedIn(weft, "amina");
            PageClient bob = loggedIn(weft, "bob");
            PageClient olga = operator(weft, "olga");

            // Before: a post like any other, for everyone; nobody is told of a hide.
            String mine = amina.get("/me/proposals").body();
            assertTrue(mine.contains("status open") && !mine.contains(HIDDEN_LABEL), mine);
            assertFalse(bob.get(conversation).body().contains(CONVERSATION_NOTE));
            assertFalse(amina.get(page).body().contains(CONVERSATION_NOTE));
            assertEquals(200, new PageClient(weft.base()).get(page).statusCode(), "a visitor");

            hide(weft, bob, olga, page);

            // Its author: marked hidden in her list, which still leads to its page; there she is told why, and may
            // only delete it. Her conversation with bob goes on, with the notice on top.
            mine = amina.get("/me/proposals").body();
            assertTrue(mine.contains("status hidden\">" + HIDDEN_LABEL) && !mine.contains("status open"), mine);
            assertTrue(mine.contains("href=\"" + weft.base() + page + "\""), mine);
            HttpResponse<String> own = amina.get(page);
            assertEquals(200, own.statusCode(), own.body());
            String authorView = own.body();
            assertTrue(authorView.contains(AUTHOR_NOTE) && authorView.contains("You may still delete it."), authorView);
            assertTrue(authorView.contains("action=\"" + weft.base() + page + "/delete\""), "delete is offered");
            for (String refused : new String[] {page + "/edit", page + "/status", page + "/renew", page + "/respond",
                    "/responses/" + responseId + "/accept", "/responses/" + responseId + "/decline", SHOW_AGAIN}) {
                assertFalse(authorView.contains(refused + "\""), "not offered: " + refused);
            }
            assertFalse(authorView.contains("A moderator hid this post."), "the moderators' note is theirs");
            // Nor may she decide on bob's response some other way: accepting would move the hidden post along.
            assertEquals(404, api.post("/responses/" + responseId + "/accept", "{}").statusCode());
            assertEquals(404, api.post("/responses/" + responseId + "/decline", "{}").statusCode());
            assertEquals("open", expect(200, api.get("/proposals/" + offer.path("id").asLong())).path("status").asText());
            assertTrue(authorView.contains(CONVERSATION_NOTE), authorView);
            assertTrue(amina.get(conversation).body().contains(CONVERSATION_NOTE));
            // Her notification says who hid what, and leads to the page she may open.
            String told = amina.get("/me/notifications").body();
            assertTrue(told.contains("A moderator of \u2068Block 3\u2069 hid your post “\u2068Fresh bread every morning"
                    + "\u2069”: nobody else can see it now."), told);
            assertEquals(page, opened(amina, api, "post-hidden"));

            // bob: the post is gone (404), his conversation says why and does not link to it, and he still writes.
            assertEquals(404, bob.get(page).statusCode());
            String bobsView = bob.get(conversation).body();
            assertTrue(bobsView.contains(CONVERSATION_NOTE) && bobsView.contains("Yes, come by at nine"), bobsView);
            assertFalse(bobsView.contains("href=\"" + weft.base() + page + "\""), "no link to a page that answers 404");
            assertTrue(bob.get("/me/responses").body().contains(CONVERSATION_NOTE));
            Map<String, String> write = new HashMap<>(PageClient.hiddenFields(bobsView, conversation + "/messages"));
            write.put("text", "Nine is fine, see you");
            assertEquals(303, bob.post(conversation + "/messages", write).statusCode());
            assertTrue(amina.get(page).body().contains("Nine is fine, see you"), "the message reached amina");
            // amina's answer: bob's notification leads to the conversation, not to the hidden page.
            expect(201, api.post("/responses/" + responseId + "/messages", """
                    {"text": "Great"}"""));
            assertEquals(conversation, opened(bob, ApiClient.withToken(weft, token(weft, "bob")), "conversation"));

            // A visitor still gets 404; the moderator reads it with the moderators' note, not the author's.
            assertEquals(404, new PageClient(weft.base()).get(page).statusCode(), "a visitor");
            String moderatorView = olga.get(page).body();
            assertTrue(moderatorView.contains("A moderator hid this post.") && !moderatorView.contains(AUTHOR_NOTE),
                    moderatorView);

            HttpResponse<String> shown = olga.post(SHOW_AGAIN, PageClient.hiddenFields(moderatorView, SHOW_AGAIN));
            assertEquals(303, shown.statusCode(), shown.body());

            // Shown again: amina is told, her list and page are as before, and the notices are gone for both.
            assertTrue(amina.get("/me/notifications").body().contains("A moderator of \u2068Block 3\u2069 showed your"
                    + " post “\u2068Fresh bread every morning\u2069” again: everyone can see it again."));
            assertEquals(page, opened(amina, api, "post-shown"));
            mine = amina.get("/me/proposals").body();
            assertTrue(mine.contains("status open") && !mine.contains(HIDDEN_LABEL), mine);
            String again = amina.get(page).body();
            assertTrue(again.contains(page + "/edit\"") && !again.contains(AUTHOR_NOTE), again);
            assertFalse(again.contains(CONVERSATION_NOTE), again);
            bobsView = bob.get(conversation).body();
            assertFalse(bobsView.contains(CONVERSATION_NOTE), bobsView);
            assertTrue(bobsView.contains("href=\"" + weft.base() + page + "\""), "the link is back");
            assertEquals(200, bob.get(page).statusCode());
            assertEquals(200, new PageClient(weft.base()).get(page).statusCode(), "a visitor");
        }
    }

    /**
     * Hana asks anonymously: the community answers for her outside. Hidden, she (the member behind it) is told and reads
     * it; the moderator's page, queue and notifications, and bob's conversation, still name only the community. She
     * deletes it from its page.
     */
    @Test
    void anAnonymousRequestsAuthorIsToldAndNobodyElseLearnsWho() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient api = ApiClient.newMember(weft, "hana", "Hana Asker");
            JsonNode request = expect(201, api.post("/proposals", """
                    {"community": "block3", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            String page = URI.create(request.path("uri").asText()).getPath();
            weft.server().localActors().createMember("bob", "Bob Helper", PASSWORD, false);
            long responseId = weft.server().proposals().responses().respond("bob", request.path("id").asLong(),
                    "I can drive you").getId();
            // bob writes to the community's side (a message hana wrote would carry her name to the moderators who
            // share her side, as it should): what the moderators read names nobody behind the request.
            expect(201, ApiClient.withToken(weft, token(weft, "bob")).post("/responses/" + responseId + "/messages", """
                    {"text": "Which day suits you?"}"""));
            PageClient hana = loggedIn(weft, "hana");
            PageClient bob = loggedIn(weft, "bob");
            PageClient olga = operator(weft, "olga");
            assertFalse(olga.get(page).body().contains("Hana"), "before: the moderator is not told who asked");

            assertFalse(expect(200, api.get("/me/proposals")).path("items").get(0).path("hiddenByModerator").asBoolean(true));
            long reportId = report(weft, bob, page);
            // The open report names no one: not her address, not how often she was reported; a block asked for by a
            // hand-made form (the queue offers none for a member here, and it is refused) does not name her either.
            String queue = olga.get("/moderate/reports").body();
            assertTrue(queue.contains("the member who posted an anonymous request (not named here)"), queue);
            HttpResponse<String> askedToBlock = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "Not allowed here"));
            assertEquals(200, askedToBlock.statusCode(), askedToBlock.body());
            for (String view : new String[] {queue, askedToBlock.body()}) {
                assertFalse(view.contains("/users/hana") || view.contains("Hana"), view);
            }
            hideReported(olga, reportId);

            assertTrue(hana.get("/me/proposals").body().contains(HIDDEN_LABEL));
            JsonNode mine = expect(200, api.get("/me/proposals")).path("items").get(0);
            assertTrue(mine.path("hiddenByModerator").asBoolean(false), "her app can say so too: " + mine);
            String own = hana.get(page).body();
            assertTrue(own.contains(AUTHOR_NOTE) && own.contains(CONVERSATION_NOTE), own);
            assertTrue(hana.get("/me/notifications").body().contains("hid your post “\u2068A ride to the clinic\u2069”"));
            assertEquals(page, opened(hana, api, "post-hidden"));

            // Nobody else learns who asked: not the moderator on the page, the queue or her notifications; not bob.
            String moderatorView = olga.get(page).body();
            assertTrue(moderatorView.contains("A moderator hid this post."), moderatorView);
            assertTrue(moderatorView.contains(CONVERSATION_NOTE), "the moderators share her side of the conversation");
            for (String view : new String[] {moderatorView, olga.get("/moderate/reports").body(),
                    olga.get("/me/notifications").body(), olga.get("/conversations/" + responseId).body()}) {
                assertFalse(view.contains("Hana") || view.contains("hana"), view);
            }
            assertFalse(olga.get("/me/notifications").body().contains("hid your post"), "the notice is hers alone");
            String bobsView = bob.get("/conversations/" + responseId).body();
            assertTrue(bobsView.contains(CONVERSATION_NOTE), bobsView);
            assertFalse(bobsView.contains("Hana") || bobsView.contains("hana"), bobsView);
            assertEquals(404, bob.get(page).statusCode());
            assertEquals(404, new PageClient(weft.base()).get(page).statusCode(), "a visitor");

            // The one thing left to her, from its page: delete it (asked first). Then it is gone for her too.
            HttpResponse<String> asked = hana.post(page + "/delete", PageClient.hiddenFields(own, page + "/delete"));
            assertEquals(200, asked.statusCode(), asked.body());
            HttpResponse<String> deleted = hana.post(page + "/delete", PageClient.hiddenFields(asked.body(), page + "/delete"));
            assertEquals(303, deleted.statusCode(), deleted.body());
            assertEquals(410, hana.get(page).statusCode());
            assertFalse(hana.get("/me/proposals").body().contains("A ride to the clinic"));
        }
    }

    /** bob reports the post from its page, and olga hides it after the confirmation (the board posts' wording). */
    private static void hide(TestServers.Instance weft, PageClient bob, PageClient olga, String page) {
        hideReported(olga, report(weft, bob, page));
    }

    /** bob reports the post from its page: the report's id. */
    private static long report(TestServers.Instance weft, PageClient bob, String page) {
        String bobsPage = bob.get(page).body();
        // The post's own report form, the page's last (the ones before it are under the conversation's messages).
        String form = bobsPage.substring(bobsPage.lastIndexOf("action=\"/report\""));
        Map<String, String> report = new HashMap<>(PageClient.hiddenFields(form, "/report"));
        assertEquals(weft.base() + page, report.get("proposal"), "the post's report form");
        report.put("comment", "Not what it says");
        assertEquals(303, bob.post("/report", report).statusCode());
        return weft.server().safety().reports().all(1).get(0).getId();
    }

    /** olga hides the reported post after the confirmation (the board posts' wording). */
    private static void hideReported(PageClient olga, long reportId) {
        HttpResponse<String> asked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                Map.of("action", "hide", "reason", "Not allowed here"));
        assertTrue(asked.body().contains("Hide the reported posts?"), asked.body());
        assertEquals(303, olga.post("/moderate/reports/" + reportId,
                PageClient.hiddenFields(asked.body(), "/moderate/reports/" + reportId)).statusCode());
    }

    /** Follows the member's newest notification of {@code kind} from the page: where it leads. */
    private static String opened(PageClient member, ApiClient api, String kind) {
        JsonNode items = expect(200, api.get("/me/notifications")).path("items");
        long id = -1;
        for (JsonNode item : items) {
            if (item.path("kind").asText().equals(kind)) {
                id = item.path("id").asLong();
                break;
            }
        }
        assertTrue(id > 0, "a " + kind + " notification: " + items);
        HttpResponse<String> followed = member.get("/me/notifications/" + id);
        assertEquals(303, followed.statusCode(), followed.body());
        return followed.headers().firstValue("Location").orElseThrow();
    }

    private static String token(TestServers.Instance weft, String username) {
        return new ApiTokens(weft.server().db(), Clock.systemUTC()).create(username, "test");
    }

    private static PageClient operator(TestServers.Instance weft, String username) {
        weft.server().localActors().createMember(username, "Olga", PASSWORD, false);
        new Operators(weft.server().db()).setAdmin(username, true);
        return loggedIn(weft, username);
    }

    private static PageClient loggedIn(TestServers.Instance weft, String username) {
        PageClient client = new PageClient(weft.base());
        client.login(username, PASSWORD);
        return client;
    }
}
