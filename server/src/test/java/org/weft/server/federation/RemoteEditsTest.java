package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.MisskeyPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Edits from other servers, replayed in the shapes those servers send ({@code Update} of a Mastodon {@code Note} with
 * {@code updated}, of a Lemmy {@code Page}, of a Misskey {@code Question}), signed as they sign: an edited reply is
 * what the proposal's author then reads; an edited post on a community's board changes it there; an edit older than
 * the one kept never wins; an edit by anyone but the author changes nothing; an edit of something not kept changes
 * nothing and says so.
 */
class RemoteEditsTest {
    private static final String PASSWORD = "a long enough password";
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static LemmyPeer lemmy;
    private static MisskeyPeer misskey;
    private static String amina;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        mastodon = new MastodonPeer(weft.base());
        lemmy = new LemmyPeer(weft.base());
        misskey = new MisskeyPeer(weft.base());
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
        weft.server().localActors().createMember("omar", "Omar", PASSWORD, false);
        amina = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("amina", "test");
        // A second account on rosa's server, to send edits of rosa's posts (same key, its own key id and actor).
        mastodon.wireMock().stubFor(get(urlPathEqualTo("/users/mallory")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json; charset=utf-8")
                .withBody(mastodon.fixture("mastodon/actor.json").replace("/users/rosa", "/users/mallory")
                        .replace("\"rosa\"", "\"mallory\"").replace("/@rosa", "/@mallory"))));
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        lemmy.close();
        misskey.close();
        weft.close();
    }

    @Test
    void anEditedReplyIsWhatTheAuthorReadsAndOnlyItsAuthorsNewerEditsCount() {
        ProposalEntity offer = offer("Fresh bread every morning");
        String reply = mastodon.fixture("mastodon/create-note-reply.json")
                .replace(weft.base() + "/proposals/7f3c9a", offer.getUri());
        applied(mastodon, reply);

        applied(mastodon, update(reply, "<p>I can cover Thursday and Friday, and bring the trolley.</p>",
                "2026-03-14T09:48:20Z", "1773481700"));
        JsonNode response = responses(offer).path("items").get(0);
        assertEquals("I can cover Thursday and Friday, and bring the trolley.", response.path("text").asText());
        assertEquals("2026-03-14T09:48:20Z", response.path("updated").asText());
        PageClient author = new PageClient(weft.base());
        author.login("amina", PASSWORD);
        String page = author.get(offer.getUri().substring(weft.base().length())).body();
        assertTrue(page.contains("I can cover Thursday and Friday") && !page.contains("Thursday slot"), page);

        // An earlier edit that arrives late loses to the one kept.
        InboundActivityEntity late = ignored(mastodon, update(reply, "<p>I can cover Thursday only.</p>",
                "2026-03-14T09:40:00Z", "1773481200"));
        assertTrue(late.getLastError().contains("older than the version kept"), late.getLastError());
        // Another account of the same server edits rosa's reply, claiming it or not: refused either way.
        InboundActivityEntity claimed = ignored(mallory(update(reply, "<p>Mallory was here.</p>",
                "2026-03-14T10:00:00Z", "1773482400").replace("\"attributedTo\":\"" + mastodon.rosa() + "\"",
                "\"attributedTo\":\"" + mallory() + "\"")));
        assertTrue(claimed.getLastError().contains("who did not send it"), claimed.getLastError());
        InboundActivityEntity notClaimed = ignored(mallory(update(reply, "<p>Mallory was here.</p>",
                "2026-03-14T10:00:01Z", "1773482401")));
        assertTrue(notClaimed.getLastError().contains("is attributed to"), notClaimed.getLastError());
        assertEquals("I can cover Thursday and Friday, and bring the trolley.",
                responses(offer).path("items").get(0).path("text").asText(), "nothing changed");
    }

    @Test
    void anEditedDirectMessageIsWhatItsRecipientReads() {
        String message = mastodon.fixture("mastodon/create-note-direct.json").replace("/users/amina", "/users/omar")
                .replace("/@amina", "/@omar");
        applied(mastodon, message);
        String omar = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("omar", "test");
        assertTrue(messageText(omar).contains("my door code is 4417"), messageText(omar));
        applied(mastodon, update(message, "<p>@omar the door code changed: ask me when you are here.</p>",
                "2026-03-14T09:50:00Z", "1773481800"));
        assertEquals("the door code changed: ask me when you are here.", messageText(omar), "without the opening mention");
    }

    /**
     * Rosa deletes a direct message she sent Layla on Mastodon: Layla no longer reads it, nor the notification of it.
     * Another account of the same server deleting it first changes nothing.
     */
    @Test
    void aDeletedDirectMessageIsGoneForItsRecipient() {
        weft.server().localActors().createMember("layla", "Layla", PASSWORD, false);
        String layla = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("layla", "test");
        String message = mastodon.fixture("mastodon/create-note-direct.json").replace("116205845566778899",
                "116205845566770001").replace("my door code is 4417", "the spare key is under the blue pot")
                .replace("/users/amina", "/users/layla").replace("/@amina", "/@layla");
        applied(mastodon, message);
        assertTrue(allMessageTexts(layla).contains("the spare key is under the blue pot"), allMessageTexts(layla));

        ObjectNode delete = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/delete-note.json")
                .replace("116205812345678901", "116205845566770001"));
        InboundActivityEntity notHers = ignored(mallory(delete.toString()));
        assertTrue(notHers.getLastError().contains("nothing of the sender's"), notHers.getLastError());
        assertTrue(allMessageTexts(layla).contains("the spare key is under the blue pot"), "still there");

        applied(mastodon, delete.put("id", delete.path("id").asText() + "-rosa").toString());
        assertFalse(allMessageTexts(layla).contains("the spare key is under the blue pot"), allMessageTexts(layla));
    }

    /** A message in a response's conversation (issue 12), edited on Mastodon: the author reads the new words. */
    @Test
    void anEditedConversationMessageIsWhatTheOtherSideReadsAndOnlyItsSendersNewerEditsCount() {
        ProposalEntity offer = offer("Cool bags to lend");
        String aminaUri = weft.base() + "/users/amina";
        String handle = "@amina@" + weft.domain();
        String response = mastodon.directNote("rosa", 116205900000000041L, offer.getUri(), aminaUri, handle,
                "I would like two bags, please.");
        applied(mastodon, response);
        long responseId = responses(offer).path("items").get(0).path("id").asLong();
        String message = mastodon.directNote("rosa", 116205900000000042L, TestHttp.json(response).path("object")
                .path("id").asText(), aminaUri, handle, "I can come at ten.");
        applied(mastodon, message);
        assertEquals("I can come at ten.", newestMessage(responseId));

        applied(mastodon, update(message, "<p>I can come at eleven instead.</p>", "2026-03-14T09:48:20Z", "1773481700"));
        assertEquals("I can come at eleven instead.", newestMessage(responseId));
        InboundActivityEntity late = ignored(mastodon, update(message, "<p>I can come at noon.</p>",
                "2026-03-14T09:40:00Z", "1773481200"));
        assertTrue(late.getLastError().contains("older than the version kept"), late.getLastError());
        InboundActivityEntity claimed = ignored(mallory(update(message, "<p>Mallory was here.</p>",
                "2026-03-14T10:00:00Z", "1773482400").replace("\"attributedTo\":\"" + mastodon.rosa() + "\"",
                "\"attributedTo\":\"" + mallory() + "\"")));
        assertTrue(claimed.getLastError().contains("who did not send it"), claimed.getLastError());
        assertEquals("I can come at eleven instead.", newestMessage(responseId), "nothing changed");
        assertEquals(1, responses(offer).path("total").asInt(), "and no response was added");
    }

    @Test
    void anEditedLemmyPostChangesWhatTheBoardShows() {
        applied(lemmy, lemmy.fixture("lemmy/follow.json"));
        WaitFor.condition("kofi follows block3", () -> follows(lemmy.actor()));
        applied(lemmy, lemmy.fixture("lemmy/create-note-public.json"));
        String postId = TestHttp.json(lemmy.fixture("lemmy/create-note-public.json")).path("object").path("id").asText();
        ProposalEntity post = find(postId);
        assertEquals(ProposalEntity.Moderation.VISIBLE, post.getModeration(), "kofi follows the community");
        assertTrue(post.getDescription().contains("two drivers") || post.getTitle().contains("two drivers"), post.getTitle());

        applied(lemmy, lemmy.fixture("lemmy/update-note.json"));
        JsonNode shown = TestHttp.json(TestHttp.get(weft.base() + "/api/v1/proposals/" + post.getId(), "application/json")
                .body());
        String text = shown.path("title").asText() + " " + shown.path("description").asText();
        assertTrue(text.contains("one more driver") && !text.contains("two drivers"), shown.toString());
        assertEquals("request", shown.path("purpose").asText());
        assertEquals(ProposalEntity.Moderation.VISIBLE, find(postId).getModeration(), "still sure, still following");
        // The same edit again, or an older one, changes nothing more; anyone else's edit is refused.
        String older = lemmy.fixture("lemmy/update-note.json").replace("2026-03-14T09:48:20.117204Z", "2026-03-14T09:30:00Z")
                .replace("2c4e6a8c-0e2a-4c4e-86a8-1e3a5c7e9bac", "2c4e6a8c-0000-4c4e-86a8-1e3a5c7e9bac")
                .replace("one more driver", "three drivers");
        assertTrue(ignored(lemmy, older).getLastError().contains("older"));
        assertTrue((find(postId).getTitle() + find(postId).getDescription()).contains("one more driver"));
    }

    @Test
    void anEditedMastodonPostOnTheBoardChangesIt() {
        rosaFollowsBlock3();
        String post = mastodon.fixture("mastodon/create-note-public.json");
        applied(mastodon, post);
        String postId = TestHttp.json(post).path("object").path("id").asText();
        assertTrue((find(postId).getTitle() + find(postId).getDescription()).contains("two drivers"));
        // Mallory's edit of rosa's post on the board, claiming it, is refused: it is rosa's.
        String claimed = mallory(mastodon.fixture("mastodon/update-note.json")).replace("#updates/1773481700",
                "#updates/1773481701").replace("\"attributedTo\":\"" + mastodon.rosa() + "\"",
                "\"attributedTo\":\"" + mallory() + "\"");
        assertTrue(claimed.contains("\"attributedTo\":\"" + mallory() + "\""), claimed);
        assertTrue(ignored(claimed).getLastError().contains("who did not send it"));
        assertTrue((find(postId).getTitle() + find(postId).getDescription()).contains("two drivers"), "unchanged");
        applied(mastodon, mastodon.fixture("mastodon/update-note.json"));
        String text = find(postId).getTitle() + find(postId).getDescription();
        assertTrue(text.contains("one more driver") && !text.contains("two drivers"), text);
    }

    /**
     * A post on the board edited down to no words (a photo left alone, as Mastodon allows) keeps a heading readers can
     * read: what it asked for, as the taxonomy names it in the post's language. While its hashtags still say it is a
     * request for food it stays on the board, as the same post would on arrival; edited down to nothing at all, it
     * waits for a moderator, under that name.
     */
    @Test
    void aMastodonPostEditedDownToNoWordsKeepsTheNameOfWhatItAskedFor() {
        rosaFollowsBlock3();
        String post = mastodon.fixture("mastodon/create-note-public.json").replace("116205812345678901", "116205812345670042");
        applied(mastodon, post);
        String postId = TestHttp.json(post).path("object").path("id").asText();
        assertEquals(ProposalEntity.Moderation.VISIBLE, find(postId).getModeration(), "on the board before the edit");

        applied(mastodon, update(post, "", "2026-03-14T10:05:00Z", "1773482700"));
        ProposalEntity photoAndTags = find(postId);
        var taxonomy = weft.server().proposals().taxonomy();
        String named = taxonomy.label(taxonomy.byUri(photoAndTags.getCategories().get(0)).orElseThrow(),
                photoAndTags.getLanguage());
        assertFalse(named.isBlank());
        assertEquals(named, photoAndTags.getTitle(), "named by what it asks for, not an empty heading");
        assertEquals("", photoAndTags.getDescription());
        assertEquals(ProposalEntity.Moderation.VISIBLE, photoAndTags.getModeration(), "#MutualAidRequest #food still say");

        ObjectNode nothing = (ObjectNode) TestHttp.json(update(post, "", "2026-03-14T10:10:00Z", "1773483000"));
        ((ObjectNode) nothing.path("object")).remove("tag");
        applied(mastodon, nothing.toString());
        ProposalEntity bare = find(postId);
        assertEquals(named, bare.getTitle(), "still named by what it asked for");
        assertEquals(ProposalEntity.Moderation.PENDING, bare.getModeration(), "nothing left to be sure of");
        assertTrue(weft.server().proposals().moderation().pending("block3").stream()
                .anyMatch(p -> p.getId().equals(bare.getId())), "in the moderators' queue");
    }

    @Test
    void aMisskeyQuestionUpdateOfNothingKeptHereChangesNothing() {
        long before = proposals();
        InboundActivityEntity row = ignored(misskey, misskey.fixture("misskey/update-question.json"));
        assertTrue(row.getLastError().contains("nothing is kept here by that id"), row.getLastError());
        assertEquals(before, proposals());
    }

    /**
     * Rosa follows the community. Each call sends a Follow of its own id, as Mastodon would: the same bytes signed
     * twice within one second are the same signature, which the inbox rightly refuses as a replay (two tests here
     * follow, and ran within one second of each other in CI).
     */
    private static void rosaFollowsBlock3() {
        applied(mastodon, mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina",
                weft.base() + "/groups/block3").replace("7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", UUID.randomUUID().toString()));
        WaitFor.condition("rosa follows block3", () -> follows(mastodon.rosa()));
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                .purpose(Purpose.OFFER).language("en").title(title).description("Ten bundles, free.").categories("bread")
                .build());
    }

    /** The same post as {@code create} edited: an Update, Mastodon's way, with the new words and {@code updated}. */
    private static String update(String create, String html, String updated, String suffix) {
        ObjectNode activity = (ObjectNode) TestHttp.json(create);
        ObjectNode note = (ObjectNode) activity.path("object");
        activity.put("type", "Update");
        activity.put("id", note.path("id").asText() + "#updates/" + suffix);
        activity.remove("signature");
        note.put("content", html);
        if (note.has("contentMap")) {
            ((ObjectNode) note.path("contentMap")).put("en", html);
        }
        note.put("updated", updated);
        return activity.toString();
    }

    private static String mallory() {
        return mastodon.origin() + "/users/mallory";
    }

    /** The activity as sent by mallory (its actor), signed with mallory's key id. */
    private static String mallory(String json) {
        ObjectNode activity = (ObjectNode) TestHttp.json(json);
        activity.put("actor", mallory());
        return activity.toString();
    }

    private static InboundActivityEntity ignored(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), body, ZonedDateTime.now(), mastodon.key(),
                mallory() + "#main-key").statusCode());
        return done(json, false);
    }

    private static void applied(FediversePeer peer, String json) {
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        done(json, true);
    }

    private static InboundActivityEntity ignored(FediversePeer peer, String json) {
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), json).statusCode(), json);
        return done(json, false);
    }

    private static InboundActivityEntity done(String json, boolean applied) {
        InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(json).path("id").asText());
        assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
        if (applied) {
            assertNull(row.getLastError(), "applied");
        } else {
            assertTrue(row.getLastError() != null, "ignored, with a reason");
        }
        return row;
    }

    private static JsonNode responses(ProposalEntity offer) {
        return TestHttp.json(TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1/proposals/"
                + offer.getId() + "/responses")).header("Authorization", "Bearer " + amina).GET().build()).body());
    }

    /** The newest message of a response's conversation as its author reads it through the API. */
    private static String newestMessage(long responseId) {
        return TestHttp.json(TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1/responses/" + responseId
                + "/messages")).header("Authorization", "Bearer " + amina).GET().build()).body())
                .path("items").get(0).path("text").asText();
    }

    /** The words of every message the member's notifications show, one after another. */
    private static String allMessageTexts(String token) {
        StringBuilder texts = new StringBuilder();
        for (JsonNode n : TestHttp.json(TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base()
                + "/api/v1/me/notifications")).header("Authorization", "Bearer " + token).GET().build()).body())
                .path("items")) {
            if ("message".equals(n.path("kind").asText())) {
                texts.append(n.path("text").asText()).append('\n');
            }
        }
        return texts.toString();
    }

    private static String messageText(String token) {
        JsonNode list = TestHttp.json(TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base()
                + "/api/v1/me/notifications")).header("Authorization", "Bearer " + token).GET().build()).body());
        for (JsonNode n : list.path("items")) {
            if ("message".equals(n.path("kind").asText())) {
                return n.path("text").asText();
            }
        }
        return "";
    }

    private static boolean follows(String actor) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from FollowEntity f"
                        + " where f.follower.uri = :a and f.state = :st", Long.class).setParameter("a", actor)
                .setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult() > 0);
    }

    private static ProposalEntity find(String uri) {
        return weft.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).orElseThrow());
    }

    private static long proposals() {
        return weft.server().db().inTransaction(ProposalRepository::countAll);
    }
}
