package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.queue.InboundStore;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A conversation between two Weft instances: Bob, on B, offers to take up Amina's offer on A (FEP-0837). The hand-off
 * and Amina's messages arrive on B as direct Notes addressed to Bob alone, and land in the conversation of his own
 * response there, where he reads them, is told in his language, and answers; his answers come back to A into the same
 * conversation. Carla, who follows the same community on B, gets none of it. For an anonymous request, A speaks as the
 * community and no member's name crosses.
 */
class WeftConversationTest {
    private static final String HAND_OFF = "Behind the water point at 10, ask for the green tent";

    @Test
    void theHandOffAndTheConversationCrossToTheResponderAloneAndBack() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            ApiClient nadia = ApiClient.newMember(a, "nadia", "Nadia Kareem-Haddad");
            ApiClient bob = ApiClient.newMember(b, "bob", "Bob");
            ApiClient carla = ApiClient.newMember(b, "carla", "Carla");
            follow(b, "bob", a);
            follow(b, "carla", a);
            String aminaUri = a.base() + "/users/amina";
            String bobUri = b.base() + "/users/bob";

            ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread").categories("bread")
                    .quantity(new BigDecimal("10"), "one").build());
            ResponseEntity bobs = offerFromB(b, offer, "Two bundles for our kitchen, please.");
            long aminasResponse = WaitFor.value("A keeps bob's offer", () -> responseOn(a, bobs.getUri()));

            expect(200, amina.post("/responses/" + aminasResponse + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", HAND_OFF).toString()));
            JsonNode handOff = receivedOn(b, HAND_OFF);
            assertDirect(handOff, aminaUri, bobUri, bobs.getUri());

            // Bob reads it in the conversation of his own response, on B, and is told in his language.
            JsonNode mine = expect(200, bob.get("/me/responses")).path("items").get(0);
            assertEquals(bobs.getId().longValue(), mine.path("responseId").asLong());
            assertEquals("responder", mine.path("side").asText());
            assertEquals("Amina", mine.path("with").asText());
            assertEquals(HAND_OFF, mine.path("lastMessage").path("text").asText());
            assertEquals("accepted", mine.path("state").asText());
            for (String language : new String[] {"en", "ar"}) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(b.base()).language(language);
                page.login("bob", "a long enough password");
                String notifications = page.get("/me/notifications").body();
                for (String expected : new String[] {m.get("notification.agreement-accepted",
                        Messages.isolate("Fresh bread")), m.get("notification.conversation", Messages.isolate("Fresh bread"),
                        Messages.isolate("Amina")), HAND_OFF}) {
                    assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
                }
                String conversation = page.get("/conversations/" + bobs.getId()).body();
                assertTrue(conversation.contains(HAND_OFF)
                        && conversation.contains(m.get("conversation.privateWith", Messages.isolate("Amina"))),
                        conversation);
            }
            JsonNode told = expect(200, bob.get("/me/notifications")).path("items");
            PageClient bobPage = new PageClient(b.base());
            bobPage.login("bob", "a long enough password");
            for (JsonNode n : told) {
                HttpResponse<String> opened = bobPage.get("/me/notifications/" + n.path("id").asLong());
                assertEquals("/conversations/" + bobs.getId(), opened.headers().firstValue("Location").orElseThrow(),
                        "the proposal has no page on B: its conversation's page, for " + n);
            }

            // Bob answers from B; it joins Amina's conversation on A.
            expect(201, bob.post("/responses/" + bobs.getId() + "/messages", "{\"text\": \"I will be there at 10.\"}"));
            JsonNode answer = receivedOn(a, "I will be there at 10.");
            assertDirect(answer, bobUri, aminaUri, handOff.path("object").path("id").asText());
            JsonNode onA = expect(200, amina.get("/responses/" + aminasResponse + "/messages"));
            assertEquals(List.of("I will be there at 10.", HAND_OFF), texts(onA.path("items"), "text"));
            assertEquals("Bob", onA.path("items").get(0).path("from").asText());

            // And Amina's next message threads under his.
            expect(201, amina.post("/responses/" + aminasResponse + "/messages", "{\"text\": \"See you.\"}"));
            assertDirect(receivedOn(b, "See you."), aminaUri, bobUri, answer.path("object").path("id").asText());
            assertEquals(List.of("See you.", "I will be there at 10.", HAND_OFF),
                    texts(expect(200, bob.get("/responses/" + bobs.getId() + "/messages")).path("items"), "text"));

            // Carla, on the same instance and following the same community, has nothing of it.
            WaitFor.deliveriesDrained(a);
            assertEquals(0, expect(200, carla.get("/me/responses")).path("items").size());
            assertFalse(expect(200, carla.get("/me/notifications")).toString().contains(HAND_OFF));
            assertEquals(0L, count(b, "select count(*) from MessageEntity"), "nothing kept as a loose message either");
            assertEquals(3L, count(b, "select count(*) from ConversationMessageEntity"));

            anonymousRequestSpeaksAsTheCommunity(a, b, nadia, bob);
            declinedClosesItOnBothSides(a, b, amina, bob);
            calledOffIsToldOnTheRespondersInstance(a, b, amina, bob, carla);
            editedIsToldOnTheRespondersInstance(a, b, amina, bob, carla);
            reopenedIsToldOnTheRespondersInstance(a, b, amina, bob, carla);
        }
    }

    /**
     * Amina withdraws an offer whose answer from Bob she accepted: B receives its Update (withdrawn) and Delete, and
     * tells Bob once, in his language, leading to his conversation, which says it is closed; Carla is told nothing, and
     * A sends Bob no message of its own (his instance speaks to him). Deleting it afterwards, or deleting a promised
     * offer at once, tells him once; a fulfilled offer deleted tells him nothing.
     */
    private static void calledOffIsToldOnTheRespondersInstance(TestServers.Instance a, TestServers.Instance b,
                                                               ApiClient amina, ApiClient bob, ApiClient carla) {
        ProposalEntity withdrawn = acceptedOffer(a, b, amina, "Rain boots, size 38");
        ResponseEntity bobs = bobsOn(b, withdrawn);
        expect(200, amina.post("/proposals/" + withdrawn.getId() + "/status", "{\"status\": \"withdrawn\"}"));
        long copy = goneFrom(b, withdrawn);
        expect(204, amina.delete("/proposals/" + withdrawn.getId()));
        WaitFor.deliveriesDrained(a);
        List<JsonNode> told = calledOff(bob, copy);
        assertEquals(1, told.size(), told.toString());
        assertEquals(bobs.getId().longValue(), told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(b.base()).language(language);
            page.login("bob", "a long enough password");
            String expected = m.get("notification.called-off", Messages.isolate("Rain boots, size 38"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals("/conversations/" + bobs.getId(), opened.headers().firstValue("Location").orElseThrow());
            // Withdrawn, then deleted: it says what Amina did, as the notification does.
            String conversation = page.get("/conversations/" + bobs.getId()).body();
            assertTrue(conversation.contains(m.get("conversation.closedWithdrawn")), conversation);
        }
        assertEquals(List.of(), calledOff(carla, copy), "carla answered nothing");
        assertFalse(inboundBodies(b).contains("what was arranged with you is off"), "no Note from A besides");

        ProposalEntity deleted = acceptedOffer(a, b, amina, "A camping stove");
        expect(204, amina.delete("/proposals/" + deleted.getId()));
        assertEquals(1, calledOff(bob, goneFrom(b, deleted)).size(), "deleted while promised: told once");

        ProposalEntity given = acceptedOffer(a, b, amina, "Three blankets");
        expect(200, amina.post("/proposals/" + given.getId() + "/status", "{\"status\": \"fulfilled\"}"));
        expect(204, amina.delete("/proposals/" + given.getId()));
        assertEquals(List.of(), calledOff(bob, goneFrom(b, given)), "given already: nothing is off");
    }

    /**
     * Amina changes the title of an offer whose answer from Bob she accepted: B receives its Update and tells Bob once,
     * in his language, leading to his conversation; Carla, whose answer is still waiting, is told nothing, and A sends
     * Bob no message of its own. The Update that made it promised, when she accepted, told him nothing.
     */
    private static void editedIsToldOnTheRespondersInstance(TestServers.Instance a, TestServers.Instance b,
                                                            ApiClient amina, ApiClient bob, ApiClient carla) {
        ProposalEntity offer = acceptedOffer(a, b, amina, "A pushchair");
        ResponseEntity bobs = bobsOn(b, offer);
        long copy = bobs.getProposal().getId();
        b.server().proposals().agreements().offer("carla", copy, "We could use it after them.", null);
        WaitFor.condition("B's copy is promised", () -> b.server().db().inTransaction(s -> s.find(ProposalEntity.class,
                copy).getStatus()) == ProposalStatus.PROMISED);
        WaitFor.deliveriesDrained(a);
        assertEquals(List.of(), told(bob, copy, "edited-after-accept"), "promised is a status, not a change of terms");
        long messages = count(b, "select count(*) from ConversationMessageEntity");

        expect(200, amina.patch("/proposals/" + offer.getId(), "{\"title\": \"A pushchair with its rain cover\"}"));
        WaitFor.condition("B's copy has the new title", () -> b.server().db().inTransaction(s -> s.find(
                ProposalEntity.class, copy).getTitle()).equals("A pushchair with its rain cover"));
        WaitFor.deliveriesDrained(a);
        List<JsonNode> told = told(bob, copy, "edited-after-accept");
        assertEquals(1, told.size(), told.toString());
        assertEquals(bobs.getId().longValue(), told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(b.base()).language(language);
            page.login("bob", "a long enough password");
            String expected = m.get("notification.edited-after-accept",
                    Messages.isolate("A pushchair with its rain cover"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals("/conversations/" + bobs.getId(), opened.headers().firstValue("Location").orElseThrow());
        }
        assertEquals(List.of(), told(carla, copy, "edited-after-accept"), "her answer is still waiting");
        assertEquals(messages, count(b, "select count(*) from ConversationMessageEntity"), "no Note from A besides");
    }

    /**
     * Amina opens again an offer whose answer from Bob she accepted: B receives its Update (status open) and tells Bob
     * once, in his language, leading to his conversation, which says his response is still accepted and the offer open
     * again, and still takes his messages; Carla, whose answer is still waiting, is told nothing, and A sends Bob no
     * message of its own (his instance speaks to him).
     */
    private static void reopenedIsToldOnTheRespondersInstance(TestServers.Instance a, TestServers.Instance b,
                                                              ApiClient amina, ApiClient bob, ApiClient carla) {
        ProposalEntity offer = acceptedOffer(a, b, amina, "A sewing machine");
        ResponseEntity bobs = bobsOn(b, offer);
        long copy = bobs.getProposal().getId();
        b.server().proposals().agreements().offer("carla", copy, "Could I borrow it after them?", null);
        WaitFor.condition("B's copy is promised", () -> b.server().db().inTransaction(s -> s.find(ProposalEntity.class,
                copy).getStatus()) == ProposalStatus.PROMISED);
        WaitFor.deliveriesDrained(a);
        long messages = count(b, "select count(*) from ConversationMessageEntity");

        expect(200, amina.post("/proposals/" + offer.getId() + "/status", "{\"status\": \"open\"}"));
        WaitFor.condition("B's copy is open again", () -> b.server().db().inTransaction(s -> s.find(ProposalEntity.class,
                copy).getStatus()) == ProposalStatus.OPEN);
        WaitFor.deliveriesDrained(a);
        List<JsonNode> told = told(bob, copy, "reopened");
        assertEquals(1, told.size(), told.toString());
        assertEquals(bobs.getId().longValue(), told.get(0).path("responseId").asLong());
        for (String language : new String[] {"en", "fa"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(b.base()).language(language);
            page.login("bob", "a long enough password");
            String expected = m.get("notification.reopened", Messages.isolate("A sewing machine"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals("/conversations/" + bobs.getId(), opened.headers().firstValue("Location").orElseThrow());
            String conversation = page.get("/conversations/" + bobs.getId()).body();
            assertTrue(conversation.contains(m.get("conversation.reopened")), conversation);
        }
        assertEquals(ResponseEntity.State.ACCEPTED, b.server().db().inTransaction(s -> s.find(ResponseEntity.class,
                bobs.getId()).getState()), "still accepted on B");
        assertEquals(List.of(), told(carla, copy, "reopened"), "her answer is still waiting");
        assertEquals(messages, count(b, "select count(*) from ConversationMessageEntity"), "no Note from A besides");
        expect(201, bob.post("/responses/" + bobs.getId() + "/messages", "{\"text\": \"Shall I still come?\"}"));
        receivedOn(a, "Shall I still come?");
    }

    /** An offer of Amina's whose answer from Bob (on B) she accepted, once B knows it was accepted. */
    private static ProposalEntity acceptedOffer(TestServers.Instance a, TestServers.Instance b, ApiClient amina,
                                                String title) {
        ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                .community("block3").purpose(Purpose.OFFER).language("en").title(title).categories("shelter").build());
        ResponseEntity bobs = offerFromB(b, offer, "We would be glad of it.");
        long aminasResponse = WaitFor.value("A keeps bob's offer", () -> responseOn(a, bobs.getUri()));
        expect(200, amina.post("/responses/" + aminasResponse + "/accept", "{\"handOff\": \"The gate at noon\"}"));
        WaitFor.condition("B learns it was accepted", () -> b.server().db().inTransaction(s -> s.find(ResponseEntity.class,
                bobs.getId()).getState()) == ResponseEntity.State.ACCEPTED);
        // The hand-off travels as its own Note, which B may take after the Accept: counted before it is kept, it
        // would look like a message sent later.
        WaitFor.condition("B keeps the hand-off", () -> count(b, "select count(*) from ConversationMessageEntity m"
                + " where m.response.id = " + bobs.getId()) == 1);
        return offer;
    }

    private static ResponseEntity bobsOn(TestServers.Instance b, ProposalEntity proposal) {
        return b.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ResponseEntity r join fetch r.proposal where r.proposal.uri = :u", ResponseEntity.class)
                .setParameter("u", proposal.getUri()).getSingleResult());
    }

    /** Waits until B has deleted its copy of {@code proposal} (every Update before the Delete is handled by then). */
    private static long goneFrom(TestServers.Instance b, ProposalEntity proposal) {
        return WaitFor.value("B deletes its copy of " + proposal.getTitle(), () -> b.server().db().inTransaction(s ->
                ProposalRepository.byUri(s, proposal.getUri()).filter(ProposalEntity::isDeleted).map(ProposalEntity::getId)
                        .orElse(null)));
    }

    /** The member's notifications that the proposal {@code copy}, promised to them, is off. */
    private static List<JsonNode> calledOff(ApiClient member, long copy) {
        return told(member, copy, "called-off");
    }

    /** The member's notifications of this {@code kind} about the proposal {@code copy}. */
    private static List<JsonNode> told(ApiClient member, long copy, String kind) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind) && n.path("proposalId").asLong() == copy) {
                told.add(n);
            }
        }
        return told;
    }

    /** Nadia's anonymous request: the hand-off comes from the community, Bob answers the community, no name crosses. */
    private static void anonymousRequestSpeaksAsTheCommunity(TestServers.Instance a, TestServers.Instance b, ApiClient nadia,
                                                             ApiClient bob) {
        ProposalEntity request = a.server().proposals().service().create("nadia", ProposalDraft.builder()
                .community("block3").purpose(Purpose.REQUEST).audience(Audience.ANONYMOUS).language("en")
                .title("A wheelchair for a week").categories("mobility-aids").build());
        ResponseEntity bobs = offerFromB(b, request, "We have one to lend.");
        long nadiasResponse = WaitFor.value("A keeps bob's offer", () -> responseOn(a, bobs.getUri()));
        String handOff = "The back door of the clinic, Monday 9:00";
        expect(200, nadia.post("/responses/" + nadiasResponse + "/accept",
                TestHttp.JSON.createObjectNode().put("handOff", handOff).toString()));
        String group = a.base() + "/groups/block3";
        JsonNode received = receivedOn(b, handOff);
        assertDirect(received, group, b.base() + "/users/bob", bobs.getUri());
        assertEquals("Block 3", expect(200, bob.get("/responses/" + bobs.getId() + "/messages")).path("with").asText());
        expect(201, bob.post("/responses/" + bobs.getId() + "/messages", "{\"text\": \"Monday is fine.\"}"));
        JsonNode answer = receivedOn(a, "Monday is fine.");
        assertDirect(answer, b.base() + "/users/bob", group, received.path("object").path("id").asText());
        assertEquals("Monday is fine.", expect(200, nadia.get("/responses/" + nadiasResponse + "/messages")).path("items")
                .get(0).path("text").asText());
        String everythingBHeard = inboundBodies(b);
        assertFalse(everythingBHeard.contains("nadia") || everythingBHeard.contains("Nadia"), "no name crosses");
    }

    /** Amina declines an offer: Bob is told in his language, and the conversation takes no more, on either side. */
    private static void declinedClosesItOnBothSides(TestServers.Instance a, TestServers.Instance b, ApiClient amina,
                                                    ApiClient bob) {
        ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                .community("block3").purpose(Purpose.OFFER).language("en").title("A spare tent").categories("shelter")
                .build());
        ResponseEntity bobs = offerFromB(b, offer, "We could use it.");
        long aminasResponse = WaitFor.value("A keeps bob's offer", () -> responseOn(a, bobs.getUri()));
        expect(200, amina.post("/responses/" + aminasResponse + "/decline", null));
        WaitFor.condition("B learns it was declined", () -> b.server().db().inTransaction(s -> s.find(ResponseEntity.class,
                bobs.getId()).getState()) == ResponseEntity.State.DECLINED);
        PageClient arabic = new PageClient(b.base()).language("ar");
        arabic.login("bob", "a long enough password");
        assertTrue(arabic.get("/me/notifications").body().contains(
                Messages.forLanguage("ar").get("notification.agreement-declined", Messages.isolate("A spare tent"))));
        long before = count(b, "select count(*) from ConversationMessageEntity");
        expect(409, bob.post("/responses/" + bobs.getId() + "/messages", "{\"text\": \"Are you sure?\"}"));
        expect(409, amina.post("/responses/" + aminasResponse + "/messages", "{\"text\": \"Sorry!\"}"));
        assertEquals(before, count(b, "select count(*) from ConversationMessageEntity"));
        WaitFor.deliveriesDrained(b);
        assertFalse(inboundBodies(a).contains("Are you sure?"), "nothing was sent");
    }

    /** Bob offers to take up B's copy of {@code proposal}, the FEP-0837 way; returns his response on B. */
    private static ResponseEntity offerFromB(TestServers.Instance b, ProposalEntity proposal, String words) {
        ProposalEntity copy = WaitFor.value("B keeps " + proposal.getTitle(), () -> b.server().db().inTransaction(s ->
                ProposalRepository.byUri(s, proposal.getUri()).orElse(null)));
        return b.server().proposals().agreements().offer("bob", copy.getId(), words, null);
    }

    /**
     * The Note with these words as {@code instance} received it (the stored inbound activity), once it has been
     * processed there.
     */
    private static JsonNode receivedOn(TestServers.Instance instance, String words) {
        String activityUri = WaitFor.value("the message reaches " + instance.base(), () -> instance.server().db()
                .inTransaction(s -> s.createNativeQuery("SELECT activity_uri FROM inbound_activity WHERE body LIKE :w",
                        String.class).setParameter("w", "%" + words + "%").getResultList().stream()
                        .findFirst().orElse(null)));
        InboundActivityEntity done = WaitFor.inboundDone(instance, activityUri);
        assertEquals(InboundActivityEntity.State.DONE, done.getState(), done.getLastError());
        return TestHttp.json(new InboundStore(instance.server().db()).body(done.getId()).orElseThrow());
    }

    private static void assertDirect(JsonNode create, String from, String to, String inReplyTo) {
        JsonNode note = create.path("object");
        assertEquals(from, create.path("actor").asText());
        assertEquals(from, note.path("attributedTo").asText());
        assertEquals(List.of(to), texts(note.path("to"), null));
        assertEquals(List.of(), texts(note.path("cc"), null));
        assertEquals(1, note.path("tag").size());
        assertEquals("Mention", note.path("tag").get(0).path("type").asText());
        assertEquals(to, note.path("tag").get(0).path("href").asText());
        assertEquals(inReplyTo, note.path("inReplyTo").asText());
    }

    private static Long responseOn(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select id from ResponseEntity where uri = :u", Long.class).setParameter("u", uri).uniqueResultOptional()
                .orElse(null));
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

    /** Everything an instance received, one body after another. */
    private static String inboundBodies(TestServers.Instance instance) {
        List<String> bodies = instance.server().db().inTransaction(s -> s.createNativeQuery(
                "SELECT body FROM inbound_activity", String.class).getResultList());
        return String.join("\n", bodies);
    }

    private static long count(TestServers.Instance instance, String hql) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(field == null ? v.asText() : v.path(field).asText()));
        return values;
    }
}
