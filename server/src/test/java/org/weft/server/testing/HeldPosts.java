package org.weft.server.testing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Posts the classifier is unsure of, as a Mastodon follower of a community sends them: rosa follows the community,
 * then each {@link #receive} delivers a public post mentioning it, which waits for a moderator with the classifier's
 * two best readings kept beside it. For tests of the waiting posts, wherever a moderator looks at them.
 */
public final class HeldPosts {
    /** A bare question and one concept word: a request for kitchen things, or an offer of them; the classifier waits. */
    public static final String UNSURE = "spare kettle anyone? we got a new one";
    private static final String STATUS = "116205812345678901";
    private static final AtomicInteger POSTS = new AtomicInteger();

    private final TestServers.Instance weft;
    private final MastodonPeer mastodon;
    private final String community;
    private final URI inbox;

    private HeldPosts(TestServers.Instance weft, MastodonPeer mastodon, String community) {
        this.weft = weft;
        this.mastodon = mastodon;
        this.community = community;
        this.inbox = URI.create(weft.base() + "/inbox");
    }

    /** Rosa, on {@code mastodon}, follows the local community {@code community} (already created); waits for the Accept. */
    public static HeldPosts following(TestServers.Instance weft, MastodonPeer mastodon, String community) {
        HeldPosts posts = new HeldPosts(weft, mastodon, community);
        mastodon.deliver(posts.inbox, mastodon.fixture("mastodon/follow.json")
                .replace(weft.base() + "/users/amina", weft.base() + "/groups/" + community));
        WaitFor.condition("rosa's follow is accepted", () -> mastodon.inboxPosts().stream()
                .anyMatch(r -> "Accept".equals(TestHttp.json(r.getBodyAsString()).path("type").asText())));
        return posts;
    }

    /** Delivers rosa's public post of {@code text} mentioning the community, waits until it is handled, and finds it. */
    public ProposalEntity receive(String text) {
        ObjectNode create = deliver(text);
        WaitFor.inboundDone(weft, create.path("id").asText());
        String noteId = create.path("object").path("id").asText();
        return weft.server().db().inTransaction(s -> {
            ProposalEntity p = ProposalRepository.byUri(s, noteId).orElseThrow();
            p.getCategories().size();
            return p;
        });
    }

    /** Delivers rosa's post of {@code text} and returns as soon as the inbox took it; the Create's id. */
    public String send(String text) {
        return deliver(text).path("id").asText();
    }

    private ObjectNode deliver(String text) {
        ObjectNode create = create(text);
        HttpResponse<String> delivered = mastodon.deliver(inbox, create.toString());
        if (delivered.statusCode() != 202) {
            throw new AssertionError("the inbox answered " + delivered.statusCode() + ": " + delivered.body());
        }
        return create;
    }

    /** A Create of a public post by rosa mentioning the community, under ids of its own, published now. */
    private ObjectNode create(String text) {
        String suffix = String.valueOf(1000 + POSTS.incrementAndGet());
        ObjectNode create = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/create-note-public.json")
                .replace(STATUS, STATUS.substring(0, STATUS.length() - suffix.length()) + suffix)
                .replace(weft.base() + "/groups/block3", weft.base() + "/groups/" + community));
        ObjectNode note = (ObjectNode) create.path("object");
        String mention = weft.base() + "/groups/" + community;
        String html = "<p><span class=\"h-card\"><a href=\"" + mention + "\" class=\"u-url mention\">@<span>" + community
                + "</span></a></span> " + text + "</p>";
        note.put("content", html).put("published", Instant.now().toString()); // open now, so it can match
        ((ObjectNode) note.path("contentMap")).put("en", html);
        ArrayNode tags = note.putArray("tag");
        tags.addObject().put("type", "Mention").put("href", mention).put("name", "@" + community);
        create.remove("signature");
        return create;
    }
}
