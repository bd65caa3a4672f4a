package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Rosa, on Mastodon, calls herself "Rosa Martínez" with a right-to-left override, a line break, a bell and a zero-width
 * space in it, and her reply to Amina's offer and her message in its conversation carry an escape and C1 controls and
 * CR LF line breaks. What Amina reads, on the proposal's page, in her notifications and through the API, is what Rosa
 * could have typed in a form here: her name on one line with none of them, her words without the controls.
 */
class RemoteTextAsTypedTest {
    private static final String PASSWORD = "a long enough password";
    /** Characters none of what Amina reads may hold. */
    private static final List<String> UNWANTED = List.of("\u202E", "\u200B", "\u0007", "\u001B", "\u009B", "\r");

    @Test
    void aMastodonReplyAMessageInItsConversationAndTheSendersNameReachTheAuthorAsTyped() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            ObjectNode rosa = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/actor.json"));
            rosa.put("name", "Ro\u202Esa\r\nM\u0007artínez\u200B").put("summary", "<p>Baker\u001B[2J in Block 3\u009B</p>")
                    .put("preferredUsername", "ro\u202Es\u200Ba");
            mastodon.serveActor(rosa.toString());
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ProposalEntity offer = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread every morning")
                    .description("Ten bundles, free.").categories("bread").build());

            ObjectNode reply = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.getUri()));
            String words = "<p>I can bring\u009B the trolley\u001B[31m on Thursday.<br>\r\nAnd\u0000 a flask.</p>";
            ((ObjectNode) reply.get("object")).put("content", words).putObject("contentMap").put("en", words);
            applied(weft, mastodon, reply.toString());
            JsonNode response = expect(200, amina.get("/proposals/" + offer.getId() + "/responses")).path("items").get(0);
            assertEquals("I can bring the trolley[31m on Thursday.\nAnd a flask.", response.path("text").asText());
            assertEquals("Rosa Martínez", response.path("responder").path("name").asText());

            String message = mastodon.directNote("rosa", 116205900000000077L, reply.path("object").path("id").asText(),
                    weft.base() + "/users/amina", "@amina@" + weft.domain(), "See you at ten\u0007,\r\nat the gate\u001B.");
            applied(weft, mastodon, message);
            JsonNode messages = expect(200, amina.get("/responses/" + response.path("id").asLong() + "/messages"));
            assertEquals("See you at ten, at the gate.", messages.path("items").get(0).path("text").asText());

            PageClient page = new PageClient(weft.base());
            page.login("amina", PASSWORD);
            String proposal = page.get(URI.create(offer.getUri()).getPath()).body();
            assertTrue(proposal.contains("Rosa Martínez"), proposal);
            assertTrue(proposal.contains("I can bring the trolley[31m on Thursday."), proposal);
            assertTrue(proposal.contains("See you at ten,"), proposal);
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains("Rosa Martínez"), notifications);
            for (String unwanted : UNWANTED) {
                String code = String.format("U+%04X", (int) unwanted.charAt(0));
                assertFalse(proposal.contains(unwanted), code + " reached the proposal's page: " + proposal);
                assertFalse(notifications.contains(unwanted), code + " reached the notifications: " + notifications);
                assertFalse(response.toString().contains(unwanted), code + " reached the API: " + response);
                assertFalse(messages.toString().contains(unwanted), code + " reached the API: " + messages);
            }
            ActorEntity stored = weft.server().db().inTransaction(s -> ActorRepository.byUri(s, mastodon.rosa()))
                    .orElseThrow();
            assertEquals("<p>Baker[2J in Block 3</p>", stored.getSummary(), "her summary, kept for later, as typed too");
            assertEquals("rosa", stored.getUsername(), "her handle, shown beside her name, held to a name's rules");
        }
    }

    private static void applied(TestServers.Instance weft, MastodonPeer peer, String json) {
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(json).path("id").asText());
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
        assertNull(row.getLastError(), "applied");
    }
}
