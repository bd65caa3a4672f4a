package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.MisskeyPeer;
import org.weft.server.testing.PleromaPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Likes and emoji reactions on a proposal, as four servers send them (Mastodon's favourite, Lemmy's upvote, a Misskey
 * reaction, a Pleroma favourite and emoji reaction), counted as thanks: once per person, shown on the proposal's page
 * as a number (in the reader's language) and never as a list of who; an Undo takes one back, and only its own sender's
 * Undo does.
 */
class ThanksTest {

    @Test
    void likesAndReactionsAreCountedOncePerPersonShownAsThanksAndUndone() {
        try (TestServers.Instance weft = TestServers.start();
             MastodonPeer mastodon = new MastodonPeer(weft.base());
             LemmyPeer lemmy = new LemmyPeer(weft.base());
             MisskeyPeer misskey = new MisskeyPeer(weft.base());
             PleromaPeer pleroma = new PleromaPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            ProposalEntity offer = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread every morning")
                    .description("Ten bundles, free.").categories("bread").build());
            String page = offer.getUri();
            assertFalse(TestHttp.get(page, "text/html").body().contains("class=\"thanks\""), "no thanks yet, and no word of it");

            deliver(weft, mastodon, "mastodon/like.json", offer);
            deliver(weft, lemmy, "lemmy/like.json", offer);
            deliver(weft, misskey, "misskey/like-reaction.json", offer);
            // Pleroma's lina favourites it and reacts to it too: one person, one thanks.
            deliver(weft, pleroma, "pleroma/like.json", offer);
            deliver(weft, pleroma, "pleroma/emoji-react.json", offer);
            assertEquals(4, thanks(weft, offer), "four people");
            String html = TestHttp.get(page, "text/html").body();
            assertTrue(html.contains("4 thanks"), html);
            for (String who : List.of("Rosa", "rosa", "Kofi", "kofi", "Hana", "hana", "Lina", "lina")) {
                assertFalse(html.contains(who), "the page never says who thanked: " + who);
            }
            PageClient french = new PageClient(weft.base()).language("fr");
            assertTrue(french.get(page.substring(weft.base().length())).body().contains("4 remerciements"));

            // A Like of something that is not a proposal here changes nothing, and says why.
            String notAProposal = mastodon.fixture("mastodon/like.json")
                    .replace(weft.base() + "/proposals/7f3c9a", weft.base() + "/users/amina")
                    .replace("#likes/4417093", "#likes/4417094");
            InboundActivityEntity ignored = deliverRaw(weft, mastodon, notAProposal);
            assertTrue(ignored.getLastError().contains("no proposal listed here"), ignored.getLastError());
            assertEquals(4, thanks(weft, offer));

            // Someone else cannot take Rosa's thanks back: Hana's Undo embedding Rosa's Like, or Lina's naming it by id.
            String rosasLike = mastodon.rosa() + "#likes/4417093";
            ObjectNode forged = (ObjectNode) TestHttp.json(misskey.fixture("misskey/undo-like.json"));
            forged.put("id", misskey.origin() + "/likes/forged/undo");
            ((ObjectNode) forged.path("object")).put("id", rosasLike).put("actor", mastodon.rosa());
            InboundActivityEntity refused = deliverRaw(weft, misskey, forged.toString());
            assertTrue(refused.getLastError().contains("someone else"), refused.getLastError());
            ObjectNode byId = (ObjectNode) TestHttp.json(pleroma.fixture("pleroma/undo-emoji-react.json"));
            byId.put("id", pleroma.origin() + "/activities/forged-undo").put("object", rosasLike);
            assertTrue(deliverRaw(weft, pleroma, byId.toString()).getLastError().contains("no thanks kept here"));
            assertEquals(4, thanks(weft, offer), "nothing was taken back");

            // Each takes back their own: Rosa (Mastodon, the Like embedded), Hana (Misskey), and Lina's reaction (Pleroma,
            // by id only) — Lina still likes it, so she still counts.
            deliver(weft, mastodon, "mastodon/undo-like.json", offer);
            deliver(weft, misskey, "misskey/undo-like.json", offer);
            deliver(weft, pleroma, "pleroma/undo-emoji-react.json", offer);
            assertEquals(2, thanks(weft, offer), "Kofi and Lina");
            assertTrue(TestHttp.get(page, "text/html").body().contains("2 thanks"));
            String token = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("amina", "test");
            JsonNode viaApi = TestHttp.json(TestHttp.send(HttpRequest.newBuilder(
                    URI.create(weft.base() + "/api/v1/proposals/" + offer.getId())).header("Authorization", "Bearer " + token)
                    .GET().build()).body());
            assertEquals(2, viaApi.path("thanks").asInt(), viaApi.toString());
            assertNull(viaApi.get("thankedBy"), "nobody is named");
        }
    }

    /** Delivers a fixture (about the proposal {@code 7f3c9a}, here {@code offer}) and waits until it was applied. */
    private static void deliver(TestServers.Instance weft, FediversePeer peer, String fixture, ProposalEntity offer) {
        InboundActivityEntity row = deliverRaw(weft, peer, peer.fixture(fixture)
                .replace(weft.base() + "/proposals/7f3c9a", offer.getUri()));
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), fixture);
        assertNull(row.getLastError(), fixture + " was applied");
    }

    private static InboundActivityEntity deliverRaw(TestServers.Instance weft, FediversePeer peer, String json) {
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        return WaitFor.inboundDone(weft, TestHttp.json(json).path("id").asText());
    }

    private static long thanks(TestServers.Instance weft, ProposalEntity offer) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(distinct t.actorId) from ThanksEntity t where t.proposalId = :p", Long.class)
                .setParameter("p", offer.getId()).getSingleResult());
    }
}
