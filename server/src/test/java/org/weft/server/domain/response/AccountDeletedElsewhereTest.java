package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
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
 * A member of another Weft instance deletes their account. Yann, on B, offered to take up Oksana's request on A, and
 * she accepted; Dave, on A, offered to take up Yann's offer on B, and Yann accepted. Yann deletes his account on B: B
 * sends A one {@code Delete} of his actor, signed with his key. On A, Oksana is told in her language that what was
 * arranged is off, her request is open again, and her conversation says one of them has left and takes no more; Dave,
 * who no longer follows Camp (so B sends A no Delete of the offer itself), is told that Yann's offer is off because
 * its author left.
 */
class AccountDeletedElsewhereTest {
    private static final String PASSWORD = "a long enough password";
    private static final String HAND_OFF = "The clinic gate, Monday at 9";

    @Test
    void theOtherInstanceLearnsOfTheDeletionAndTellsItsMembers() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            b.server().localActors().createGroup("camp", "Camp", null);
            ApiClient oksana = ApiClient.newMember(a, "oksana", "Oksana");
            ApiClient dave = ApiClient.newMember(a, "dave", "Dave");
            ApiClient yann = ApiClient.newMember(b, "yann", "Yann");
            follow(b, "yann", "block3", a);
            follow(a, "dave", "camp", b);
            String yannUri = b.base() + "/users/yann";

            // Yann answers Oksana's request from B, and she accepts.
            ProposalEntity request = a.server().proposals().service().create("oksana", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).audience(Audience.PUBLIC).language("en")
                    .title("A pushchair for a month").categories("bedding").build());
            ResponseEntity yanns = b.server().proposals().agreements().offer("yann", copyOn(b, request).getId(),
                    "I have one to lend.", null);
            long onA = WaitFor.value("A keeps Yann's offer", () -> responseOn(a, yanns.getUri()));
            expect(200, oksana.post("/responses/" + onA + "/accept", "{\"handOff\": \"" + HAND_OFF + "\"}"));
            WaitFor.condition("B learns it was accepted", () -> stateOn(b, yanns.getId()) == ResponseEntity.State.ACCEPTED);
            assertEquals("promised", expect(200, oksana.get("/proposals/" + request.getId())).path("status").asText());

            // Dave answers Yann's offer from A, and Yann accepts.
            ProposalEntity coats = b.server().proposals().service().create("yann", ProposalDraft.builder()
                    .community("camp").purpose(Purpose.OFFER).language("en").title("Winter coats").categories("bedding")
                    .build());
            ProposalEntity coatsOnA = copyOn(a, coats);
            ResponseEntity daves = a.server().proposals().agreements().offer("dave", coatsOnA.getId(),
                    "Two coats for my children, please.", null);
            long onB = WaitFor.value("B keeps Dave's offer", () -> responseOn(b, daves.getUri()));
            expect(200, yann.post("/responses/" + onB + "/accept", "{\"handOff\": \"The school, Tuesday\"}"));
            WaitFor.condition("A learns it was accepted", () -> stateOn(a, daves.getId()) == ResponseEntity.State.ACCEPTED);
            // Dave stops following Camp: B no longer sends A the offer's own Delete, only Yann's Delete of himself.
            assertTrue(a.server().follows().unfollow("dave", b.base() + "/groups/camp"));
            WaitFor.condition("B drops Dave's follow", () -> b.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from FollowEntity f where f.follower.uri = :d", Long.class)
                    .setParameter("d", a.base() + "/users/dave").getSingleResult()) == 0);

            PageClient yannsPage = new PageClient(b.base());
            yannsPage.login("yann", PASSWORD);
            assertEquals(303, yannsPage.submit("/account", "/account/delete", Map.of("password", PASSWORD)).statusCode());

            JsonNode delete = WaitFor.value("A is told Yann's account is deleted", () -> deleteOf(a, yannUri));
            assertEquals(yannUri, delete.path("actor").asText());
            WaitFor.condition("A removes what Yann left", () -> a.server().db().inTransaction(s ->
                    ActorRepository.byUri(s, yannUri).map(ActorEntity::isDeleted).orElse(false)));

            // Oksana: told, her request open again, the conversation closed but readable.
            assertEquals("open", expect(200, oksana.get("/proposals/" + request.getId())).path("status").asText());
            List<JsonNode> told = told(oksana, "responder-left");
            assertEquals(1, told.size(), told.toString());
            assertEquals(onA, told.get(0).path("responseId").asLong());
            String requestPath = URI.create(request.getUri()).getPath();
            for (String language : new String[] {"en", "fa"}) {
                Messages m = Messages.forLanguage(language);
                PageClient page = new PageClient(a.base()).language(language);
                page.login("oksana", PASSWORD);
                String expected = m.get("notification.responder-left", Messages.isolate("A pushchair for a month"));
                String notifications = page.get("/me/notifications").body();
                assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
                HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
                assertEquals(requestPath + "#conversation-" + onA, opened.headers().firstValue("Location").orElseThrow());
                String proposal = page.get(requestPath).body();
                assertTrue(proposal.contains(m.get("conversation.closedLeft")), proposal);
                assertTrue(proposal.contains(m.get("response.left")), proposal);
                assertTrue(proposal.contains(HAND_OFF), "what Oksana wrote stays readable: " + proposal);
                assertFalse(proposal.contains("I have one to lend."), "Yann's own words went with him");
            }
            expect(409, oksana.post("/responses/" + onA + "/messages", "{\"text\": \"Are you still coming?\"}"));

            // Dave: told that Yann's offer is off because Yann left, once.
            List<JsonNode> calledOff = told(dave, "called-off");
            assertEquals(1, calledOff.size(), calledOff.toString());
            assertEquals(daves.getId().longValue(), calledOff.get(0).path("responseId").asLong());
            Messages en = Messages.forLanguage("en");
            PageClient davesPage = new PageClient(a.base());
            davesPage.login("dave", PASSWORD);
            assertTrue(davesPage.get("/me/notifications").body().contains(en.get("notification.called-offLeft",
                    Messages.isolate("Winter coats"))));
            // The copy went with Yann: his conversation says why it is closed, he left, not that it was deleted.
            String conversation = davesPage.get("/conversations/" + daves.getId()).body();
            assertTrue(conversation.contains(en.get("conversation.closedLeft")), conversation);
        }
    }

    /** The Delete of {@code actorUri} by itself as {@code instance} received it, once processed there; null before. */
    private static JsonNode deleteOf(TestServers.Instance instance, String actorUri) {
        InboundStore store = new InboundStore(instance.server().db());
        List<InboundActivityEntity> deletes = instance.server().db().inTransaction(s -> s.createSelectionQuery(
                        "from InboundActivityEntity where activityType = 'Delete' and actorUri = :a",
                        InboundActivityEntity.class).setParameter("a", actorUri).getResultList());
        for (InboundActivityEntity row : deletes) {
            JsonNode body = store.body(row.getId()).map(TestHttp::json).orElse(null);
            if (body != null && body.path("object").asText().equals(actorUri)) {
                InboundActivityEntity done = WaitFor.inboundDone(instance, row.getActivityUri());
                assertEquals(InboundActivityEntity.State.DONE, done.getState(), done.getLastError());
                return body;
            }
        }
        return null;
    }

    private static ProposalEntity copyOn(TestServers.Instance instance, ProposalEntity proposal) {
        return WaitFor.value(instance.base() + " keeps " + proposal.getTitle(), () -> instance.server().db()
                .inTransaction(s -> ProposalRepository.byUri(s, proposal.getUri()).orElse(null)));
    }

    private static Long responseOn(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select id from ResponseEntity where uri = :u", Long.class).setParameter("u", uri).uniqueResultOptional()
                .orElse(null));
    }

    private static ResponseEntity.State stateOn(TestServers.Instance instance, long responseId) {
        return instance.server().db().inTransaction(s -> s.find(ResponseEntity.class, responseId).getState());
    }

    private static void follow(TestServers.Instance from, String member, String community, TestServers.Instance to) {
        try {
            from.server().follows().follow(member, "@" + community + "@" + to.domain());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WaitFor.condition(member + " follows " + community, () -> from.server().db().inTransaction(s ->
                s.createSelectionQuery("select count(*) from FollowEntity f where f.follower.username = :m"
                                + " and f.state = :st", Long.class)
                        .setParameter("m", member).setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult()) == 1);
    }

    /** The member's notifications of this kind. */
    private static List<JsonNode> told(ApiClient member, String kind) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind)) {
                told.add(n);
            }
        }
        return told;
    }
}
