package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A Mastodon user following a community: sees offers as boosts, can fetch and read the Note, answers
 * with ordinary replies and direct messages, and posts requests with a hashtag.
 */
class MastodonProposalTest {

    @Test
    void mastodonSeesAnswersAndPostsProposals() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            String group = weft.base() + "/groups/block3";
            URI inbox = URI.create(weft.base() + "/inbox");
            mastodon.deliver(inbox, mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group));
            WaitFor.condition("the Accept", () -> posted(mastodon, "Accept").size() == 1);

            ProposalEntity offer = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread every morning")
                    .description("Ten bundles, free.").categories("bread").build());

            // The community boosts the Note's URI (Mastodon cannot process Announce{Create}).
            JsonNode announce = WaitFor.value("the Announce",
                    () -> posted(mastodon, "Announce").stream().findFirst().orElse(null));
            assertEquals(group, announce.path("actor").asText());
            assertEquals(offer.getUri(), announce.path("object").asText());

            JsonNode note = TestHttp.activityJson(offer.getUri());
            assertEquals("Note", note.path("type").asText());
            assertEquals(offer.getUri(), note.path("id").asText());
            String content = note.path("content").asText();
            assertTrue(content.contains("Fresh bread every morning"), content);
            assertTrue(content.startsWith("<p>OFFER · Bread"), content);
            assertTrue(content.contains("class=\"mention hashtag\" rel=\"tag\">#<span>MutualAidOffer</span></a>"), content);
            List<String> hashtags = new ArrayList<>();
            note.path("tag").forEach(t -> hashtags.add(t.path("type").asText() + " " + t.path("name").asText()));
            assertTrue(hashtags.contains("Hashtag #MutualAidOffer"), hashtags.toString());
            assertTrue(hashtags.contains("Hashtag #bread"), hashtags.toString());
            assertEquals("en", note.path("contentMap").fieldNames().next());
            assertFalse(note.has("summary"), "a summary would become a content warning");

            // An ordinary public reply becomes a response, listed in the Note's replies collection.
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.getUri());
            String replyId = TestHttp.json(reply).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, reply).statusCode());
            WaitFor.condition("the reply is a response", () -> responses(weft).size() == 1);
            JsonNode replies = TestHttp.activityJson(TestHttp.activityJson(note.path("replies").asText()).path("first").asText());
            assertEquals(replyId, replies.path("orderedItems").get(0).asText());
            assertEquals(1L, notifications(weft));

            // A direct message to the author, from someone else, is a private response: never in the public replies.
            // (From rosa it would continue her answer's conversation: MastodonConversationTest.)
            PrivateKey carlKey = mastodon.addUser("carl");
            String direct = mastodon.directNote("carl", 116205845566778899L, null, weft.base() + "/users/amina",
                    "@amina@" + weft.domain(), "my door code is 4417 if you drop the bread while I'm out.");
            assertEquals(202, mastodon.deliver(inbox, direct.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(), carlKey,
                    mastodon.actorOf("carl") + "#main-key").statusCode());
            WaitFor.condition("the direct message is a response", () -> responses(weft).size() == 2);
            assertTrue(responses(weft).stream()
                    .anyMatch(r -> !r.isPublicResponse() && r.getKind() == ResponseEntity.Kind.DIRECT));
            assertEquals(1, TestHttp.activityJson(note.path("replies").asText()).path("totalItems").asInt());

            // A post mentioning the community with #MutualAidRequest lands on its board, and is boosted.
            String post = mastodon.fixture("mastodon/create-note-public.json");
            String postId = TestHttp.json(post).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, post).statusCode());
            ProposalEntity request = WaitFor.value("the request on the board",
                    () -> TwoInstanceProposalTest.find(weft, postId));
            assertEquals(Purpose.REQUEST, request.getPurpose());
            assertEquals(ProposalEntity.Moderation.VISIBLE, request.getModeration());
            assertTrue(request.getCategories().stream().anyMatch(c -> c.contains("#food") || c.contains("fresh-produce")),
                    request.getCategories().toString());
            WaitFor.condition("the community boosts it", () -> posted(mastodon, "Announce").stream()
                    .anyMatch(a -> postId.equals(a.path("object").asText())));
        }
    }

    /**
     * A followed author's everyday post (public, no reply, naming no one here, no offer or request hashtag) changes
     * nothing and says why in its inbound row; the worker concludes that without a transaction, so the same author's
     * post with #MutualAidRequest and no mention must still reach the board of the community they follow.
     */
    @Test
    void anEverydayPostIsIgnoredAndATaggedOneStillReachesTheBoard() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            String group = weft.base() + "/groups/block3";
            URI inbox = URI.create(weft.base() + "/inbox");
            mastodon.deliver(inbox, mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group));
            WaitFor.condition("the Accept", () -> posted(mastodon, "Accept").size() == 1);

            String everyday = unaddressed(mastodon, 2, "<p>Lovely sunset over the allotments tonight.</p>", null);
            String everydayId = TestHttp.json(everyday).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, everyday).statusCode());
            WaitFor.condition("the everyday post is done", () -> "DONE".equals(inboundRow(weft, everyday)[0]));
            assertEquals("ignored: Post " + everydayId + " is neither a response nor an offer or request for a community"
                    + " here", inboundRow(weft, everyday)[1]);
            assertEquals(null, TwoInstanceProposalTest.find(weft, everydayId));

            String tagged = unaddressed(mastodon, 3, "<p>Anyone with a spare ladder this weekend? #MutualAidRequest</p>",
                    "#MutualAidRequest");
            String taggedId = TestHttp.json(tagged).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, tagged).statusCode());
            ProposalEntity request = WaitFor.value("the tagged post on the board", () -> TwoInstanceProposalTest.find(weft,
                    taggedId));
            assertEquals(Purpose.REQUEST, request.getPurpose());
            assertEquals(group, weft.server().db().inTransaction(s -> ProposalRepository.byUri(s, taggedId)
                    .map(p -> p.getGroup().getUri()).orElse(null)), "on the board of the community Rosa follows");
        }
    }

    /** Rosa's public post {@code status}, to her followers only: no mention, no reply; one hashtag when given. */
    private static String unaddressed(MastodonPeer mastodon, long status, String html, String hashtag) {
        ObjectNode create = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/create-note-public.json"));
        String id = mastodon.rosa() + "/statuses/" + status;
        create.put("id", id + "/activity");
        create.putArray("cc").add(mastodon.rosa() + "/followers");
        ObjectNode note = (ObjectNode) create.get("object");
        note.put("id", id).put("atomUri", id);
        note.putArray("cc").add(mastodon.rosa() + "/followers");
        note.put("content", html);
        note.putObject("contentMap").put("en", html);
        ArrayNode tags = note.putArray("tag");
        if (hashtag != null) {
            tags.addObject().put("type", "Hashtag").put("name", hashtag)
                    .put("href", "https://mastodon.example/tags/" + hashtag.substring(1));
        }
        note.remove("replies");
        return create.toString();
    }

    /** The inbound row of {@code activity}: its state and last_error (null, null before it is stored). */
    private static Object[] inboundRow(TestServers.Instance weft, String activity) {
        String uri = TestHttp.json(activity).path("id").asText();
        return weft.server().db().inTransaction(s -> s.createNativeQuery(
                        "SELECT state, last_error FROM inbound_activity WHERE activity_uri = ?1", Object[].class)
                .setParameter(1, uri).uniqueResultOptional().orElse(new Object[2]));
    }

    static List<JsonNode> posted(MastodonPeer peer, String type) {
        return peer.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(j -> type.equals(j.path("type").asText())).toList();
    }

    private static List<ResponseEntity> responses(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ResponseEntity", ResponseEntity.class)
                .getResultList());
    }

    private static long notifications(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from NotificationEntity", Long.class).getSingleResult());
    }
}
