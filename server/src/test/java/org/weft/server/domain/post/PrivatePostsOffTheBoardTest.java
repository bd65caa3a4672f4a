package org.weft.server.domain.post;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * A private post that reaches a community's inbox never becomes a post on its board, nor one waiting in its moderators'
 * queue: it was written to one actor, not to the community's members. Rosa follows block3, so her words would be on
 * the board at once, and Ngozi does not, so hers would wait for a moderator. A visitor, a member and a moderator look
 * at the board, and the moderator at the queue. A public post with the same words still goes on the board.
 */
class PrivatePostsOffTheBoardTest {
    private static final String PASSWORD = "correct horse battery";
    /** Words the classifier is sure of: a follower's post with them goes on the board at once. */
    private static final String SURE = "I can give two winter coats, size M, to anyone who needs them";

    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static HeldPosts posts;
    private static String group;
    private static URI inbox;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of("WEFT_MODERATION_POSTS_PER_HOUR", "0"));
        mastodon = new MastodonPeer(weft.base());
        var actors = weft.server().localActors();
        actors.createGroup("block3", "Block 3", null);
        actors.createMember("amina", "amina", PASSWORD, false);
        actors.createMember("carla", "carla", PASSWORD, false);
        weft.server().moderators().add("block3", "amina", Optional.empty());
        group = weft.base() + "/groups/block3";
        inbox = URI.create(weft.base() + "/inbox");
        posts = HeldPosts.following(weft, mastodon, "block3");
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    /** Mastodon's "mentioned people only" post to the community, from a follower and from a stranger. */
    @Test
    void aDirectPostToTheCommunityIsOnNoBoardAndInNoQueue() {
        String fromRosa = mastodon.directNote("rosa", 116205899000000001L, null, group, "@block3@" + weft.domain(),
                "I need a pram for my baby, please do not share my name. " + SURE.replace("coats", "rain capes"));
        InboundActivityEntity rosas = handled(deliver("rosa", fromRosa));

        String ngozi = mastodon.serveUser("ngozi");
        String fromNgozi = mastodon.directNote("ngozi", 116205899000000002L, null, group, "@block3@" + weft.domain(),
                "my landlord is throwing us out, " + SURE.replace("coats", "duvets"));
        assertEquals(ngozi, TestHttp.json(fromNgozi).path("actor").asText());
        InboundActivityEntity ngozis = handled(deliver("ngozi", fromNgozi));

        assertAll(Stream.of("do not share my name", "rain capes", "throwing us out", "duvets")
                .<Executable>map(words -> () -> assertNowhere(words)));
        kept(fromRosa).ifPresent(p -> fail(p));
        kept(fromNgozi).ifPresent(p -> fail(p));
        assertIgnored(rosas, "is a direct message for no member here");
        assertIgnored(ngozis, "is a direct message for no member here");
    }

    /**
     * A Weft conversation's message from a responder on another server to a community-only proposal's community, which
     * overtook the responder's Offer: addressed to the community alone, in reply to and in the context of the Offer.
     * The community keeps it for the Offer to come (ConversationOrderTest), shown to no one meanwhile.
     */
    @Test
    void aConversationMessageThatOvertookItsOfferIsOnNoBoard() {
        String offer = mastodon.origin() + "/responses/7d1c0ffe-overtaken";
        ObjectNode create = (ObjectNode) TestHttp.json(mastodon.directNote("rosa", 116205899000000003L, offer, group,
                "@block3@" + weft.domain(), "happy to bring them tonight, " + SURE.replace("coats", "sleeping bags")));
        ((ObjectNode) create.path("object")).put("context", offer);
        String message = create.toString();
        InboundActivityEntity row = handled(deliver("rosa", message));
        assertNowhere("sleeping bags");
        kept(message).ifPresent(p -> fail(p));
        assertEquals(InboundActivityEntity.State.DONE, row.getState());
        assertNull(row.getLastError(), "kept, for the community alone");
        for (String member : List.of("amina", "carla")) {
            String notifications = signedIn(member).get("/me/notifications").body();
            assertFalse(notifications.contains("sleeping bags"), member + ": " + notifications);
        }
    }

    /**
     * A public post naming a conversation of this instance (a response, not a proposal) as its context cannot join it
     * (its sender is not the conversation's other side): it belongs to that conversation or nowhere, not on a board.
     */
    @Test
    void aPublicPostInAConversationHereIsOnNoBoard() {
        String post = publicPost("rosa", 116205899000000004L, SURE.replace("coats", "wool hats"),
                weft.base() + "/responses/4242");
        InboundActivityEntity row = handled(deliver("rosa", post));
        assertNowhere("wool hats");
        kept(post).ifPresent(p -> fail(p));
        assertIgnored(row, "as its context, which it may not join");
    }

    /** Guard: the same words in a public post that mentions the community put it on the board, for everyone. */
    @Test
    void aPublicPostThatMentionsTheCommunityIsStillOnTheBoard() {
        ProposalEntity placed = posts.receive(SURE.replace("coats", "boots"));
        assertEquals(ProposalEntity.Moderation.VISIBLE, placed.getModeration());
        assertTrue(TestHttp.get(weft.base() + "/board/block3", "text/html").body().contains("winter boots"),
                "a visitor sees it on the board");
        assertTrue(signedIn("carla").get("/board/block3").body().contains("winter boots"), "a member too");
    }

    /** Rosa's public post mentioning block3, with {@code context} (as a Weft conversation names its response). */
    private static String publicPost(String author, long status, String text, String context) {
        ObjectNode create = (ObjectNode) TestHttp.json(mastodon.directNote(author, status, null, group,
                "@block3@" + weft.domain(), text));
        create.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        create.putArray("cc").add(group).add(mastodon.actorOf(author) + "/followers");
        ObjectNode note = (ObjectNode) create.path("object");
        note.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        note.putArray("cc").add(group).add(mastodon.actorOf(author) + "/followers");
        note.put("context", context);
        return create.toString();
    }

    private static String deliver(String author, String activity) {
        int status = "rosa".equals(author) ? mastodon.deliver(inbox, activity).statusCode()
                : mastodon.deliverAs(mastodon.actorOf(author), inbox, activity).statusCode();
        assertEquals(202, status);
        return TestHttp.json(activity).path("id").asText();
    }

    private static InboundActivityEntity handled(String activityId) {
        return WaitFor.inboundDone(weft, activityId);
    }

    /** The activity was handled and changed nothing, its row saying why. */
    private static void assertIgnored(InboundActivityEntity row, String why) {
        assertEquals(InboundActivityEntity.State.DONE, row.getState());
        assertTrue(row.getLastError() != null && row.getLastError().contains(why), String.valueOf(row.getLastError()));
    }

    /** Neither a visitor, a member nor a moderator finds {@code words} on the board, nor the moderator in the queue. */
    private static void assertNowhere(String words) {
        PageClient amina = signedIn("amina");
        String queue = amina.get("/moderate/block3/posts").body();
        assertTrue(queue.contains("<html"), queue);
        Map<String, String> views = new LinkedHashMap<>();
        views.put("a visitor's board", TestHttp.get(weft.base() + "/board/block3", "text/html").body());
        views.put("a member's board", signedIn("carla").get("/board/block3").body());
        views.put("a moderator's board", amina.get("/board/block3").body());
        views.put("the moderators' queue", queue);
        List<String> showing = views.entrySet().stream().filter(v -> v.getValue().contains(words)).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), showing, "where \"" + words + "\" shows");
    }

    private static Optional<ProposalEntity> kept(String activity) {
        String postId = TestHttp.json(activity).path("object").path("id").asText();
        return weft.server().db().inTransaction(s -> ProposalRepository.byUri(s, postId));
    }

    private static void fail(ProposalEntity p) {
        throw new AssertionError("kept as a proposal, " + p.getModeration() + ", audience " + p.getAudience());
    }

    private static PageClient signedIn(String name) {
        PageClient client = new PageClient(weft.base());
        client.login(name, PASSWORD);
        return client;
    }
}
