package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Adam, on another Weft instance, answered Bina's request here (an FEP-0837 {@code Offer}) and she accepted it. The next
 * day his drill is broken and he takes his answer back on his own server, which sends hers an {@code Undo} of the
 * Offer. What Bina sees here: the answer gone from her request, told in her language that Adam took back the answer
 * she had accepted, her request open again, their conversation closed for both, saying why. Before that, Rosa, a third
 * actor on a Mastodon server with real signatures, sent Undos of Adam's Offer in every shape: each was refused, its
 * reason kept, and changed nothing. An Undo of an Offer never seen here is ignored. Taking back twice sends one Undo;
 * after a restart Adam answers again, a fresh answer Bina is told of.
 */
class TakeBackElsewhereTest {
    private static final String PASSWORD = "a long enough password";
    private static final String TITLE = "A drill for the shelves";

    @Test
    void hisUndoReachesHerAndNobodyElsesCounts() throws IOException {
        // Her server, restarted on the same database near the end: what runs now is the last element.
        TestServers.Instance[] hers = {TestServers.start()};
        TestServers.Instance here = hers[0];
        TestServers.Instance there = TestServers.start();
        try (MastodonPeer rosa = new MastodonPeer(here.base())) {
            here.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient bina = ApiClient.newMember(here, "bina", "Bina");
            ApiClient adam = ApiClient.newMember(there, "adam", "Adam");
            follow(there, "adam", here);
            ProposalEntity request = here.server().proposals().service().create("bina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).language("en").title(TITLE).categories("tools")
                    .audience(Audience.PUBLIC).build());
            ProposalEntity copy = WaitFor.value("there keeps bina's request", () -> there.server().db()
                    .inTransaction(s -> ProposalRepository.byUri(s, request.getUri()).orElse(null)));
            ResponseEntity adams = there.server().proposals().agreements().offer("adam", copy.getId(),
                    "I can lend the drill tomorrow", null);
            long onHere = WaitFor.value("her server keeps his answer", () -> responseOn(here, adams.getUri()));
            expect(200, bina.post("/responses/" + onHere + "/accept", "{\"handOff\": \"The gate at 9\"}"));
            WaitFor.condition("his server hears she accepted", () -> there.server().db().inTransaction(s ->
                    s.find(ResponseEntity.class, adams.getId()).getState()) == ResponseEntity.State.ACCEPTED);
            assertEquals("promised", status(bina, request));

            // Rosa's Undos of his Offer: embedding it as his, embedding it as hers, naming it by id; and one of an
            // Offer nobody here ever saw.
            String adamUri = there.base() + "/users/adam";
            assertTrue(refused(here, rosa, undo(rosa, "1", offer(adams.getUri(), adamUri))).contains("someone else"));
            assertTrue(refused(here, rosa, undo(rosa, "2", offer(adams.getUri(), rosa.rosa())))
                    .contains("someone else"));
            ObjectNode byId = undo(rosa, "3", null);
            byId.put("object", adams.getUri());
            assertTrue(refused(here, rosa, byId).contains("someone else"));
            assertTrue(refused(here, rosa, undo(rosa, "4", offer(rosa.rosa() + "/offers/9", rosa.rosa())))
                    .contains("answered nothing here"));
            assertEquals(1, responses(bina, request).size(), "her list is as it was");
            assertEquals("promised", status(bina, request));
            assertEquals(List.of(), told(bina, "promise-taken-back"));
            assertTrue(expect(200, bina.get("/responses/" + onHere + "/messages")).path("open").asBoolean());

            // Adam takes it back on his server.
            JsonNode taken = expect(200, adam.post("/responses/" + adams.getId() + "/take-back", null));
            assertEquals("takenback", taken.path("closed").asText(), taken.toString());
            WaitFor.condition("her server takes it back", () -> responses(bina, request).isEmpty());

            // Bina's view.
            assertEquals("open", status(bina, request), "open again: someone else may lend her one");
            List<JsonNode> told = told(bina, "promise-taken-back");
            assertEquals(1, told.size(), told.toString());
            assertEquals(onHere, told.get(0).path("responseId").asLong());
            assertEquals("Adam", told.get(0).path("from").asText(), told.toString());
            JsonNode conversation = expect(200, bina.get("/responses/" + onHere + "/messages"));
            assertEquals("takenback", conversation.path("closed").asText(), conversation.toString());
            for (String language : List.of("en", "uk")) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(here.base()).language(language);
                page.login("bina", PASSWORD);
                String notice = m.get("notification.promise-taken-back", Messages.isolate(TITLE),
                        Messages.isolate("Adam"));
                String notifications = page.get("/me/notifications").body();
                assertTrue(notifications.contains(notice), language + " lacks " + notice + ": " + notifications);
                String shown = page.get("/conversations/" + onHere).body();
                assertTrue(shown.contains(m.get("conversation.closedTakenBack", Messages.isolate("Adam"))), shown);
                assertTrue(shown.contains("The gate at 9"), "what she wrote stays readable");
            }
            expect(409, bina.post("/responses/" + onHere + "/messages", "{\"text\": \"Are you still coming?\"}"));

            // Taken back again: nothing more is sent, and she is told once.
            expect(200, adam.post("/responses/" + adams.getId() + "/take-back", null));
            WaitFor.deliveriesDrained(there);
            assertEquals(1L, outbound(there, "Undo"), "one Undo");
            assertEquals(1, told(bina, "promise-taken-back").size());

            // After a restart of her server, Adam answers again: a fresh answer, which she is told of.
            TestServers.Instance restarted = here.restart();
            hers[0] = restarted;
            ResponseEntity again = there.server().proposals().agreements().offer("adam", copy.getId(),
                    "Mended! The drill is yours for the week", null);
            assertNotEquals(adams.getUri(), again.getUri());
            long againHere = WaitFor.value("her server keeps his new answer", () -> responseOn(restarted,
                    again.getUri()));
            List<JsonNode> listed = responses(bina, request);
            assertEquals(1, listed.size(), listed.toString());
            assertEquals(againHere, listed.get(0).path("id").asLong());
            assertTrue(told(bina, "response").stream().anyMatch(n -> n.path("responseId").asLong() == againHere));
            assertFalse(expect(200, bina.get("/responses/" + onHere + "/messages")).path("open").asBoolean(),
                    "the first stays closed");
        } finally {
            try {
                there.close();
            } finally {
                hers[0].close();
            }
        }
    }

    /** Rosa's Undo, signed by her server's key as Mastodon signs. */
    private static ObjectNode undo(MastodonPeer rosa, String n, ObjectNode offer) {
        ObjectNode undo = (ObjectNode) TestHttp.json("{}");
        undo.put("@context", "https://www.w3.org/ns/activitystreams");
        undo.put("id", rosa.rosa() + "#undo/" + n).put("type", "Undo").put("actor", rosa.rosa());
        if (offer != null) {
            undo.set("object", offer);
        }
        return undo;
    }

    private static ObjectNode offer(String id, String actor) {
        ObjectNode offer = (ObjectNode) TestHttp.json("{}");
        offer.put("id", id).put("type", "Offer").put("actor", actor).put("object", id + "#agreement");
        return offer;
    }

    /** Delivers {@code undo} from Rosa, and returns why it changed nothing. */
    private static String refused(TestServers.Instance here, MastodonPeer rosa, ObjectNode undo) {
        assertEquals(202, rosa.deliver(URI.create(here.base() + "/inbox"), undo.toString()).statusCode());
        InboundActivityEntity done = WaitFor.inboundDone(here, undo.path("id").asText());
        return String.valueOf(done.getLastError());
    }

    private static String status(ApiClient bina, ProposalEntity request) {
        return expect(200, bina.get("/proposals/" + request.getId())).path("status").asText();
    }

    private static List<JsonNode> responses(ApiClient bina, ProposalEntity request) {
        List<JsonNode> items = new ArrayList<>();
        expect(200, bina.get("/proposals/" + request.getId() + "/responses")).path("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> told(ApiClient member, String kind) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind)) {
                told.add(n);
            }
        }
        return told;
    }

    private static Long responseOn(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select id from ResponseEntity where uri = :u", Long.class).setParameter("u", uri)
                .uniqueResultOptional().orElse(null));
    }

    private static long outbound(TestServers.Instance instance, String type) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity where activityType = :t", Long.class)
                .setParameter("t", type).getSingleResult());
    }

    private static void follow(TestServers.Instance from, String member, TestServers.Instance to) {
        try {
            from.server().follows().follow(member, "@block3@" + to.domain());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WaitFor.condition(member + " follows block3", () -> from.server().db().inTransaction(s ->
                s.createSelectionQuery("select count(*) from FollowEntity f where f.follower.username = :m"
                                + " and f.state = :st", Long.class)
                        .setParameter("m", member).setParameter("st", FollowEntity.State.ACCEPTED)
                        .getSingleResult()) == 1);
    }
}
