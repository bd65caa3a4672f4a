package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Intent;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Quantity;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/** Proposals from elsewhere that try something: they are refused or made harmless, never trusted. */
class HostileRemoteProposalTest {
    private TestServers.Instance weft;
    private MastodonPeer peer;
    private URI inbox;
    private String group;
    private int sequence;

    @BeforeEach
    void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        peer = new MastodonPeer(weft.base());
        inbox = URI.create(weft.base() + "/inbox");
        group = weft.base() + "/groups/block3";
    }

    @AfterEach
    void stop() {
        peer.close();
        weft.close();
    }

    @Test
    void aProposalClaimingAnotherServersIdIsRefused() {
        String foreign = "https://elsewhere.example/proposals/1";
        send(note(foreign, "<p>Free tents</p>", List.of("https://w3id.org/weft/taxonomy/v1#tents"), null, null));
        assertNull(TwoInstanceProposalTest.find(weft, foreign));
        assertNull(TwoInstanceProposalTest.find(weft, peer.origin() + "/proposals/1"));
    }

    @Test
    void anAbsurdQuantityIsRefused() {
        String id = nextId();
        ObjectNode json = note(id, "<p>Rice</p>", List.of("https://w3id.org/weft/taxonomy/v1#staple-food"), null, null).toJson();
        ((ObjectNode) json.path("publishes").path("availableQuantity")).put("hasNumericalValue", "1000000000000");
        sendJson(json);
        assertNull(TwoInstanceProposalTest.find(weft, id));
    }

    @Test
    void unknownCategoriesFarFutureDatesAndScriptsAreMadeHarmless() {
        String id = nextId();
        send(note(id, "<p>Blankets <script>alert(1)</script><img src=x onerror=alert(2)></p><p>Warm ones.</p>",
                List.of("https://evil.example/taxonomy#weapons"), Instant.parse("2100-01-01T00:00:00Z"), null));
        ProposalEntity stored = WaitFor.value("the proposal is kept", () -> TwoInstanceProposalTest.find(weft, id));
        assertEquals(List.of("https://w3id.org/weft/taxonomy/v1#other"), stored.getCategories());
        assertTrue(stored.getEndsAt().isBefore(Instant.now().plus(Duration.ofDays(91))), stored.getEndsAt().toString());
        assertFalse(stored.getTitle().contains("<") || stored.getDescription().contains("<"), stored.getTitle());
        assertFalse(stored.getTitle().contains("alert(1)"), "script content is dropped, not kept as text");
    }

    @Test
    void exactCoordinatesFromElsewhereAreMadeCoarse() {
        String id = nextId();
        send(note(id, "<p>Water containers</p>", List.of("https://w3id.org/weft/taxonomy/v1#water-containers"), null,
                new double[] {32.123456, 36.654321}));
        ProposalEntity stored = WaitFor.value("the proposal is kept", () -> TwoInstanceProposalTest.find(weft, id));
        assertEquals(32.12, stored.getLatitude(), 1e-9);
        assertFalse(String.valueOf(stored.getLongitude()).contains("6543"), String.valueOf(stored.getLongitude()));
    }

    /**
     * Control characters in a proposal from elsewhere (a bell, an escape, C1 controls, a NUL; CR LF in its place's name)
     * are dropped as a form here drops them, before anything is stored: its title stays one line (U+0085 is a line
     * break to a regular expression), and a visitor reads its page without them once a moderator lets it on the board.
     */
    @Test
    void controlCharactersFromElsewhereAreDroppedAsAFormHereDropsThem() {
        String id = nextId();
        String content = "<p>Warm\u0007 blan\u001Bkets \u0085for winter</p><p>Washed\u009B and\u0000 dry.</p>";
        ProposalNote note = ProposalNote.builder(id, peer.rosa(), ProposalNote.OFFER,
                        Intent.primary(id, "transfer", List.of("https://w3id.org/weft/taxonomy/v1#bedding"), null,
                                Quantity.count(3)))
                .content(content).contentIn("en", content).published(Instant.now())
                .to(List.of(Vocab.PUBLIC)).cc(List.of(group))
                .location(org.weft.activitypub.vocab.Place.area("Camp\u0000 A\r\nBlock\u001B 3", "camp-a\u0000/block-3"))
                .build();
        send(note);
        ProposalEntity stored = WaitFor.value("the proposal is kept", () -> TwoInstanceProposalTest.find(weft, id));
        assertEquals("Warm blankets for winter", stored.getTitle());
        assertEquals("Washed and dry.", stored.getDescription());
        assertEquals("Camp A\nBlock 3", stored.getAreaName());
        assertEquals("camp-a/block-3", stored.getAreaCode());

        weft.server().proposals().moderation().approve(stored.getId());
        var page = TestHttp.get(weft.base() + "/remote-proposals/" + stored.getId(), "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Warm blankets for winter") && page.body().contains("Washed and dry.")
                && page.body().contains("Camp A\nBlock 3"), page.body());
        assertFalse(page.body().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'
                || c >= 0x7F && c <= 0x9F), "no control character reaches the page");
    }

    /**
     * A proposal with no words (its content empty, as software other than Weft may send) reads on the board as what it
     * offers, named by the taxonomy in the post's language, not as an empty heading or a placeholder in English.
     */
    @Test
    void aProposalWithNoWordsIsNamedByWhatItOffersInItsOwnLanguage() {
        String id = nextId();
        ProposalNote wordless = ProposalNote.builder(id, peer.rosa(), ProposalNote.OFFER,
                        Intent.primary(id, "transfer", List.of("https://w3id.org/weft/taxonomy/v1#tents"), null,
                                Quantity.count(2)))
                .content("").contentIn("ar", "").published(Instant.now()).to(List.of(Vocab.PUBLIC)).cc(List.of(group))
                .build();
        send(wordless);
        ProposalEntity stored = WaitFor.value("the proposal is kept", () -> TwoInstanceProposalTest.find(weft, id));
        var taxonomy = weft.server().proposals().taxonomy();
        String tents = taxonomy.label(taxonomy.byId("tents").orElseThrow(), "ar");
        assertEquals(tents, stored.getTitle());
        assertEquals("", stored.getDescription());
        // It waits for a moderator (rosa does not follow the community), under that name.
        assertEquals(ProposalEntity.Moderation.PENDING, stored.getModeration());
        assertEquals(List.of(stored.getId()), weft.server().proposals().moderation().pending("block3").stream()
                .map(ProposalEntity::getId).toList());
    }

    private String nextId() {
        return peer.origin() + "/proposals/" + (++sequence);
    }

    private ProposalNote note(String id, String content, List<String> categories, Instant ends, double[] at) {
        ProposalNote.Builder b = ProposalNote.builder(id, peer.rosa(), ProposalNote.OFFER,
                        Intent.primary(id, "transfer", categories, null, Quantity.count(3)))
                .content(content).contentIn("en", content).published(Instant.now())
                .to(List.of(Vocab.PUBLIC)).cc(List.of(group)).endTime(ends);
        if (at != null) {
            b.location(new org.weft.activitypub.vocab.Place("near the clinic", null, at[0], at[1], 1.0, "km"));
        }
        return b.build();
    }

    private void send(ProposalNote note) {
        sendJson(note.toJson());
    }

    private void sendJson(ObjectNode note) {
        ObjectNode create = TestHttp.JSON.createObjectNode();
        create.set("@context", note.get("@context"));
        create.put("id", peer.rosa() + "/activities/" + java.util.UUID.randomUUID()).put("type", "Create")
                .put("actor", peer.rosa());
        create.set("object", note);
        var response = peer.deliver(inbox, create.toString());
        if (response.statusCode() == 202) {
            WaitFor.inboundDone(weft, create.path("id").asText());
        } else {
            assertEquals(400, response.statusCode(), response.body());
        }
    }
}
