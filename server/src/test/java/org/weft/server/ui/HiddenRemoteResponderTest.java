package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A moderator of A hides Farid's anonymous request, which Parisa answered from instance B (an FEP-0837 offer, accepted)
 * and Bob answered here. Hiding sent B a {@code Delete}, so B closed Parisa's conversation and nothing more reaches her:
 * on A, Farid's conversation with her says so, in his language, and refuses his message, which never leaves A; "Show
 * it again" does not bring B's copy back, so it stays closed. His conversation with Bob, both on A, goes on.
 */
class HiddenRemoteResponderTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aConversationWithAResponderOnAnotherWeftClosesWhenTheProposalIsHidden() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient farid = ApiClient.newMember(a, "farid", "Farid");
            ApiClient.newMember(a, "bob", "Bob");
            a.server().localActors().createMember("carol", "Carol", PASSWORD, false);
            new Operators(a.server().db()).setAdmin("carol", true);
            ApiClient.newMember(b, "parisa", "Parisa");
            follow(b, "parisa", a);

            ProposalEntity request = a.server().proposals().service().create("farid", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).audience(Audience.ANONYMOUS).language("en")
                    .title("Baby formula for a week").categories("shelter").build());
            long copy = WaitFor.value("B keeps the request", () -> b.server().db().inTransaction(s ->
                    ProposalRepository.byUri(s, request.getUri()).map(ProposalEntity::getId).orElse(null)));
            ResponseEntity parisas = b.server().proposals().agreements().offer("parisa", copy,
                    "We have two tins to give.", null);
            long onA = WaitFor.value("A keeps Parisa's offer", () -> a.server().db().inTransaction(s ->
                    s.createSelectionQuery("select id from ResponseEntity where uri = :u", Long.class)
                            .setParameter("u", parisas.getUri()).uniqueResultOptional().orElse(null)));
            expect(200, farid.post("/responses/" + onA + "/accept",
                    TestHttp.JSON.createObjectNode().put("handOff", "The clinic gate at noon").toString()));
            WaitFor.condition("B learns it was accepted", () -> b.server().db().inTransaction(s ->
                    s.find(ResponseEntity.class, parisas.getId()).getState()) == ResponseEntity.State.ACCEPTED);
            long bobs = a.server().proposals().responses().respond("bob", request.getId(), "I have one tin").getId();

            long bobId = memberId(a, "bob");
            long report = a.server().safety().reports().fromMember(bobId, request.getUri(), "Not what it says");
            assertEquals(1, a.server().safety().reports().hideContent(report, Optional.empty(), "Not allowed here"));
            WaitFor.condition("B deletes its copy", () -> b.server().db().inTransaction(s ->
                    s.find(ProposalEntity.class, copy).isDeleted()));

            assertClosedForFarid(a, b, farid, onA, "while hidden");
            assertOpenWithBob(a, farid, bobs, "Come by on Sunday");

            a.server().safety().reports().showAgain(request.getId(), memberId(a, "carol"));
            assertClosedForFarid(a, b, farid, onA, "shown again, B's copy stays deleted");
            assertOpenWithBob(a, farid, bobs, "Or Monday");
        }
    }

    /**
     * Rosa answered Amina's offer from Mastodon: A's messages reach her as direct Notes, which a hide does not stop, so
     * after the hide their conversation stays open and Amina's message reaches Mastodon.
     */
    @Test
    void aConversationWithAMastodonResponderStaysOpenWhenTheProposalIsHidden() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "bob", "Bob");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String offerUri = offer.path("uri").asText();
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offerUri);
            assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            long rosas = WaitFor.value("rosa's reply is a response", () -> {
                JsonNode items = expect(200, amina.get("/proposals/" + offer.path("id").asLong() + "/responses"))
                        .path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });
            expect(200, amina.post("/responses/" + rosas + "/accept", "{\"handOff\": \"The blue door at ten\"}"));

            long report = weft.server().safety().reports().fromMember(memberId(weft, "bob"), offerUri, "Not allowed");
            assertEquals(1, weft.server().safety().reports().hideContent(report, Optional.empty(), "Not allowed here"));

            PageClient page = new PageClient(weft.base());
            page.login("amina", PASSWORD);
            String shown = page.get("/conversations/" + rosas).body();
            Messages en = Messages.forLanguage("en");
            assertTrue(shown.contains(en.get("conversation.proposalHidden"))
                    && !shown.contains(en.get("conversation.closedUnreachable")), shown);
            expect(201, amina.post("/responses/" + rosas + "/messages", "{\"text\": \"Still on for ten?\"}"));
            WaitFor.condition("the message reaches Mastodon", () -> mastodon.inboxPosts().stream()
                    .anyMatch(r -> r.getBodyAsString().contains("Still on for ten?")));
        }
    }

    /** Farid reads why, in his language; his message is refused with the same words and nothing reaches B. */
    private static void assertClosedForFarid(TestServers.Instance a, TestServers.Instance b, ApiClient farid,
                                             long response, String when) {
        for (String language : new String[] {"en", "fa"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(a.base()).language(language);
            page.login("farid", PASSWORD);
            String conversation = "/conversations/" + response;
            String shown = page.get(conversation).body();
            assertTrue(shown.contains(m.get("conversation.closedUnreachable")), when + ": " + shown);
            assertFalse(shown.contains(m.get("conversation.proposalHidden")), "nothing says they can still write");
            HttpResponse<String> refused = page.submit(conversation, conversation + "/messages",
                    Map.of("text", "Are you still coming?"));
            assertEquals(409, refused.statusCode(), when);
            assertTrue(refused.body().contains(m.get("conversation.closedUnreachable")), refused.body());
        }
        JsonNode answer = expect(409, farid.post("/responses/" + response + "/messages",
                "{\"text\": \"Are you still coming?\"}"));
        assertEquals("conversation_closed", answer.path("error").asText());
        JsonNode about = expect(200, farid.get("/responses/" + response + "/messages"));
        assertFalse(about.path("open").asBoolean(true), about.toString());
        assertEquals("unreachable", about.path("closed").asText(), about.toString());
        assertEquals(List.of("The clinic gate at noon"), texts(about), "only the hand-off was kept");
        WaitFor.deliveriesDrained(a);
        List<String> heard = b.server().db().inTransaction(s -> s.createNativeQuery(
                "SELECT body FROM inbound_activity", String.class).getResultList());
        assertFalse(String.join("\n", heard).contains("Are you still coming?"), when + ": nothing was sent to B");
    }

    /** Bob, on A like Farid, still gets Farid's messages. */
    private static void assertOpenWithBob(TestServers.Instance a, ApiClient farid, long bobs, String text) {
        expect(201, farid.post("/responses/" + bobs + "/messages", "{\"text\": \"" + text + "\"}"));
        PageClient bob = new PageClient(a.base());
        bob.login("bob", PASSWORD);
        String shown = bob.get("/conversations/" + bobs).body();
        Messages en = Messages.forLanguage("en");
        assertTrue(shown.contains(text) && !shown.contains(en.get("conversation.closedUnreachable")), shown);
    }

    private static List<String> texts(JsonNode conversation) {
        return conversation.path("items").findValuesAsText("text");
    }

    private static long memberId(TestServers.Instance instance, String username) {
        return instance.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username)).orElseThrow()
                .getId();
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
}
