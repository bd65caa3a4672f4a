package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Answers from Mastodon, handled over the API: the author lists the responses (a public reply and a direct
 * message) and the notifications about them, marks notifications read, accepts one — the proposal becomes
 * promised and the hand-off text goes to that responder alone — and declines the other. Another member can
 * do none of this.
 */
class ApiResponsesTest {
    private static final String HAND_OFF = "Meet at the water point at 5pm <b>bring bags</b>";

    @Test
    void theAuthorSeesAcceptsAndDeclinesResponses() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient yusuf = ApiClient.newMember(weft, "yusuf", "Yusuf");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            long id = offer.path("id").asLong();

            URI inbox = URI.create(weft.base() + "/inbox");
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            // Two people answer: Rosa in public, Carl in a direct message (one person's second answer to the same
            // proposal would join their first one's conversation: MastodonConversationTest).
            PrivateKey carlKey = mastodon.addUser("carl");
            String directMessage = mastodon.directNote("carl", 116205845566778899L, null, weft.base() + "/users/amina",
                    "@amina@" + weft.domain(), "my door code is 4417 if you drop the cool bags while I'm out.");
            assertEquals(202, mastodon.deliver(inbox, reply).statusCode());
            assertEquals(202, mastodon.deliver(inbox, directMessage.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                    carlKey, mastodon.actorOf("carl") + "#main-key").statusCode());
            for (String activity : List.of(reply, directMessage)) {
                InboundActivityEntity done = WaitFor.inboundDone(weft, TestHttp.json(activity).path("id").asText());
                assertNull(done.getLastError(), "applied, not ignored");
            }
            WaitFor.condition("both answers are responses", () -> expect(200, amina.get("/proposals/" + id + "/responses"))
                    .path("total").asInt() == 2);

            JsonNode responses = expect(200, amina.get("/proposals/" + id + "/responses")).path("items");
            JsonNode publicReply = byKind(responses, "reply");
            JsonNode direct = byKind(responses, "direct");
            assertTrue(publicReply.path("public").asBoolean());
            assertFalse(direct.path("public").asBoolean());
            assertTrue(publicReply.path("text").asText().contains("Thursday slot"), publicReply.toString());
            assertTrue(direct.path("text").asText().contains("door code"), direct.toString());
            assertEquals(mastodon.rosa(), publicReply.path("responder").path("uri").asText());
            assertTrue(publicReply.path("responder").path("handle").asText().startsWith("@rosa@"));
            assertEquals("new", publicReply.path("state").asText());
            assertEquals(id, publicReply.path("proposalId").asLong());
            assertEquals(2, expect(200, amina.get("/proposals/" + id)).path("responsesCount").asInt());

            // Notifications: one per response, read one by one or all at once, each member only their own.
            JsonNode notifications = expect(200, amina.get("/me/notifications"));
            assertEquals(2, notifications.path("total").asInt());
            assertEquals(2, notifications.path("unread").asInt());
            assertEquals(2, expect(200, amina.get("/me")).path("unreadNotifications").asInt());
            JsonNode first = notifications.path("items").get(0);
            assertEquals("response", first.path("kind").asText());
            assertEquals(id, first.path("proposalId").asLong());
            assertFalse(first.path("read").asBoolean());
            assertEquals(0, expect(200, yusuf.get("/me/notifications")).path("total").asInt());
            assertEquals(0, expect(200, yusuf.post("/me/notifications/read", "{\"ids\": [" + first.path("id") + "]}"))
                    .path("marked").asInt(), "another member's notification is not theirs to mark");
            JsonNode marked = expect(200, amina.post("/me/notifications/read", "{\"ids\": [" + first.path("id") + "]}"));
            assertEquals(1, marked.path("marked").asInt());
            assertEquals(1, marked.path("unread").asInt());
            assertEquals(1, expect(200, amina.get("/me/notifications?unread=true")).path("items").size());
            expect(400, amina.post("/me/notifications/read", "{\"ids\": [\"one\"]}"));
            expect(400, amina.get("/me/notifications?unread=maybe"));
            assertEquals(1, expect(200, amina.send("POST", "/me/notifications/read", null, null)).path("marked").asInt());
            assertEquals(0, expect(200, amina.get("/me/notifications")).path("unread").asInt());

            // Someone else can neither read nor decide.
            long replyId = publicReply.path("id").asLong();
            long directId = direct.path("id").asLong();
            assertEquals(403, yusuf.get("/proposals/" + id + "/responses").statusCode());
            assertEquals(404, yusuf.post("/responses/" + replyId + "/accept", "{\"handOff\": \"Mine now\"}").statusCode());
            assertEquals(404, yusuf.post("/responses/" + directId + "/decline", null).statusCode());
            assertEquals("new", byKind(expect(200, amina.get("/proposals/" + id + "/responses")).path("items"), "reply")
                    .path("state").asText());
            assertEquals("open", expect(200, amina.get("/proposals/" + id)).path("status").asText());

            JsonNode tooLong = expect(400, amina.post("/responses/" + replyId + "/accept",
                    "{\"handOff\": \"" + "x".repeat(2_001) + "\"}"));
            assertEquals("handOff", tooLong.path("field").asText());
            assertEquals("handOff", expect(400, amina.post("/responses/" + replyId + "/accept", "{\"handOff\": 7}"))
                    .path("field").asText());
            expect(404, amina.post("/responses/999999/accept", "{}"));

            // Accepting: the proposal is promised, and the hand-off goes to the responder only, as a direct message.
            JsonNode accepted = expect(200, amina.post("/responses/" + replyId + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", HAND_OFF).toString()));
            assertEquals("accepted", accepted.path("state").asText());
            assertEquals("promised", accepted.path("proposalStatus").asText());
            assertEquals("promised", expect(200, amina.get("/proposals/" + id)).path("status").asText());
            JsonNode message = WaitFor.value("the hand-off message", () -> handOffMessage(mastodon));
            assertEquals(List.of(mastodon.rosa()), texts(message.path("object").path("to")));
            assertEquals(0, message.path("object").path("cc").size());
            String content = message.path("object").path("content").asText();
            assertTrue(content.contains("Meet at the water point at 5pm &lt;b&gt;bring bags&lt;/b&gt;"), content);

            JsonNode declined = expect(200, amina.post("/responses/" + directId + "/decline", null));
            assertEquals("declined", declined.path("state").asText());
        }
    }

    private static JsonNode byKind(JsonNode responses, String kind) {
        for (JsonNode r : responses) {
            if (kind.equals(r.path("kind").asText())) {
                return r;
            }
        }
        throw new AssertionError("No " + kind + " in " + responses);
    }

    private static JsonNode handOffMessage(MastodonPeer mastodon) {
        return mastodon.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(j -> "Create".equals(j.path("type").asText())
                        && j.path("object").path("content").asText().contains("water point"))
                .findFirst().orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
