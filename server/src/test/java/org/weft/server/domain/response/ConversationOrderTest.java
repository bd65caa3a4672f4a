package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.LockWaits;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Messages of one conversation that reach the other side out of order. Deliveries run side by side (and are retried
 * after a restart), so Alice's second message, her hand-off and her third may all reach Taras's instance before her
 * first: each still lands in the conversation of Taras's answer to her request, because each names that answer as its
 * {@code context}, and none becomes an answer from Alice to Taras's own, unrelated offer (his newest proposal, where a
 * direct message that names no proposal goes). A direct message that replies to a post unknown here, with no context
 * that places it, is kept as a message, as Mastodon keeps a reply whose parent it cannot fetch.
 */
class ConversationOrderTest {
    private static final String PASSWORD = "a long enough password";
    private static final String FIRST = "Thank you, does it work on gas";
    private static final String SECOND = "I can come by this evening";
    private static final String HAND_OFF = "The kettle waits at gate 4, Tuesday 18:00";
    private static final String THIRD = "Ring twice at the gate";

    @Test
    void messagesThatOvertakeTheFirstLandInTheirConversationOnTheRespondersInstance() {
        TestServers.Instance a = TestServers.start();
        try (TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            b.server().localActors().createGroup("town", "Town", null);
            ApiClient alice = ApiClient.newMember(a, "alice", "Alice");
            ApiClient taras = ApiClient.newMember(b, "taras", "Taras");
            follow(b, "taras", a);
            ProposalEntity bread = b.server().proposals().service().create("taras", ProposalDraft.builder()
                    .community("town").purpose(Purpose.OFFER).language("en").title("Fresh bread to share")
                    .categories("bread").build());
            ProposalEntity kettle = a.server().proposals().service().create("alice", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).audience(Audience.PUBLIC).language("en").title("Need a kettle")
                    .categories("kitchenware").build());
            long kettleOnB = WaitFor.value("B keeps the request", () -> b.server().db().inTransaction(s ->
                    ProposalRepository.byUri(s, kettle.getUri()).map(ProposalEntity::getId).orElse(null)));
            ResponseEntity tarass = b.server().proposals().agreements().offer("taras", kettleOnB,
                    "I have one, you can keep it.", null);
            long onA = responseOn(a, tarass.getUri());
            WaitFor.deliveriesDrained(a);

            // A sends nothing while Alice writes, accepts with the hand-off and writes again, within a second or two.
            a.server().deliveryWorker().stopClaiming();
            expect(201, alice.post("/responses/" + onA + "/messages", text(FIRST)));
            expect(201, alice.post("/responses/" + onA + "/messages", text(SECOND)));
            expect(200, alice.post("/responses/" + onA + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", HAND_OFF).toString()));
            expect(201, alice.post("/responses/" + onA + "/messages", text(THIRD)));
            // The first message is held back; the rest go side by side after a restart, and B reads them before it.
            due(a, FIRST, Instant.now().plus(1, ChronoUnit.DAYS));
            a = a.restart();
            for (String words : List.of(SECOND, HAND_OFF, THIRD)) {
                receivedOn(b, words);
            }
            WaitFor.condition("B learns it was accepted", () -> b.server().db().inTransaction(s -> s.find(
                    ResponseEntity.class, tarass.getId()).getState()) == ResponseEntity.State.ACCEPTED);
            due(a, FIRST, Instant.now().minusSeconds(1));
            a.server().deliveryWorker().poke();
            receivedOn(b, FIRST);

            // Taras reads all four in the conversation of his answer to the request, the hand-off among them, in the
            // order Alice wrote them (the API lists the newest first): the first, which came last, first.
            JsonNode messages = expect(200, taras.get("/responses/" + tarass.getId() + "/messages"));
            assertEquals(Set.of(FIRST, SECOND, HAND_OFF, THIRD), new TreeSet<>(texts(messages.path("items"), "text")),
                    messages.toString());
            assertEquals(List.of(THIRD, HAND_OFF, SECOND, FIRST), texts(messages.path("items"), "text"),
                    messages.toString());
            assertEquals("Alice", messages.path("items").get(0).path("from").asText());
            for (String language : new String[] {"en", "uk"}) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(b.base()).language(language);
                page.login("taras", PASSWORD);
                String conversation = page.get("/conversations/" + tarass.getId()).body();
                for (String words : List.of(FIRST, SECOND, HAND_OFF, THIRD)) {
                    assertTrue(conversation.contains(words), language + ": " + words + " is not in " + conversation);
                }
                // His own offer has no answer from Alice to accept or decline.
                String own = page.get(URI.create(bread.getUri()).getRawPath()).body();
                for (String stray : List.of(FIRST, SECOND, HAND_OFF, THIRD, "Alice")) {
                    assertFalse(own.contains(stray), language + ": his offer's page shows " + stray + ": " + own);
                }
                // Every message he is told of is about the request: one notification counts the four, showing the
                // one written last (the third), not the one that came last (the first, held back).
                String notifications = page.get("/me/notifications").body();
                String aboutKettle = m.get("notification.conversations", 4, Messages.isolate("Need a kettle"),
                        Messages.isolate("Alice"));
                assertTrue(notifications.contains(aboutKettle) && notifications.contains(THIRD),
                        language + " lacks " + aboutKettle + ": " + notifications);
                assertFalse(notifications.contains(FIRST), language + ": " + notifications);
                assertFalse(notifications.contains("Fresh bread to share"), language + ": " + notifications);
            }
            assertEquals(0, expect(200, taras.get("/proposals/" + bread.getId() + "/responses")).path("total").asInt());
            List<JsonNode> told = new ArrayList<>();
            expect(200, taras.get("/me/notifications?size=100")).path("items").forEach(told::add);
            List<JsonNode> ofMessages = told.stream().filter(n -> n.path("kind").asText().equals("conversation")).toList();
            assertEquals(1, ofMessages.size(), told.toString());
            assertEquals(4, ofMessages.get(0).path("count").asInt(), told.toString());
            assertTrue(told.stream().allMatch(n -> n.path("proposalId").asLong() == kettleOnB), told.toString());
            assertEquals(0L, count(b, "select count(*) from MessageEntity"), "nothing kept as a loose message either");
            assertEquals(1L, count(b, "select count(*) from ResponseEntity"), "only Taras's own answer");
        } finally {
            a.close();
        }
    }

    @Test
    void aDirectReplyToAPostUnknownHereIsAMessageNotAnAnswerToTheRecipientsNewestProposal() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String aminaUri = weft.base() + "/users/amina";
            String stray = mastodon.directNote("rosa", 116205900000000201L,
                    mastodon.rosa() + "/statuses/116205900000000200", aminaUri, "@amina@" + weft.domain(),
                    "and the second tent peg too");
            assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), stray).statusCode());
            InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(stray).path("id").asText());
            assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());

            assertEquals(0, expect(200, amina.get("/proposals/" + offer.path("id").asLong() + "/responses"))
                    .path("total").asInt(), "not an answer to her newest offer");
            JsonNode told = expect(200, amina.get("/me/notifications")).path("items");
            assertEquals(1, told.size(), told.toString());
            assertEquals("message", told.get(0).path("kind").asText());
            PageClient page = new PageClient(weft.base());
            page.login("amina", PASSWORD);
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains("and the second tent peg too") && !notifications.contains("Cool bags"),
                    notifications);
        }
    }

    @Test
    void aFirstMessageThatOvertakesTheOfferJoinsItsConversationOnceTheOfferArrives() {
        String answer = "I would like to borrow them for the weekend";
        String first = "I can pick them up on Friday after six";
        String next = "Or Saturday morning if that suits you better";
        String stranger = "Send the bags to me instead";
        TestServers.Instance b = TestServers.start();
        try (TestServers.Instance a = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(a.base())) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            ApiClient taras = ApiClient.newMember(b, "taras", "Taras");
            follow(b, "taras", a);
            ProposalEntity bags = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).audience(Audience.PUBLIC).language("en")
                    .title("Cool bags to lend").categories("kitchenware").build());
            long bagsOnB = proposalOn(b, bags.getUri());
            WaitFor.deliveriesDrained(b);

            // Taras answers and writes right after; his Offer is held back, so his message reaches A first.
            b.server().deliveryWorker().stopClaiming();
            ResponseEntity tarass = b.server().proposals().agreements().offer("taras", bagsOnB, answer, null);
            expect(201, taras.post("/responses/" + tarass.getId() + "/messages", text(first)));
            due(b, answer, Instant.now().plus(1, ChronoUnit.DAYS));
            b = b.restart();
            receivedOn(a, first);
            // Someone else names the same conversation: their message is for Amina alone, never part of it.
            ObjectNode rosasCreate = (ObjectNode) TestHttp.json(mastodon.directNote("rosa", 116205900000000301L,
                    tarass.getUri(), a.base() + "/users/amina", "@amina@" + a.domain(), stranger));
            ((ObjectNode) rosasCreate.get("object")).put("context", tarass.getUri());
            assertEquals(202, mastodon.deliver(URI.create(a.base() + "/inbox"), rosasCreate.toString()).statusCode());
            assertEquals(InboundActivityEntity.State.DONE,
                    WaitFor.inboundDone(a, rosasCreate.path("id").asText()).getState());
            // Until the Offer arrives (and if it never does) his message is a direct message for her, as before.
            assertEquals(2L, count(a, "select count(*) from MessageEntity"));

            due(b, answer, Instant.now().minusSeconds(1));
            b.server().deliveryWorker().poke();
            long onA = responseOn(a, tarass.getUri());
            expect(201, taras.post("/responses/" + tarass.getId() + "/messages", text(next)));
            receivedOn(a, next);

            // Amina reads his first message in the conversation of his answer, once, before his next (the API lists
            // the newest first); Rosa's is not in it.
            JsonNode messages = expect(200, amina.get("/responses/" + onA + "/messages"));
            assertEquals(List.of(next, first), texts(messages.path("items"), "text"), messages.toString());
            assertEquals(List.of("Taras", "Taras"), texts(messages.path("items"), "from"), messages.toString());
            List<JsonNode> told = new ArrayList<>();
            expect(200, amina.get("/me/notifications?size=100")).path("items").forEach(told::add);
            // His first message, told of as a direct message until his answer arrived, and his next: one notification
            // of the conversation, counting both, unread.
            List<JsonNode> ofTaras = told.stream().filter(n -> n.path("from").asText().equals("Taras")).toList();
            assertEquals(1, ofTaras.size(), told.toString());
            assertEquals(2, ofTaras.get(0).path("count").asInt(), told.toString());
            assertEquals(next, ofTaras.get(0).path("text").asText(), told.toString());
            for (JsonNode n : ofTaras) {
                assertEquals("conversation", n.path("kind").asText(), told.toString());
                assertEquals(onA, n.path("responseId").asLong(), told.toString());
                assertEquals(bags.getId(), n.path("proposalId").asLong(), told.toString());
            }
            long firstTold = ofTaras.get(0).path("id").asLong();
            JsonNode rosasTold = told.stream().filter(n -> n.path("text").asText().equals(stranger)).findFirst()
                    .orElseThrow(() -> new AssertionError("Rosa's message is gone: " + told));
            assertEquals("message", rosasTold.path("kind").asText(), told.toString());
            assertTrue(rosasTold.path("responseId").isNull(), told.toString());
            assertEquals(1L, count(a, "select count(*) from MessageEntity"), "only Rosa's stays a direct message");

            String bagsPath = URI.create(bags.getUri()).getPath();
            for (String language : new String[] {"en", "ar"}) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(a.base()).language(language);
                page.login("amina", PASSWORD);
                for (String shown : List.of(page.get("/conversations/" + onA).body(), page.get(bagsPath).body())) {
                    assertEquals(1, occurrences(shown, first), language + ": " + shown);
                    assertTrue(shown.indexOf(first) < shown.indexOf(next), language + ": " + shown);
                    assertFalse(shown.contains(stranger), language + ": " + shown);
                }
                String notifications = page.get("/me/notifications").body();
                String fromTaras = m.get("notification.conversations", 2, Messages.isolate("Cool bags to lend"),
                        Messages.isolate("Taras"));
                assertEquals(1, occurrences(notifications, fromTaras), language + ": " + notifications);
                assertTrue(notifications.contains(stranger), language + ": " + notifications);
                assertEquals(bagsPath + "#conversation-" + onA, page.get("/me/notifications/" + firstTold)
                        .headers().firstValue("Location").orElseThrow(), language);
            }
        } finally {
            b.close();
        }
    }

    /**
     * Taras, on B, writes three messages to Amina, on A, in the conversation of his answer to her offer; B is down
     * while it sends the first, which reaches A after the other two, and after Amina read them under his answer. She
     * reads the three in the order he wrote them, the first first, in the API, on the conversation's page, and after A
     * restarts. The first is still news to her: her notification counts it, shows it, and stays unread while her
     * offer's page shows only the newest two (the first sorts above them); the conversation's page marks it new, and
     * reading it there reads the notification. Before, it came last, and the page that showed it marked it read.
     */
    @Test
    void aMessageThatArrivesLateIsShownWhereItWasWrittenAndIsStillNewsToTheReader() {
        String answer = "I would like to borrow them for the weekend";
        String first = "I can pick them up on Friday after six";
        String second = "My neighbour can bring them back on Monday";
        String third = "Ring twice at the gate";
        TestServers.Instance b = TestServers.start();
        TestServers.Instance a = TestServers.start();
        try {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            ApiClient taras = ApiClient.newMember(b, "taras", "Taras");
            follow(b, "taras", a);
            ProposalEntity bags = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).audience(Audience.PUBLIC).language("en")
                    .title("Cool bags to lend").categories("kitchenware").build());
            long bagsOnB = proposalOn(b, bags.getUri());
            ResponseEntity tarass = b.server().proposals().agreements().offer("taras", bagsOnB, answer, null);
            long onA = responseOn(a, tarass.getUri());
            WaitFor.deliveriesDrained(b);

            // B sends nothing while Taras writes; his first message is held back, the other two go after a restart.
            b.server().deliveryWorker().stopClaiming();
            for (String words : List.of(first, second, third)) {
                expect(201, taras.post("/responses/" + tarass.getId() + "/messages", text(words)));
            }
            due(b, first, Instant.now().plus(1, ChronoUnit.DAYS));
            b = b.restart();
            receivedOn(a, second);
            receivedOn(a, third);
            String bagsPath = URI.create(bags.getUri()).getPath();
            PageClient page = new PageClient(a.base());
            page.login("amina", PASSWORD);
            String offerPage = page.get(bagsPath).body();
            assertTrue(offerPage.contains(second) && offerPage.contains(third), offerPage);
            assertEquals(List.of(), unreadOfConversations(amina), "she read both under his answer");

            due(b, first, Instant.now().minusSeconds(1));
            b.server().deliveryWorker().poke();
            receivedOn(a, first);
            JsonNode messages = expect(200, amina.get("/responses/" + onA + "/messages"));
            assertEquals(List.of(third, second, first), texts(messages.path("items"), "text"), messages.toString());
            assertEquals(List.of("false", "false", "true"), texts(messages.path("items"), "unread"),
                    messages.toString());
            List<JsonNode> news = unreadOfConversations(amina);
            assertEquals(1, news.size(), news.toString());
            assertEquals(1, news.get(0).path("count").asInt(), news.toString());
            assertEquals(first, news.get(0).path("text").asText(), news.toString());

            // Under his answer her offer's page shows the newest two: the first is above them, and still news.
            offerPage = page.get(bagsPath).body();
            assertTrue(offerPage.contains(second) && offerPage.contains(third) && !offerPage.contains(first),
                    offerPage);
            assertEquals(1, unreadOfConversations(amina).size(), "shown nowhere yet, so not read");

            String newMark = "<strong class=\"new\">" + Messages.forLanguage("en").get("conversation.newMessage")
                    + "</strong>";
            String conversation = page.get("/conversations/" + onA).body();
            assertInOrder(conversation, first, second, third);
            assertEquals(1, occurrences(conversation, newMark), conversation);
            assertTrue(conversation.indexOf(newMark) < conversation.indexOf(first), "the first is marked new");
            assertEquals(List.of(), unreadOfConversations(amina), "read on the conversation's page");

            // After a restart, the same order, and nothing new any more.
            a = a.restart();
            messages = expect(200, amina.get("/responses/" + onA + "/messages"));
            assertEquals(List.of(third, second, first), texts(messages.path("items"), "text"), messages.toString());
            assertEquals(List.of("false", "false", "false"), texts(messages.path("items"), "unread"));
            page = new PageClient(a.base());
            page.login("amina", PASSWORD);
            conversation = page.get("/conversations/" + onA).body();
            assertInOrder(conversation, first, second, third);
            assertFalse(conversation.contains(newMark), conversation);
        } finally {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }

    /**
     * Rosa, on Mastodon, answered Amina's offer and writes under it; her server's clock cannot be trusted. A message
     * dated 2099 is placed when it arrived, not after everything said later; one dated 1970 at the conversation's
     * start (her answer arriving), not before it; one with a true date where it was written, before one that arrived
     * earlier. Amina's own message keeps its time. Before, each was where it arrived.
     */
    @Test
    void aSendersClockMovesAMessageNoFurtherThanTheConversationsStartAndItsArrival() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            long offerId = offer.path("id").asLong();
            URI inbox = URI.create(weft.base() + "/inbox");
            assertEquals(202, rosa.deliver(inbox, reply(rosa, weft, offer, 1, "I would like them", null)).statusCode());
            JsonNode rosas = WaitFor.value("Rosa's answer arrives", () -> {
                JsonNode items = expect(200, amina.get("/proposals/" + offerId + "/responses")).path("items");
                return items.isEmpty() ? null : items.get(0);
            });
            long responseId = rosas.path("id").asLong();
            Instant start = Instant.parse(rosas.path("created").asText());

            JsonNode own = expect(201, amina.post("/responses/" + responseId + "/messages", text("Friday at six?")));
            // Written after hers and before the one dated 2099 arrived, sent last: its place is between them.
            Instant written = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant futureSent = Instant.now();
            deliverUnder(rosa, weft, offer, 2, "Friday suits me", Instant.parse("2099-01-01T00:00:00Z"));
            Instant futureKept = Instant.now();
            deliverUnder(rosa, weft, offer, 3, "I will bring a bag back", Instant.EPOCH);
            deliverUnder(rosa, weft, offer, 4, "Thank you", written);

            JsonNode messages = expect(200, amina.get("/responses/" + responseId + "/messages"));
            assertEquals(List.of("Friday suits me", "Thank you", "Friday at six?", "I will bring a bag back"),
                    texts(messages.path("items"), "text"), messages.toString());
            Map<String, Instant> at = new HashMap<>();
            messages.path("items").forEach(m -> at.put(m.path("text").asText(),
                    Instant.parse(m.path("created").asText())));
            assertEquals(start, at.get("I will bring a bag back"), "1970 is the conversation's start");
            Instant future = at.get("Friday suits me");
            assertTrue(!future.isBefore(futureSent) && !future.isAfter(futureKept), "2099 is its arrival: " + future);
            assertEquals(written, at.get("Thank you"), "a true date is kept");
            // The database keeps microseconds; the answer to her writing gave the time as written.
            assertTrue(Duration.between(Instant.parse(own.path("created").asText()), at.get("Friday at six?")).abs()
                    .toNanos() < 1_000, "hers keeps its time: " + own + " " + messages);
        }
    }

    /** Rosa's reply to the offer (her answer's conversation, once she answered), dated {@code published}. */
    private static String reply(MastodonPeer rosa, TestServers.Instance weft, JsonNode offer, int n, String words,
                                Instant published) {
        ObjectNode create = (ObjectNode) TestHttp.json(rosa.fixture("mastodon/create-note-reply.json")
                .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText())
                .replace("116205830011223344", "11620583001122330" + n)
                .replace("I can cover the Thursday slot in this proposal, and bring the trolley.", words));
        if (published != null) {
            ((ObjectNode) create.get("object")).put("published", published.toString());
        }
        return create.toString();
    }

    /** Delivers Rosa's reply and waits until it is in the conversation of her answer. */
    private static void deliverUnder(MastodonPeer rosa, TestServers.Instance weft, JsonNode offer, int n, String words,
                                     Instant published) {
        String create = reply(rosa, weft, offer, n, words, published);
        assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), create).statusCode());
        InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(create).path("id").asText());
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
    }

    /** The caller's unread notifications of conversations' messages. */
    private static List<JsonNode> unreadOfConversations(ApiClient member) {
        List<JsonNode> unread = new ArrayList<>();
        expect(200, member.get("/me/notifications?unread=true&size=100")).path("items").forEach(n -> {
            if (n.path("kind").asText().equals("conversation")) {
                unread.add(n);
            }
        });
        return unread;
    }

    private static void assertInOrder(String page, String... words) {
        for (int i = 1; i < words.length; i++) {
            int before = page.indexOf(words[i - 1]);
            assertTrue(before >= 0 && before < page.indexOf(words[i]),
                    words[i - 1] + " before " + words[i] + ": " + page);
        }
    }

    /**
     * A community-only proposal's Notes go out as its community: Taras's first message, which overtakes his Offer, is
     * addressed to block3 alone and names a response unknown on A. Its words read as an offer, and Taras follows block3,
     * so before a first fix it was on block3's board for every member at once; after it, the message was lost. It must
     * reach no board, no moderators' queue and no member while it waits, and join the conversation, first, when his
     * Offer arrives.
     */
    @Test
    void aMessageToACommunityOnlyProposalThatOvertakesTheOfferWaitsForItOffTheBoard() {
        String answer = "I would like to borrow them for the weekend";
        String first = "I can give two winter coats, size M, to anyone who needs them, and pick the bags up";
        String next = "Or Saturday morning if that suits you better";
        TestServers.Instance b = TestServers.start();
        try (TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            a.server().moderators().add("block3", "amina", Optional.empty());
            ApiClient.newMember(a, "carla", "Carla");
            ApiClient taras = ApiClient.newMember(b, "taras", "Taras");
            follow(b, "taras", a);
            // Only an approved follower's server receives the community's community-only posts.
            a.server().followers().approve("block3", b.base() + "/users/taras");
            ProposalEntity bags = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).audience(Audience.COMMUNITY).language("en")
                    .title("Cool bags to lend").categories("kitchenware").build());
            long bagsOnB = proposalOn(b, bags.getUri());
            WaitFor.deliveriesDrained(b);

            b.server().deliveryWorker().stopClaiming();
            ResponseEntity tarass = b.server().proposals().agreements().offer("taras", bagsOnB, answer, null);
            expect(201, taras.post("/responses/" + tarass.getId() + "/messages", text(first)));
            due(b, answer, Instant.now().plus(1, ChronoUnit.DAYS));
            b = b.restart();
            receivedOn(a, first);
            assertNotOnBoard(a, "winter coats");
            // The community keeps it, unseen: no member is told of it or can read it yet.
            assertEquals(0, expect(200, amina.get("/me/notifications")).path("items").size());
            assertEquals(1L, count(a, "select count(*) from MessageEntity m, ActorEntity c where c.id = m.memberId"
                    + " and c.username = 'block3'"));

            due(b, answer, Instant.now().minusSeconds(1));
            b.server().deliveryWorker().poke();
            long onA = responseOn(a, tarass.getUri());
            expect(201, taras.post("/responses/" + tarass.getId() + "/messages", text(next)));
            receivedOn(a, next);
            JsonNode messages = expect(200, amina.get("/responses/" + onA + "/messages"));
            assertEquals(List.of(next, first), texts(messages.path("items"), "text"), messages.toString());
            List<JsonNode> told = new ArrayList<>();
            expect(200, amina.get("/me/notifications?size=100")).path("items").forEach(told::add);
            // One notification of his two messages, showing the newest.
            assertEquals(List.of(next), told.stream().filter(n -> n.path("kind").asText().equals("conversation"))
                    .map(n -> n.path("text").asText()).toList(), told.toString());
            assertEquals(2, told.stream().filter(n -> n.path("kind").asText().equals("conversation")).findFirst()
                    .orElseThrow().path("count").asInt(), told.toString());
            assertEquals(0L, count(a, "select count(*) from MessageEntity"), "nothing left waiting");
            assertNotOnBoard(a, "winter coats");
        } finally {
            b.close();
        }
    }

    /** Neither a visitor, a member (carla) nor a moderator (amina) reads {@code words} on block3's board or queue. */
    private static void assertNotOnBoard(TestServers.Instance a, String words) {
        assertFalse(TestHttp.get(a.base() + "/board/block3", "text/html").body().contains(words), "a visitor's board");
        PageClient carla = new PageClient(a.base());
        carla.login("carla", PASSWORD);
        assertFalse(carla.get("/board/block3").body().contains(words), "a member's board");
        PageClient amina = new PageClient(a.base());
        amina.login("amina", PASSWORD);
        assertFalse(amina.get("/board/block3").body().contains(words), "a moderator's board");
        String queue = amina.get("/moderate/block3/posts").body();
        assertTrue(queue.contains("<html"), queue);
        assertFalse(queue.contains(words), "the moderators' queue");
    }

    /**
     * Taras's Offer and his first message reach A side by side, each on its own inbound worker. Overlapping, neither
     * saw the other (the Offer looked for messages to adopt before the message was kept, the message looked for its
     * conversation before the Offer was), and the message stayed a direct message apart from his answer: QA saw it on
     * two linked instances. Each is now kept under Taras's row on A. Here that row is held, as an activity of his being
     * kept holds it, while each arrives: each waits for it (without the row lock the message was kept at once, beside
     * whatever held it), and in the end his message is in the conversation of his answer, once.
     */
    @Test
    void anOfferAndAMessageOfItsConversationTakeTurnsUnderTheSendersRow() throws Exception {
        String answer = "I would like to borrow the tent for the weekend";
        String first = "I can fetch it on Friday evening";
        TestServers.Instance b = TestServers.start();
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try (TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            ApiClient taras = ApiClient.newMember(b, "taras", "Taras");
            follow(b, "taras", a);
            ProposalEntity tent = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).audience(Audience.PUBLIC).language("en")
                    .title("A tent to lend").categories("kitchenware").build());
            long tentOnB = proposalOn(b, tent.getUri());
            WaitFor.deliveriesDrained(b);
            b.server().deliveryWorker().stopClaiming();
            ResponseEntity tarass = b.server().proposals().agreements().offer("taras", tentOnB, answer, null);
            expect(201, taras.post("/responses/" + tarass.getId() + "/messages", text(first)));
            due(b, answer, Instant.now().plus(1, ChronoUnit.DAYS));
            due(b, first, Instant.now().plus(1, ChronoUnit.DAYS));
            b = b.restart();
            String tarasOnA = b.base() + "/users/taras";

            for (String words : List.of(first, answer)) {
                CountDownLatch held = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Future<?> holding = holder.submit(() -> a.server().db().run(s -> {
                    ActorRepository.lock(s, ActorRepository.byUri(s, tarasOnA).orElseThrow());
                    held.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertTrue(held.await(20, TimeUnit.SECONDS));
                due(b, words, Instant.now().minusSeconds(1));
                b.server().deliveryWorker().poke();
                // The moment it would be kept beside the held row: it either waits for the row or is done already.
                WaitFor.condition(() -> "\"" + words + "\" waits for Taras's row on A, or is processed",
                        Duration.ofSeconds(30), Duration.ofMillis(250),
                        () -> LockWaits.now(a.server().db()) >= 1 || processed(a, words));
                assertFalse(processed(a, words), "\"" + words + "\" waited for Taras's row");
                release.countDown();
                holding.get(20, TimeUnit.SECONDS);
                receivedOn(a, words);
            }

            long onA = responseOn(a, tarass.getUri());
            JsonNode messages = expect(200, amina.get("/responses/" + onA + "/messages"));
            assertEquals(List.of(first), texts(messages.path("items"), "text"), messages.toString());
            assertEquals(0L, count(a, "select count(*) from MessageEntity"), "no message apart from his answer");
        } finally {
            holder.shutdownNow();
            b.close();
        }
    }

    /** Whether {@code instance} has finished processing the activity whose body holds these words. */
    private static boolean processed(TestServers.Instance instance, String words) {
        return instance.server().db().inTransaction(s -> ((Number) s.createNativeQuery("SELECT count(*) FROM"
                        + " inbound_activity WHERE body LIKE :w AND state = 'DONE'", Object.class)
                .setParameter("w", "%" + words + "%").getSingleResult()).longValue()) > 0;
    }

    /** Waits until {@code instance} keeps the proposal with this id, and returns its id there. */
    private static long proposalOn(TestServers.Instance instance, String uri) {
        return WaitFor.value("the proposal reaches " + instance.base(), () -> instance.server().db().inTransaction(s ->
                ProposalRepository.byUri(s, uri).map(ProposalEntity::getId).orElse(null)));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /** Waits until {@code instance} keeps the response with this id, and returns its id there. */
    private static long responseOn(TestServers.Instance instance, String uri) {
        return WaitFor.value("the response reaches " + instance.base(), () -> instance.server().db().inTransaction(s ->
                s.createSelectionQuery("select id from ResponseEntity where uri = :u", Long.class).setParameter("u", uri)
                        .uniqueResultOptional().orElse(null)));
    }

    private static String text(String words) {
        return TestHttp.JSON.createObjectNode().put("text", words).toString();
    }

    /** Makes the deliveries of the activity with these words due at {@code when}. */
    private static void due(TestServers.Instance instance, String words, Instant when) {
        int changed = instance.server().db().inTransaction(s -> s.createNativeMutationQuery(
                        "UPDATE delivery SET next_attempt_at = ?1 WHERE state = 'PENDING' AND activity_id IN"
                                + " (SELECT id FROM outbound_activity WHERE body LIKE ?2)")
                .setParameter(1, LocalDateTime.ofInstant(when, ZoneOffset.UTC)).setParameter(2, "%" + words + "%")
                .executeUpdate());
        assertEquals(1, changed, "one delivery of " + words + " waits");
    }

    /** Waits until {@code instance} has received and processed the Note with these words, and checks it was taken. */
    private static void receivedOn(TestServers.Instance instance, String words) {
        String activityUri = WaitFor.value("the message reaches " + instance.base(), () -> instance.server().db()
                .inTransaction(s -> s.createNativeQuery("SELECT activity_uri FROM inbound_activity WHERE body LIKE :w",
                        String.class).setParameter("w", "%" + words + "%").getResultList().stream()
                        .findFirst().orElse(null)));
        InboundActivityEntity done = WaitFor.inboundDone(instance, activityUri);
        assertEquals(InboundActivityEntity.State.DONE, done.getState(), done.getLastError());
    }

    private static void follow(TestServers.Instance from, String member, TestServers.Instance to) {
        try {
            from.server().follows().follow(member, "@block3@" + to.domain());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WaitFor.condition(member + " follows block3", () -> from.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select count(*) from FollowEntity f where f.follower.username = :m and f.state = :st", Long.class)
                .setParameter("m", member).setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult()) == 1);
    }

    private static long count(TestServers.Instance instance, String hql) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.path(field).asText()));
        return values;
    }
}
