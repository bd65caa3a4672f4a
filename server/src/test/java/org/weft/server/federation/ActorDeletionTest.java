package org.weft.server.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A remote actor deletes itself ({@code Delete} of the actor, Mastodon's and Lemmy's shapes): its responses, the direct
 * messages it sent members, its posts on the board and those waiting for a moderator, and its thanks go, and what the
 * other actor sent stays. Each member's own view is checked: the author's responses, the recipient's messages, the
 * moderator's queue.
 */
class ActorDeletionTest {

    @Test
    void aDeletedActorsResponsesMessagesAndPostsGoAndNobodyElses() {
        try (TestServers.Instance weft = TestServers.start();
             MastodonPeer mastodon = new MastodonPeer(weft.base());
             LemmyPeer lemmy = new LemmyPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            weft.server().localActors().createMember("omar", "Omar", "a long enough password", false);
            String amina = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("amina", "test");
            String omar = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("omar", "test");

            applied(weft, lemmy, lemmy.fixture("lemmy/follow.json")); // kofi follows the community; rosa does not
            // Both send Omar, who has no proposal, a direct message.
            applied(weft, mastodon, mastodon.fixture("mastodon/create-note-direct.json").replace("/users/amina", "/users/omar")
                    .replace("/@amina", "/@omar"));
            applied(weft, lemmy, lemmy.fixture("lemmy/create-note-direct.json").replace("/users/amina", "/users/omar")
                    .replace("my door code is 4417", "the trolley is by the door"));
            assertEquals(2, messages(weft, omar).size());
            // Both answer Amina's offer, and thank her for it.
            ProposalEntity offer = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread every morning")
                    .description("Ten bundles, free.").categories("bread").build());
            for (FediversePeer peer : List.of(mastodon, lemmy)) {
                String server = peer == mastodon ? "mastodon" : "lemmy";
                applied(weft, peer, peer.fixture(server + "/create-note-reply.json")
                        .replace(weft.base() + "/proposals/7f3c9a", offer.getUri()));
                applied(weft, peer, peer.fixture(server + "/like.json").replace(weft.base() + "/proposals/7f3c9a",
                        offer.getUri()));
            }
            assertEquals(2, responses(weft, amina, offer).size());
            // Both ask the community for help: kofi's request is on the board, rosa's waits for a moderator.
            String rosasPost = postId(mastodon.fixture("mastodon/create-note-public.json"));
            String kofisPost = postId(lemmy.fixture("lemmy/create-note-public.json"));
            applied(weft, mastodon, mastodon.fixture("mastodon/create-note-public.json"));
            applied(weft, lemmy, lemmy.fixture("lemmy/create-note-public.json"));
            assertEquals(ProposalEntity.Moderation.PENDING, find(weft, rosasPost).getModeration());
            assertEquals(ProposalEntity.Moderation.VISIBLE, find(weft, kofisPost).getModeration());
            assertEquals(List.of(rosasPost), pending(weft));
            assertEquals(2, thanks(weft, offer));

            applied(weft, mastodon, mastodon.fixture("mastodon/delete-actor.json"));
            assertEquals(List.of(lemmy.actor()), responses(weft, amina, offer), "Amina reads kofi's response only");
            assertEquals(1L, notifications(weft, amina, "response"), "and is notified of it only");
            List<String> omars = messages(weft, omar);
            assertEquals(1, omars.size(), omars.toString());
            assertTrue(omars.get(0).contains("the trolley is by the door"), "kofi's message stays, rosa's is gone: " + omars);
            assertEquals(List.of(), pending(weft), "the moderator's queue is empty");
            assertTrue(find(weft, rosasPost).isDeleted());
            assertFalse(find(weft, kofisPost).isDeleted(), "kofi's post stays on the board");
            assertEquals(1, thanks(weft, offer), "kofi's thanks stay");
            ActorEntity rosa = actor(weft, mastodon.rosa());
            assertTrue(rosa.isDeleted());
            assertEquals(0L, followsOf(weft, mastodon.rosa()));
            assertEquals(1L, followsOf(weft, lemmy.actor()), "kofi still follows the community");

            // Then kofi goes too, Lemmy's way (removeData): nothing of either is left.
            applied(weft, lemmy, lemmy.fixture("lemmy/delete-actor.json"));
            assertEquals(List.of(), responses(weft, amina, offer));
            assertEquals(List.of(), messages(weft, omar));
            assertTrue(find(weft, kofisPost).isDeleted());
            assertEquals(0, thanks(weft, offer));
            assertEquals(0L, followsOf(weft, lemmy.actor()));
            assertFalse(TestHttp.get(weft.base() + "/api/v1/proposals?purpose=request", "application/json").body()
                    .contains(kofisPost), "nor on the board");
        }
    }

    /**
     * Rosa deletes herself after Amina accepted her response; her server then answers 200 for her actor for a while
     * (a post of hers arrives, signed with her key, and the key is fetched again), and sends her Delete once more.
     * Her Delete is final: she does not come back, nothing she sends after it is taken, and Amina is told once.
     */
    @Test
    void aDeletedActorFetchedAgainStaysDeletedAndItsAuthorIsToldOnce() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ProposalEntity offer = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread every morning")
                    .description("Ten bundles, free.").categories("bread").build());
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.getUri());
            applied(weft, mastodon, reply);
            long rosas = expect(200, amina.get("/proposals/" + offer.getId() + "/responses")).path("items").get(0)
                    .path("id").asLong();
            expect(200, amina.post("/responses/" + rosas + "/accept", "{\"handOff\": \"The bakery, at seven\"}"));

            applied(weft, mastodon, mastodon.fixture("mastodon/delete-actor.json"));
            assertEquals(1L, told(amina, "responder-left"));

            // Her server still serves her actor: a later post of hers, signed with her key, is refused without asking
            // her server again (each such request would otherwise cost a fetch).
            int fetched = mastodon.wireMock().findAll(getRequestedFor(urlPathEqualTo("/users/rosa"))).size();
            String later = reply.replace("116205830011223344", "116205830099887766")
                    .replace("I can cover the Thursday slot", "I am back");
            assertEquals(401, mastodon.deliver(URI.create(weft.base() + "/inbox"), later).statusCode(),
                    "nothing signed with a deleted actor's key is taken");
            assertEquals(fetched, mastodon.wireMock().findAll(getRequestedFor(urlPathEqualTo("/users/rosa"))).size(),
                    "her document is not fetched again");
            assertTrue(actor(weft, mastodon.rosa()).isDeleted(), "the fetch does not bring her back");
            PageClient page = new PageClient(weft.base());
            page.login("amina", "a long enough password");
            String proposal = page.get(URI.create(offer.getUri()).getPath()).body();
            assertTrue(proposal.contains(Messages.forLanguage("en").get("response.left")), proposal);
            assertFalse(proposal.contains("I am back"), proposal);

            String again = mastodon.fixture("mastodon/delete-actor.json").replace("/users/rosa#delete", "/users/rosa#delete-2");
            assertEquals(401, mastodon.deliver(URI.create(weft.base() + "/inbox"), again).statusCode(),
                    "her key signs nothing here any more, her Delete neither");
            assertEquals(1L, told(amina, "responder-left"), "Amina is told once");
            assertTrue(actor(weft, mastodon.rosa()).isDeleted());
        }
    }

    private static void applied(TestServers.Instance weft, FediversePeer peer, String json) {
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(json).path("id").asText());
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
        assertNull(row.getLastError(), "applied");
    }

    /** How many notifications of this kind the member has. */
    private static long told(ApiClient member, String kind) {
        long count = 0;
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            count += kind.equals(n.path("kind").asText()) ? 1 : 0;
        }
        return count;
    }

    private static String postId(String create) {
        return TestHttp.json(create).path("object").path("id").asText();
    }

    private static List<String> responses(TestServers.Instance weft, String token, ProposalEntity offer) {
        List<String> from = new ArrayList<>();
        api(weft, token, "/api/v1/proposals/" + offer.getId() + "/responses").path("items")
                .forEach(r -> from.add(r.path("responder").path("uri").asText()));
        return from;
    }

    private static List<String> messages(TestServers.Instance weft, String token) {
        List<String> texts = new ArrayList<>();
        api(weft, token, "/api/v1/me/notifications").path("items").forEach(n -> {
            if ("message".equals(n.path("kind").asText())) {
                texts.add(n.path("text").asText());
            }
        });
        return texts;
    }

    private static long notifications(TestServers.Instance weft, String token, String kind) {
        long count = 0;
        for (JsonNode n : api(weft, token, "/api/v1/me/notifications").path("items")) {
            count += kind.equals(n.path("kind").asText()) ? 1 : 0;
        }
        return count;
    }

    private static JsonNode api(TestServers.Instance weft, String token, String path) {
        var response = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path))
                .header("Authorization", "Bearer " + token).GET().build());
        assertEquals(200, response.statusCode(), response.body());
        return TestHttp.json(response.body());
    }

    /** What the moderator's queue (`weft board pending`) lists for block3: the posts' ids. */
    private static List<String> pending(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> ProposalRepository.waitingForModerator(s,
                ActorRepository.byUri(s, weft.base() + "/groups/block3").orElseThrow()).stream()
                .map(ProposalEntity::getUri).toList());
    }

    private static ProposalEntity find(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).orElseThrow());
    }

    private static ActorEntity actor(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> ActorRepository.byUri(s, uri).orElseThrow());
    }

    private static long thanks(TestServers.Instance weft, ProposalEntity offer) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(distinct t.actorId) from ThanksEntity t where t.proposalId = :p", Long.class)
                .setParameter("p", offer.getId()).getSingleResult());
    }

    private static long followsOf(TestServers.Instance weft, String actor) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from FollowEntity f"
                        + " where f.follower.uri = :a or f.followee.uri = :a", Long.class).setParameter("a", actor)
                .getSingleResult());
    }
}
