package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.AgreementOffer;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * A response from another Weft instance (a FEP-0837 {@code Offer}) meets the same blocks as a reply from Mastodon: from
 * an account the community blocked, from a server it refuses, or from an account the author blocked for herself, it
 * never reaches the author (no response on her page or in the API, no notification) and nothing is sent back; the
 * same answer from anyone else arrives as before.
 */
class BlockedOfferTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void anAccountTheCommunityBlockedAnswersFromItsOwnInstanceAndNothingArrives() throws IOException {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient oksana = ApiClient.newMember(a, "oksana", "Oksana");
            b.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            b.server().localActors().createMember("xena", "Xena", PASSWORD, false);
            // bob's follow keeps B's copy of the community's offers; xena does not follow.
            TwoInstanceProposalTest.follow(b, "bob", a, "block3");
            JsonNode offer = expect(201, oksana.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            ProposalEntity copy = WaitFor.value("B keeps the offer",
                    () -> TwoInstanceProposalTest.find(b, offer.path("uri").asText()));
            a.server().safety().accounts().blockForCommunity("block3", b.base() + "/users/xena", Optional.empty(),
                    "Asks for money in advance");

            ResponseEntity fromXena = b.server().proposals().agreements().offer("xena", copy.getId(),
                    "I will take it, send money first", null);
            InboundActivityEntity arrived = WaitFor.inboundDone(a, fromXena.getUri());
            b.server().proposals().agreements().offer("bob", copy.getId(), "My daughter could use it", null);
            String responses = "/proposals/" + offer.path("id").asLong() + "/responses";
            WaitFor.condition("bob's answer reaches oksana", () -> expect(200, oksana.get(responses)).toString()
                    .contains("My daughter could use it"));

            JsonNode answers = expect(200, oksana.get(responses)).path("items");
            assertEquals(1, answers.size(), "bob's answer alone: " + answers);
            assertEquals(1, responseNotices(oksana), "told of bob's answer alone");
            PageClient page = new PageClient(a.base());
            page.login("oksana", PASSWORD);
            String seen = page.get(URI.create(offer.path("uri").asText()).getPath()).body();
            assertTrue(seen.contains("Bob") && !seen.contains("Xena"), "her page shows bob's answer only: " + seen);
            assertTrue(String.valueOf(arrived.getLastError()).contains("blocked"), "dropped as blocked, which the"
                    + " inbound row says: " + arrived.getLastError());
        }
    }

    @Test
    void aRefusedServersOfferAndOneFromAnAccountTheAuthorBlockedAreDroppedAndNotAnswered() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer refused = new MastodonPeer(weft.base());
             MastodonPeer other = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            weft.server().moderators().add("block3", "amina", Optional.empty());
            ApiClient oksana = ApiClient.newMember(weft, "oksana", "Oksana");
            JsonNode offer = expect(201, oksana.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            String spammer = refused.serveUser("spammer");
            String tom = other.serveUser("tom");
            weft.server().safety().servers().block(memberId(weft, "amina"), "block3",
                    URI.create(refused.origin()).getAuthority(), "A spam server");
            weft.server().safety().accounts().blockForMember(memberId(weft, "oksana"), other.rosa());

            URI inbox = URI.create(weft.base() + "/inbox");
            String proposal = offer.path("uri").asText();
            String author = weft.base() + "/users/oksana";
            String spam = offerFrom(refused, spammer, "1", proposal, author, "Send money first");
            assertEquals(202, refused.deliverAs(spammer, inbox, spam).statusCode(), "answered as any activity is");
            String fromRosa = offerFrom(other, other.rosa(), "2", proposal, author, "I know where you live");
            assertEquals(202, other.deliver(inbox, fromRosa).statusCode());
            List<InboundActivityEntity> rows = List.of(spam, fromRosa).stream()
                    .map(dropped -> WaitFor.inboundDone(weft, TestHttp.json(dropped).path("id").asText())).toList();
            String fromTom = offerFrom(other, tom, "3", proposal, author, "My daughter could use it");
            assertEquals(202, other.deliverAs(tom, inbox, fromTom).statusCode());
            String responses = "/proposals/" + offer.path("id").asLong() + "/responses";
            WaitFor.condition("tom's answer reaches oksana", () -> expect(200, oksana.get(responses)).toString()
                    .contains("My daughter could use it"));

            JsonNode answers = expect(200, oksana.get(responses)).path("items");
            assertEquals(1, answers.size(), "tom's answer alone: " + answers);
            assertEquals(1, responseNotices(oksana), "told of tom's answer alone");
            WaitFor.deliveriesDrained(weft);
            assertTrue(refused.inboxPosts().isEmpty() && other.inboxPosts().isEmpty(), "nothing is sent back");
            for (InboundActivityEntity row : rows) {
                assertTrue(String.valueOf(row.getLastError()).contains("blocked"), row.getActivityUri() + ": "
                        + row.getLastError());
            }
        }
    }

    /** A FEP-0837 Offer from {@code actor} on {@code peer} answering {@code proposal}, as a Weft instance sends it. */
    private static String offerFrom(MastodonPeer peer, String actor, String n, String proposal, String author,
                                    String text) {
        return new AgreementOffer(peer.origin() + "/activities/offer/" + n, actor, author,
                peer.origin() + "/agreements/" + n, proposal + "#primary", "transfer", null,
                "<p>" + text + "</p>", Instant.now()).toActivity().toJson().toString();
    }

    /** How many answers the member was told of (one notice may stand for several, {@code count}). */
    private static int responseNotices(ApiClient member) {
        int told = 0;
        for (JsonNode n : expect(200, member.get("/me/notifications")).path("items")) {
            if (ResponseService.NOTIFY_RESPONSE.equals(n.path("kind").asText())) {
                told += Math.max(1, n.path("count").asInt());
            }
        }
        return told;
    }

    private static long memberId(TestServers.Instance weft, String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow().getId());
    }
}
