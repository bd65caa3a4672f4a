package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Zaid writes five messages in a row in the conversation of his answer to Ben's offer. Ben is told once, with their
 * number, in his language, and that one notification comes back to the top of his list (above Omar's answer, which
 * came between Zaid's first and second message) rather than five pushing his others down. Once Ben has read it,
 * Zaid's next message is news again: a new notification, for one message.
 */
class ConversationDigestTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void messagesInOneConversationAreOneNotificationWhileItIsUnread() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient ben = ApiClient.newMember(weft, "ben", "Ben");
            ApiClient zaid = ApiClient.newMember(weft, "zaid", "Zaid");
            ApiClient omar = ApiClient.newMember(weft, "omar", "Omar");
            JsonNode offer = expect(201, ben.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            long offerId = offer.path("id").asLong();
            long zaids = weft.server().proposals().responses().respond("zaid", offerId, "Could I borrow it?").getId();
            String messages = "/responses/" + zaids + "/messages";
            expect(201, zaid.post(messages, "{\"text\": \"Message 1\"}"));
            weft.server().proposals().responses().respond("omar", offerId, "Or I could use it");
            for (int i = 2; i <= 5; i++) {
                expect(201, zaid.post(messages, "{\"text\": \"Message " + i + "\"}"));
            }

            List<JsonNode> unread = unread(ben);
            JsonNode told = unread.get(0);
            assertEquals("conversation", told.path("kind").asText(), "on top: " + unread);
            assertEquals(5, told.path("count").asInt(), told.toString());
            assertEquals("Message 5", told.path("text").asText(), "it shows the newest");
            assertEquals(1, unread.stream().filter(n -> n.path("kind").asText().equals("conversation")).count(),
                    "one notification for the five: " + unread);
            assertEquals(3, unread.size(), "zaid's answer, omar's and the five messages: " + unread);
            for (String language : List.of("en", "ar")) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(weft.base()).language(language);
                page.login("ben", PASSWORD);
                String expected = m.get("notification.conversations", 5, Messages.isolate("A pram to lend"),
                        Messages.isolate("Zaid"));
                String list = page.get("/me/notifications").body();
                assertTrue(list.contains(expected), language + " lacks " + expected + ": " + list);
            }

            expect(200, ben.post("/me/notifications/read", "{\"ids\": [" + told.path("id").asLong() + "]}"));
            expect(201, zaid.post(messages, "{\"text\": \"Message 6\"}"));
            List<JsonNode> after = unread(ben);
            assertEquals("conversation", after.get(0).path("kind").asText(), after.toString());
            assertEquals(1, after.get(0).path("count").asInt(), "a new one, for the message after: " + after);
            assertEquals("Message 6", after.get(0).path("text").asText());
            assertTrue(after.get(0).path("id").asLong() != told.path("id").asLong(), after.toString());
        }
    }

    /** Eight messages sent at once (two tabs, a flaky connection sending again): still one notice, counting eight. */
    @Test
    void messagesSentAtOnceAreCountedInOneNotification() throws Exception {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient ben = ApiClient.newMember(weft, "ben", "Ben");
            ApiClient zaid = ApiClient.newMember(weft, "zaid", "Zaid");
            JsonNode offer = expect(201, ben.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            long zaids = weft.server().proposals().responses().respond("zaid", offer.path("id").asLong(),
                    "Could I borrow it?").getId();
            String messages = "/responses/" + zaids + "/messages";
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String text = "{\"text\": \"At once " + i + "\"}";
                sends.add(() -> zaid.post(messages, text).statusCode());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (Future<Integer> sent : pool.invokeAll(sends)) {
                    assertEquals(201, sent.get());
                }
            } finally {
                pool.shutdown();
            }
            List<JsonNode> told = unread(ben).stream().filter(n -> n.path("kind").asText().equals("conversation"))
                    .toList();
            assertEquals(1, told.size(), told.toString());
            assertEquals(8, told.get(0).path("count").asInt(), told.toString());
        }
    }

    private static List<JsonNode> unread(ApiClient member) {
        List<JsonNode> items = new ArrayList<>();
        expect(200, member.get("/me/notifications?unread=true")).path("items").forEach(items::add);
        return items;
    }
}
