package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Alma, a member here, answered Bob's offer, which is on another Weft instance (her answer an {@code Offer} there, his
 * offer a copy here); they talked in the conversation of her answer. Then Alma blocks Bob, for herself. His offer's
 * author and community are his server's, so before, her block was never asked: what he wrote next still reached her,
 * kept, shown and notified. Now nothing of his reaches her: not his further words, not his hand-off, not the news that
 * he accepted her answer (which is recorded, so both servers agree), not his change of the offer's title. What he said
 * before stays readable and is no longer news; her conversation says, in her language, that it is closed because she
 * blocked him, and takes nothing from her. Bob is told nothing: no Block reaches his server and his side of the
 * conversation reads open. Lifting the block lets his next message through; and she can block him again from the
 * conversation's page itself.
 */
class BlockedAuthorElsewhereTest {
    private static final String PASSWORD = "a long enough password";
    private static final String BEFORE = "Shall we meet at the gate on Tuesday?";
    private static final String AGAIN = "Why do you not answer me? I know where you live.";
    private static final String HAND_OFF = "Come to my tent tonight, alone";
    private static final String RETITLED = "A pram, for Alma only";
    private static final String AFTER = "Sorry for before. Is Tuesday still fine?";

    @Test
    void herBlockReachesTheConversationSheStartedOnHisServer() throws IOException {
        try (TestServers.Instance here = TestServers.start(); TestServers.Instance there = TestServers.start()) {
            there.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient bob = ApiClient.newMember(there, "bob", "Bob");
            ApiClient alma = ApiClient.newMember(here, "alma", "Alma");
            follow(here, "alma", there);
            String bobUri = there.base() + "/users/bob";
            ProposalEntity offer = there.server().proposals().service().create("bob", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("A pram to lend")
                    .categories("shelter").build());
            ProposalEntity copy = WaitFor.value("here keeps bob's offer", () -> here.server().db().inTransaction(s ->
                    ProposalRepository.byUri(s, offer.getUri()).orElse(null)));
            ResponseEntity almas = here.server().proposals().agreements().offer("alma", copy.getId(),
                    "I could use it for my baby.", null);
            long onThere = WaitFor.value("bob's server keeps her answer", () -> responseOn(there, almas.getUri()));
            String conversation = "/responses/" + almas.getId() + "/messages";

            say(bob, onThere, BEFORE);
            assertEquals(InboundActivityEntity.State.DONE, processed(here, BEFORE).getState());
            assertEquals(List.of(BEFORE), texts(expect(200, alma.get(conversation))));
            List<JsonNode> told = unread(alma);
            assertEquals(1, told.size(), told.toString());
            assertEquals("conversation", told.get(0).path("kind").asText(), "his message is news to her: " + told);
            int notifications = total(alma);

            here.server().safety().accounts().blockForMember(memberId(here, "alma"), bobUri);
            assertEquals(List.of(), unread(alma), "what he said before is no longer news");
            assertEquals(notifications, total(alma), "read, not deleted");

            // He writes again, accepts her answer with a hand-off, and changes his offer's title.
            say(bob, onThere, AGAIN);
            InboundActivityEntity refused = processed(here, AGAIN);
            assertTrue(refused.getLastError() != null && refused.getLastError().contains("blocked"),
                    "refused for the block: " + refused.getLastError());
            expect(200, bob.post("/responses/" + onThere + "/accept", "{\"handOff\": \"" + HAND_OFF + "\"}"));
            WaitFor.condition("here records that bob accepted her answer", () -> here.server().db().inTransaction(s ->
                    s.find(ResponseEntity.class, almas.getId()).getState()) == ResponseEntity.State.ACCEPTED);
            processed(here, HAND_OFF);
            expect(200, bob.patch("/proposals/" + offer.getId(), "{\"title\": \"" + RETITLED + "\"}"));
            WaitFor.condition("here has his new title", () -> here.server().db().inTransaction(s ->
                    s.find(ProposalEntity.class, copy.getId()).getTitle()).equals(RETITLED));
            WaitFor.deliveriesDrained(there);

            // What Alma sees: the API, her notifications, the conversation's page in her language.
            JsonNode seen = expect(200, alma.get(conversation));
            assertEquals(List.of(BEFORE), texts(seen), "what he said before stays, nothing since: " + seen);
            assertFalse(seen.path("open").asBoolean(), seen.toString());
            assertEquals("youblocked", seen.path("closed").asText(), seen.toString());
            assertEquals(List.of(), unread(alma), "no news of him: not his words, his acceptance or his new title");
            assertEquals(notifications, total(alma), "nothing new at all");
            for (String language : List.of("en", "ar")) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(here.base()).language(language);
                page.login("alma", PASSWORD);
                String shown = page.get("/conversations/" + almas.getId()).body();
                assertTrue(shown.contains(m.get("conversation.closedYouBlocked")), language + ": " + shown);
                assertTrue(shown.contains(BEFORE), shown);
                assertFalse(shown.contains(AGAIN) || shown.contains(HAND_OFF), shown);
                // (The notice of his first message, read, names the offer by its title as it is now, his new one.)
                String notices = page.get("/me/notifications").body();
                assertFalse(notices.contains(AGAIN) || notices.contains(HAND_OFF)
                        || notices.contains(m.get("notification.edited-after-accept", Messages.isolate(RETITLED)))
                        || notices.contains(m.get("notification.agreement-accepted", Messages.isolate(RETITLED))),
                        notices);
            }
            expect(409, alma.post(conversation, "{\"text\": \"Leave me alone\"}"));

            // Bob is told nothing: no Block, no word from her, and his side reads open.
            WaitFor.deliveriesDrained(here);
            assertEquals(0L, inbound(there, "Block"), "no Block for a member's own block");
            assertFalse(inboundBodies(there).contains("Leave me alone"));
            assertTrue(expect(200, bob.get("/responses/" + onThere + "/messages")).path("open").asBoolean());

            here.server().safety().accounts().unblockForMember(memberId(here, "alma"), bobUri);
            assertTrue(expect(200, alma.get(conversation)).path("open").asBoolean(), "open again");
            assertEquals("accepted", expect(200, alma.get(conversation)).path("state").asText(),
                    "what he decided meanwhile stands");
            say(bob, onThere, AFTER);
            assertEquals(InboundActivityEntity.State.DONE, processed(here, AFTER).getState());
            WaitFor.condition("his next message reaches her", () -> texts(expect(200, alma.get(conversation)))
                    .contains(AFTER));
            assertEquals(List.of(AFTER, BEFORE), texts(expect(200, alma.get(conversation))),
                    "what came while blocked stays unseen");
            List<JsonNode> news = unread(alma);
            assertEquals(1, news.size(), news.toString());
            assertEquals("conversation", news.get(0).path("kind").asText(), news.toString());
            PageClient page = new PageClient(here.base());
            page.login("alma", PASSWORD);
            String own = "/conversations/" + almas.getId();
            String open = page.get(own).body();
            assertTrue(open.contains(AFTER), open);

            // She blocks him again, from the conversation itself: its button asks first, then blocks.
            HttpResponse<String> asked = page.post("/block", PageClient.hiddenFields(open, "/block"));
            assertEquals(200, asked.statusCode(), asked.body());
            assertTrue(asked.body().contains(bobUri), "it names him: " + asked.body());
            assertEquals(303, page.post("/block", PageClient.hiddenFields(asked.body(), "/block")).statusCode());
            assertEquals("youblocked", expect(200, alma.get(conversation)).path("closed").asText());
            assertFalse(page.get(own).body().contains("action=\"/block\""), "blocked already");
            WaitFor.deliveriesDrained(here);
            assertEquals(0L, inbound(there, "Block"), "still nothing sent");
        }
    }

    private static void say(ApiClient bob, long response, String text) {
        expect(201, bob.post("/responses/" + response + "/messages", "{\"text\": \"" + text + "\"}"));
    }

    /** The activity carrying these words, once {@code instance} has processed it (done, or refused). */
    private static InboundActivityEntity processed(TestServers.Instance instance, String words) {
        String activityUri = WaitFor.value("the words reach " + instance.base(), () -> instance.server().db()
                .inTransaction(s -> s.createNativeQuery("SELECT activity_uri FROM inbound_activity WHERE body LIKE :w",
                        String.class).setParameter("w", "%" + words + "%").getResultList().stream()
                        .findFirst().orElse(null)));
        return WaitFor.inboundDone(instance, activityUri);
    }

    private static List<String> texts(JsonNode conversation) {
        List<String> texts = new ArrayList<>();
        conversation.path("items").forEach(m -> texts.add(m.path("text").asText()));
        return texts;
    }

    private static List<JsonNode> unread(ApiClient member) {
        List<JsonNode> items = new ArrayList<>();
        expect(200, member.get("/me/notifications?unread=true&size=50")).path("items").forEach(items::add);
        return items;
    }

    private static int total(ApiClient member) {
        return expect(200, member.get("/me/notifications?size=50")).path("total").asInt();
    }

    private static Long responseOn(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select id from ResponseEntity where uri = :u", Long.class).setParameter("u", uri)
                .uniqueResultOptional().orElse(null));
    }

    private static long inbound(TestServers.Instance instance, String type) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from InboundActivityEntity where activityType = :t", Long.class)
                .setParameter("t", type).getSingleResult());
    }

    private static String inboundBodies(TestServers.Instance instance) {
        List<String> bodies = instance.server().db().inTransaction(s -> s.createNativeQuery(
                "SELECT body FROM inbound_activity", String.class).getResultList());
        return String.join("\n", bodies);
    }

    private static long memberId(TestServers.Instance instance, String username) {
        return instance.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow()
                .getId());
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
