package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.AccountEnd;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Operators;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A conversation with someone on Mastodon (WireMock serving Mastodon's shapes, signing as Mastodon signs): the
 * hand-off and every message after it reach the responder as direct Notes addressed to them alone and mentioning them,
 * each in reply to the one before; their replies come back into the right conversation, and nobody else's do. The
 * meeting place is in no other delivery and no public document. For an anonymous request the community speaks, and the
 * author's name never leaves.
 */
class MastodonConversationTest {
    private static final String HAND_OFF = "Blue door of the clinic on Olive Street, Thursday 10:00";

    @Test
    void theHandOffAndTheConversationGoToTheResponderAloneAndTheirRepliesThreadBack() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String offerUri = offer.path("uri").asText();
            String aminaUri = weft.base() + "/users/amina";
            String aminaHandle = "@amina@" + weft.domain();
            URI inbox = URI.create(weft.base() + "/inbox");

            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offerUri);
            String replyId = TestHttp.json(reply).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, reply).statusCode());
            long responseId = WaitFor.value("rosa's reply is a response", () -> {
                JsonNode items = expect(200, amina.get("/proposals/" + offer.path("id").asLong() + "/responses")).path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });

            // The hand-off: a direct Note to rosa alone, mentioning her, in reply to her own reply.
            expect(200, amina.post("/responses/" + responseId + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", HAND_OFF).toString()));
            JsonNode handOff = WaitFor.value("the hand-off reaches Mastodon", () -> delivered(mastodon, HAND_OFF));
            assertDirectTo(handOff, aminaUri, mastodon.rosa(), replyId);

            // The next message answers the hand-off.
            JsonNode written = expect(201, amina.post("/responses/" + responseId + "/messages",
                    "{\"text\": \"I will wear a green scarf.\"}"));
            assertTrue(written.path("mine").asBoolean());
            JsonNode second = WaitFor.value("the second message reaches Mastodon", () -> delivered(mastodon, "green scarf"));
            assertDirectTo(second, aminaUri, mastodon.rosa(), handOff.path("object").path("id").asText());
            for (JsonNode sent : List.of(handOff, second)) {
                assertEquals(replyId, sent.path("object").path("context").asText(), "each names her reply as its context");
            }

            // Rosa answers it, as Mastodon sends a reply in a direct conversation: it joins the conversation, once.
            String answer = mastodon.directNote("rosa", 116205900000000001L, second.path("object").path("id").asText(),
                    aminaUri, aminaHandle, "Thanks, see you there!");
            assertEquals(202, mastodon.deliver(inbox, answer).statusCode());
            assertDone(weft, TestHttp.json(answer).path("id").asText());
            // Mastodon retries later, signing anew (the same signature twice would be a replay, refused with 401).
            assertEquals(202, mastodon.deliver(inbox, answer.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now().plusSeconds(2),
                    mastodon.key(), mastodon.keyId()).statusCode(), "a redelivery");
            JsonNode messages = expect(200, amina.get("/responses/" + responseId + "/messages"));
            assertEquals(3, messages.path("total").asInt(), messages.toString());
            JsonNode newest = messages.path("items").get(0);
            assertEquals("Thanks, see you there!", newest.path("text").asText(), "the mention Mastodon adds is not shown");
            assertEquals("Rosa Dlamini", newest.path("from").asText());
            assertFalse(newest.path("mine").asBoolean());
            assertEquals(HAND_OFF, messages.path("items").get(2).path("text").asText(), "the hand-off comes first");
            JsonNode told = expect(200, amina.get("/me/notifications?unread=true")).path("items").get(0);
            assertEquals("conversation", told.path("kind").asText());
            assertEquals(responseId, told.path("responseId").asLong());
            assertEquals("Thanks, see you there!", told.path("text").asText());
            PageClient aminaPage = new PageClient(weft.base());
            aminaPage.login("amina", "a long enough password");
            String page = aminaPage.get(URI.create(offerUri).getPath()).body();
            assertTrue(page.contains("Thanks, see you there!") && page.contains("green scarf"), page);

            // Someone else on Mastodon answers one of the conversation's messages: it joins nothing, and is kept nowhere.
            PrivateKey carlKey = mastodon.addUser("carl");
            String intrusion = mastodon.directNote("carl", 7L, second.path("object").path("id").asText(), aminaUri,
                    aminaHandle, "I can bring bags too, where is it?");
            assertEquals(202, mastodon.deliver(inbox, intrusion.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(),
                    carlKey, mastodon.actorOf("carl") + "#main-key").statusCode());
            assertDone(weft, TestHttp.json(intrusion).path("id").asText());
            assertEquals(3, expect(200, amina.get("/responses/" + responseId + "/messages")).path("total").asInt());
            assertEquals(1, expect(200, amina.get("/proposals/" + offer.path("id").asLong() + "/responses")).path("total")
                    .asInt(), "nor is it a new response");
            assertEquals(0L, count(weft, "select count(*) from MessageEntity"), "nor a loose message");

            // Rosa follows up on her own message (Mastodon threads it under hers); then she deletes it.
            String followUp = mastodon.directNote("rosa", 116205900000000002L, TestHttp.json(answer).path("object")
                    .path("id").asText(), aminaUri, aminaHandle, "Running five minutes late.");
            mastodon.deliver(inbox, followUp);
            assertDone(weft, TestHttp.json(followUp).path("id").asText());
            assertEquals(4, expect(200, amina.get("/responses/" + responseId + "/messages")).path("total").asInt());
            String followUpId = TestHttp.json(followUp).path("object").path("id").asText();
            String delete = TestHttp.JSON.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", followUpId + "#delete").put("type", "Delete").put("actor", mastodon.rosa())
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("to", TestHttp.JSON.createArrayNode()
                            .add("https://www.w3.org/ns/activitystreams#Public"))
                    .set("object", TestHttp.JSON.createObjectNode().put("id", followUpId).put("type", "Tombstone")).toString();
            mastodon.deliver(inbox, delete);
            assertDone(weft, followUpId + "#delete");
            assertEquals(3, expect(200, amina.get("/responses/" + responseId + "/messages")).path("total").asInt(),
                    "the sender took it back");

            assertThePlaceLeftOnlyForRosa(weft, mastodon, offer);

            // Over time: amina (who reads the pages in Arabic) withdraws the offer. Rosa is told it is off, once, in a
            // direct Note in amina's language, threaded under the conversation's last message, which amina sees sent.
            setLanguage(weft, "amina", "ar");
            expect(200, amina.post("/proposals/" + offer.path("id").asLong() + "/status", "{\"status\": \"withdrawn\"}"));
            String off = Messages.forLanguage("ar").get("conversation.calledOffNote", "Cool bags to lend");
            JsonNode calledOff = WaitFor.value("rosa is told it is off", () -> delivered(mastodon, off));
            assertDirectTo(calledOff, aminaUri, mastodon.rosa(), TestHttp.json(answer).path("object").path("id").asText());
            assertEquals(replyId, calledOff.path("object").path("context").asText());
            JsonNode sent = expect(200, amina.get("/responses/" + responseId + "/messages")).path("items").get(0);
            assertEquals(off, sent.path("text").asText());
            assertTrue(sent.path("mine").asBoolean(), "sent for her: " + sent);
            JsonNode refused = expect(409, amina.post("/responses/" + responseId + "/messages",
                    "{\"text\": \"One more thing\"}"));
            assertEquals("conversation_closed", refused.path("error").asText(), refused.toString());
            assertEquals(Messages.forLanguage("ar").get("conversation.closedWithdrawn"), refused.path("message").asText(),
                    "said in her language");
            String late = mastodon.directNote("rosa", 116205900000000003L, second.path("object").path("id").asText(), aminaUri,
                    aminaHandle, "Is it still on?");
            mastodon.deliver(inbox, late);
            assertDone(weft, TestHttp.json(late).path("id").asText());
            JsonNode after = expect(200, amina.get("/responses/" + responseId + "/messages"));
            assertEquals(4, after.path("total").asInt(), "the three before and the Note that it is off");
            assertFalse(after.path("open").asBoolean());
            assertEquals("withdrawn", after.path("closed").asText());

            // Deleted afterwards, it is not said again; an offer given (fulfilled) and then deleted says nothing.
            expect(204, amina.delete("/proposals/" + offer.path("id").asLong()));
            JsonNode chairs = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Camping chairs", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String chairsReply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", chairs.path("uri").asText())
                    .replace("116205830011223344", "116205830011224444");
            mastodon.deliver(inbox, chairsReply);
            assertDone(weft, TestHttp.json(chairsReply).path("id").asText());
            long chairsResponse = expect(200, amina.get("/proposals/" + chairs.path("id").asLong() + "/responses"))
                    .path("items").get(0).path("id").asLong();
            expect(200, amina.post("/responses/" + chairsResponse + "/accept", "{\"handOff\": \"By the gate\"}"));
            expect(200, amina.post("/proposals/" + chairs.path("id").asLong() + "/status", "{\"status\": \"fulfilled\"}"));
            expect(204, amina.delete("/proposals/" + chairs.path("id").asLong()));
            WaitFor.deliveriesDrained(weft);
            String anyOff = Messages.forLanguage("ar").get("conversation.calledOffNote", "");
            List<LoggedRequest> saidOff = mastodon.inboxPosts().stream()
                    .filter(r -> TestHttp.json(r.getBodyAsString()).path("object").path("content").asText()
                            .contains(anyOff.substring(anyOff.indexOf(':'))))
                    .toList();
            assertEquals(1, saidOff.size(), "said once, and only of the withdrawn offer");
        }
    }

    /**
     * Amina accepted Rosa's reply on Mastodon, then opens her offer again (she may lend the bags to more people). Rosa
     * is told once, in a direct Note to her alone in Amina's language, threaded under the hand-off; her response stays
     * accepted and the conversation open, so her answer to the Note comes back into it, not as a new answer.
     */
    @Test
    void openingAPromisedOfferAgainTellsTheResponderOnMastodonInTheConversation() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            long offerId = offer.path("id").asLong();
            String aminaUri = weft.base() + "/users/amina";
            URI inbox = URI.create(weft.base() + "/inbox");
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, mastodon.deliver(inbox, reply).statusCode());
            long responseId = WaitFor.value("rosa's reply is a response", () -> {
                JsonNode items = expect(200, amina.get("/proposals/" + offerId + "/responses")).path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });
            expect(200, amina.post("/responses/" + responseId + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", HAND_OFF).toString()));
            JsonNode handOff = WaitFor.value("the hand-off reaches Mastodon", () -> delivered(mastodon, HAND_OFF));

            setLanguage(weft, "amina", "uk");
            expect(200, amina.post("/proposals/" + offerId + "/status", "{\"status\": \"open\"}"));
            String again = Messages.forLanguage("uk").get("conversation.reopenedNote", "Cool bags to lend");
            JsonNode told = WaitFor.value("rosa is told it is open again", () -> delivered(mastodon, again));
            assertDirectTo(told, aminaUri, mastodon.rosa(), handOff.path("object").path("id").asText());
            JsonNode sent = expect(200, amina.get("/responses/" + responseId + "/messages")).path("items").get(0);
            assertEquals(again, sent.path("text").asText(), "Amina sees what was said for her");
            assertTrue(sent.path("mine").asBoolean(), sent.toString());
            JsonNode response = expect(200, amina.get("/proposals/" + offerId + "/responses")).path("items").get(0);
            assertEquals("accepted", response.path("state").asText(), "nobody turned Rosa down");

            String answer = mastodon.directNote("rosa", 116205900000000009L, told.path("object").path("id").asText(),
                    aminaUri, "@amina@" + weft.domain(), "Fine, I still come on Thursday?");
            assertEquals(202, mastodon.deliver(inbox, answer).statusCode());
            assertDone(weft, TestHttp.json(answer).path("id").asText());
            JsonNode messages = expect(200, amina.get("/responses/" + responseId + "/messages"));
            assertEquals("Fine, I still come on Thursday?", messages.path("items").get(0).path("text").asText());
            assertEquals(1, expect(200, amina.get("/proposals/" + offerId + "/responses")).path("total").asInt(),
                    "her answer is said in the conversation, not a new response");

            expect(200, amina.post("/proposals/" + offerId + "/status", "{\"status\": \"open\"}"));
            WaitFor.deliveriesDrained(weft);
            assertEquals(1, mastodon.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                    .filter(j -> j.path("object").path("content").asText().contains(again)).count(), "told once");
        }
    }

    private static void setLanguage(TestServers.Instance weft, String member, String language) {
        long id = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, member)).orElseThrow().getId();
        new AccountService(weft.server().db(), weft.server().localActors(), weft.server().proposals().service(),
                AccountEnd.NONE, Clock.systemUTC()).setLanguage(id, language);
    }

    /**
     * Someone on Mastodon replies to a proposal twice, as people add a thought: its author sees one answer from them, the
     * second reply said in its conversation (and told of it as such), not two answers. Once she has declined it, a new
     * reply is a new answer again; someone else's reply is their own answer. Over time, the same account replying a
     * hundred times fills one conversation, not a hundred answers.
     */
    @Test
    void aSecondReplyFromTheSameAccountIsSaidInItsFirstAnswersConversation() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            long offerId = offer.path("id").asLong();
            String offerUri = offer.path("uri").asText();
            URI inbox = URI.create(weft.base() + "/inbox");
            String first = mastodon.fixture("mastodon/create-note-reply.json").replace(weft.base() + "/proposals/7f3c9a", offerUri);
            assertEquals(202, mastodon.deliver(inbox, first).statusCode());
            assertDone(weft, TestHttp.json(first).path("id").asText());

            String again = first.replace("116205830011223344", "116205830011229999")
                    .replace("I can cover the Thursday slot", "Also Friday if that suits you better");
            assertEquals(202, mastodon.deliver(inbox, again).statusCode());
            assertDone(weft, TestHttp.json(again).path("id").asText());
            JsonNode answers = expect(200, amina.get("/proposals/" + offerId + "/responses"));
            assertEquals(1, answers.path("total").asInt(), "one answer from rosa: " + answers);
            long rosas = answers.path("items").get(0).path("id").asLong();
            JsonNode messages = expect(200, amina.get("/responses/" + rosas + "/messages"));
            assertEquals(1, messages.path("total").asInt(), messages.toString());
            assertTrue(messages.path("items").get(0).path("text").asText().contains("Also Friday"), messages.toString());
            JsonNode told = expect(200, amina.get("/me/notifications?unread=true")).path("items");
            assertEquals(List.of("conversation", "response"), texts(told, "kind"), told.toString());
            // The first reply again, in another Create (a relay's or a forwarded copy): it is that answer, not an addition.
            String copy = first.replace("116205830011223344/activity", "116205830011223344/activity-forwarded");
            assertEquals(202, mastodon.deliver(inbox, copy).statusCode());
            assertDone(weft, TestHttp.json(copy).path("id").asText());
            assertEquals(1, expect(200, amina.get("/responses/" + rosas + "/messages")).path("total").asInt());
            assertEquals(1, expect(200, amina.get("/proposals/" + offerId + "/responses")).path("total").asInt());

            // A hundred more replies from rosa: still one answer, its conversation holding them.
            for (int i = 0; i < 100; i++) {
                mastodon.deliver(inbox, first.replace("116205830011223344", String.valueOf(116205830011300000L + i))
                        .replace("I can cover the Thursday slot", "Reply number " + i));
            }
            WaitFor.condition("rosa's hundred replies are read", () -> expect(200, amina.get("/responses/" + rosas
                    + "/messages")).path("total").asInt() == 101);
            assertEquals(1, expect(200, amina.get("/proposals/" + offerId + "/responses")).path("total").asInt());

            // Someone else's reply is their own answer.
            PrivateKey carlKey = mastodon.addUser("carl");
            String carls = first.replace("116205830011223344", "7").replace("/users/rosa", "/users/carl");
            assertEquals(202, mastodon.deliver(inbox, carls.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(), carlKey,
                    mastodon.actorOf("carl") + "#main-key").statusCode());
            assertDone(weft, TestHttp.json(carls).path("id").asText());
            assertEquals(2, expect(200, amina.get("/proposals/" + offerId + "/responses")).path("total").asInt());

            // Declined, rosa's conversation is closed: her next reply is a new answer, as before.
            expect(200, amina.post("/responses/" + rosas + "/decline", "{}"));
            String afterDecline = first.replace("116205830011223344", "116205830011238888")
                    .replace("I can cover the Thursday slot", "I have bigger bags now");
            assertEquals(202, mastodon.deliver(inbox, afterDecline).statusCode());
            assertDone(weft, TestHttp.json(afterDecline).path("id").asText());
            assertEquals(3, expect(200, amina.get("/proposals/" + offerId + "/responses")).path("total").asInt());
        }
    }

    /**
     * Rosa answers Amina's offer with a public reply and with a direct message that replies to nothing (Mastodon's
     * "mention only" post, which Weft places under Amina's newest proposal). Whichever Weft reads first is Rosa's
     * answer and the other is said in its conversation: the two orders come to the same, where a direct message read
     * second used to be a second answer.
     */
    @Test
    void aReplyAndADirectMessageFromOnePersonAreOneAnswerWhicheverComesFirst() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            String aminaUri = weft.base() + "/users/amina";
            String aminaHandle = "@amina@" + weft.domain();
            URI inbox = URI.create(weft.base() + "/inbox");
            String replyFixture = mastodon.fixture("mastodon/create-note-reply.json");

            // The reply first, then the direct message.
            JsonNode bags = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String reply = replyFixture.replace(weft.base() + "/proposals/7f3c9a", bags.path("uri").asText());
            String direct = mastodon.directNote("rosa", 116205900000000101L, null, aminaUri, aminaHandle,
                    "my door code is 4417");
            for (String activity : List.of(reply, direct)) {
                assertEquals(202, mastodon.deliver(inbox, activity).statusCode());
                assertDone(weft, TestHttp.json(activity).path("id").asText());
            }
            assertOneAnswerAndOneMessage(amina, bags, "Thursday slot", "door code");

            // A newer offer, and the other order: the direct message (placed under it, Amina's newest) first.
            JsonNode stove = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Camping stove to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String directFirst = mastodon.directNote("rosa", 116205900000000102L, null, aminaUri, aminaHandle,
                    "could I borrow the stove on Saturday?");
            String replySecond = replyFixture.replace(weft.base() + "/proposals/7f3c9a", stove.path("uri").asText())
                    .replace("116205830011223344", "116205830011220002");
            for (String activity : List.of(directFirst, replySecond)) {
                assertEquals(202, mastodon.deliver(inbox, activity).statusCode());
                assertDone(weft, TestHttp.json(activity).path("id").asText());
            }
            assertOneAnswerAndOneMessage(amina, stove, "borrow the stove", "Thursday slot");
            // The direct message again, in another Create (a relay's or a forwarded copy): it is the answer already, not
            // a message in the answer's own conversation.
            String copy = directFirst.replace("116205900000000102/activity", "116205900000000102/activity-forwarded");
            assertEquals(202, mastodon.deliver(inbox, copy).statusCode());
            assertDone(weft, TestHttp.json(copy).path("id").asText());
            assertOneAnswerAndOneMessage(amina, stove, "borrow the stove", "Thursday slot");
            JsonNode told = expect(200, amina.get("/me/notifications")).path("items");
            assertEquals(List.of("conversation", "response", "conversation", "response"), texts(told, "kind"),
                    told.toString());

            // Once Amina declines it, Rosa's next direct message is a new answer, as a new reply would be.
            long declined = expect(200, amina.get("/proposals/" + stove.path("id").asLong() + "/responses"))
                    .path("items").get(0).path("id").asLong();
            expect(200, amina.post("/responses/" + declined + "/decline", "{}"));
            String afterDecline = mastodon.directNote("rosa", 116205900000000103L, null, aminaUri, aminaHandle,
                    "or Sunday, if Saturday is taken?");
            assertEquals(202, mastodon.deliver(inbox, afterDecline).statusCode());
            assertDone(weft, TestHttp.json(afterDecline).path("id").asText());
            assertEquals(2, expect(200, amina.get("/proposals/" + stove.path("id").asLong() + "/responses"))
                    .path("total").asInt());
        }
    }

    /** What Amina sees of {@code proposal}: one answer from Rosa, its words first, the other post in its conversation. */
    private static void assertOneAnswerAndOneMessage(ApiClient amina, JsonNode proposal, String answered, String added) {
        JsonNode answers = expect(200, amina.get("/proposals/" + proposal.path("id").asLong() + "/responses"));
        assertEquals(1, answers.path("total").asInt(), "one answer from rosa: " + answers);
        JsonNode answer = answers.path("items").get(0);
        assertTrue(answer.path("text").asText().contains(answered), answer.toString());
        JsonNode messages = expect(200, amina.get("/responses/" + answer.path("id").asLong() + "/messages"));
        assertEquals(1, messages.path("total").asInt(), messages.toString());
        assertTrue(messages.path("items").get(0).path("text").asText().contains(added), messages.toString());
        assertFalse(messages.path("items").get(0).path("mine").asBoolean());
    }

    @Test
    void anAnonymousRequestSpeaksAsItsCommunityAndAModeratorMayActForItsAuthor() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient nadia = ApiClient.newMember(weft, "nadia", "Nadia Kareem-Haddad");
            ApiClient oscar = ApiClient.newMember(weft, "oscar", "Oscar");
            ApiClient yusuf = ApiClient.newMember(weft, "yusuf", "Yusuf");
            new Operators(weft.server().db()).setAdmin("oscar", true);
            JsonNode request = expect(201, nadia.post("/proposals", """
                    {"community": "block3", "purpose": "request", "audience": "anonymous", "title": "A wheelchair for a week",
                     "categories": ["mobility-aids"], "kind": "loan"}"""));
            String group = weft.base() + "/groups/block3";
            String groupHandle = "@block3@" + weft.domain();
            URI inbox = URI.create(weft.base() + "/inbox");
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", request.path("uri").asText())
                    .replace(weft.base() + "/users/amina", group);
            assertEquals(202, mastodon.deliver(inbox, reply).statusCode());
            long responseId = WaitFor.value("rosa's reply is a response", () -> {
                JsonNode items = expect(200, nadia.get("/proposals/" + request.path("id").asLong() + "/responses"))
                        .path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });

            expect(200, nadia.post("/responses/" + responseId + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", HAND_OFF).toString()));
            LoggedRequest sent = WaitFor.value("the hand-off reaches Mastodon", () -> mastodon.inboxPosts().stream()
                    .filter(r -> r.getBodyAsString().contains(HAND_OFF)).findFirst().orElse(null));
            JsonNode handOff = TestHttp.json(sent.getBodyAsString());
            assertDirectTo(handOff, group, mastodon.rosa(), TestHttp.json(reply).path("object").path("id").asText());
            assertTrue(sent.getHeader("Signature-Input").contains("keyid=\"" + group + "#main-key\""),
                    "signed by the community: " + sent.getHeader("Signature-Input"));

            // A moderator writes for the author; it goes out as the community too.
            expect(201, oscar.post("/responses/" + responseId + "/messages", "{\"text\": \"A volunteer will bring it.\"}"));
            JsonNode byModerator = WaitFor.value("the moderator's message", () -> delivered(mastodon, "volunteer will bring"));
            assertDirectTo(byModerator, group, mastodon.rosa(), handOff.path("object").path("id").asText());
            for (LoggedRequest delivery : mastodon.inboxPosts()) {
                String body = delivery.getBodyAsString();
                assertFalse(body.contains("nadia") || body.contains("Nadia") || body.contains("oscar") || body.contains("Oscar"),
                        "no member is named: " + body);
            }

            // Rosa answers the community; the author reads it (and sees who on her side wrote what), a stranger cannot.
            String answer = mastodon.directNote("rosa", 116205900000000010L, byModerator.path("object").path("id").asText(),
                    group, groupHandle, "Thank you all!");
            mastodon.deliver(inbox, answer);
            assertDone(weft, TestHttp.json(answer).path("id").asText());
            JsonNode seen = expect(200, nadia.get("/responses/" + responseId + "/messages")).path("items");
            assertEquals(List.of("Thank you all!", "A volunteer will bring it.", HAND_OFF), texts(seen, "text"));
            assertEquals(List.of("Rosa Dlamini", "Oscar", "Nadia Kareem-Haddad"), texts(seen, "from"));
            assertEquals("conversation", expect(200, nadia.get("/me/notifications?unread=true")).path("items").get(0)
                    .path("kind").asText(), "the author is told, not only the moderator who wrote last");
            expect(404, yusuf.get("/responses/" + responseId + "/messages"));
            expect(404, yusuf.post("/responses/" + responseId + "/messages", "{\"text\": \"Me too\"}"));
            assertEquals(3, expect(200, oscar.get("/responses/" + responseId + "/messages")).path("total").asInt());

            // Nadia withdraws it: the community tells rosa it is off, in the request's language (not nadia's own).
            setLanguage(weft, "nadia", "fa");
            expect(200, nadia.post("/proposals/" + request.path("id").asLong() + "/status", "{\"status\": \"withdrawn\"}"));
            String off = Messages.forLanguage("en").get("conversation.calledOffNote", "A wheelchair for a week");
            JsonNode calledOff = WaitFor.value("rosa is told it is off", () -> delivered(mastodon, off));
            assertDirectTo(calledOff, group, mastodon.rosa(), TestHttp.json(answer).path("object").path("id").asText());
            WaitFor.deliveriesDrained(weft);
            for (LoggedRequest delivery : mastodon.inboxPosts()) {
                String body = delivery.getBodyAsString();
                assertFalse(body.contains("nadia") || body.contains("Nadia"), "no member is named: " + body);
            }
        }
    }

    /**
     * The meeting place left the instance once, in the direct Note to rosa: no other stored activity, no other request
     * Mastodon received, no public page or document has it.
     */
    private static void assertThePlaceLeftOnlyForRosa(TestServers.Instance weft, MastodonPeer mastodon, JsonNode offer) {
        WaitFor.deliveriesDrained(weft);
        assertEquals(1L, (long) weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where body like :text", Long.class)
                .setParameter("text", "%" + HAND_OFF + "%").getSingleResult()), "one activity carries the meeting place");
        List<LoggedRequest> carrying = mastodon.inboxPosts().stream().filter(r -> r.getBodyAsString().contains(HAND_OFF))
                .toList();
        assertEquals(1, carrying.size(), "one delivery carries it");
        JsonNode carried = TestHttp.json(carrying.getFirst().getBodyAsString());
        assertEquals(List.of(mastodon.rosa()), texts(carried.path("object").path("to"), null));
        String offerPath = URI.create(offer.path("uri").asText()).getPath();
        List<String> publicDocuments = new ArrayList<>();
        for (String path : List.of(offerPath, offerPath + "/replies?page=1", "/users/amina/outbox?page=1",
                "/groups/block3/outbox?page=1", "/users/amina", "/groups/block3")) {
            publicDocuments.add(TestHttp.get(weft.base() + path, "application/activity+json").body());
        }
        for (String path : List.of(offerPath, "/board/block3", "/users/amina", "/groups/block3", "/tags/kitchenware",
                "/api/v1/proposals", "/api/v1/proposals/" + offer.path("id").asLong())) {
            publicDocuments.add(TestHttp.get(weft.base() + path, "text/html").body());
        }
        for (String document : publicDocuments) {
            assertFalse(document.contains(HAND_OFF) || document.contains("green scarf"), document);
        }
    }

    /** A direct Note as it reached Mastodon: from one actor, to the other alone (mentioned), in reply to the previous. */
    private static void assertDirectTo(JsonNode create, String from, String to, String inReplyTo) {
        JsonNode note = create.path("object");
        assertEquals("Create", create.path("type").asText());
        assertEquals(from, create.path("actor").asText());
        assertEquals(from, note.path("attributedTo").asText());
        assertEquals(List.of(to), texts(note.path("to"), null));
        assertEquals(List.of(), texts(note.path("cc"), null));
        assertEquals(List.of(to), texts(create.path("to"), null));
        assertEquals(List.of(), texts(create.path("cc"), null));
        assertEquals(1, note.path("tag").size(), note.toString());
        assertEquals("Mention", note.path("tag").get(0).path("type").asText());
        assertEquals(to, note.path("tag").get(0).path("href").asText());
        assertEquals(inReplyTo, note.path("inReplyTo").asText());
    }

    private static JsonNode delivered(MastodonPeer mastodon, String words) {
        return mastodon.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(j -> j.path("object").path("content").asText().contains(words)).findFirst().orElse(null);
    }

    /**
     * Waits until Weft has finished with the activity. (An activity it refuses ends DONE as well, and the worker keeps
     * no reason: the tests check what was, or was not, stored.)
     */
    private static void assertDone(TestServers.Instance weft, String activityId) {
        InboundActivityEntity row = WaitFor.inboundDone(weft, activityId);
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
    }

    private static long count(TestServers.Instance weft, String hql) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(field == null ? v.asText() : v.path(field).asText()));
        return values;
    }
}
