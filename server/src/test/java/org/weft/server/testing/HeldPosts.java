package org.weft.server.testing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.web.i18n.Messages;

/**
 * Posts as a Mastodon follower of a community sends them: rosa follows the community, then each {@link #receive}
 * delivers a public post mentioning it. Most tests send posts the classifier is unsure of, which wait for a moderator
 * with the classifier's two best readings kept beside it, wherever a moderator looks at them.
 */
public final class HeldPosts {
    /** A bare question and one concept word: a request for kitchen things, or an offer of them; the classifier waits. */
    public static final String UNSURE = "spare kettle anyone? we got a new one";
    /**
     * A request for baby formula and nappies and a jacket whose nappies the word list leaves out (it keeps baby food)
     * and the labelled posts nearest to it add back ({@code ExampleCheckTest} checks both readings); the classifier is
     * sure of it, so it goes on the board at once.
     */
    public static final String NEED_THE_EXAMPLES_ADD = "need nappies size 4 and baby formula, and a warm jacket for my son";
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

    /**
     * The sentence a moderator is shown for one reading of a waiting post (on the page and by {@code weft board
     * pending}), built from the message files and {@code weft}'s taxonomy labels in {@code m}'s language.
     */
    public static String readingSentence(TestServers.Instance weft, Messages m, String purpose, List<String> concepts,
            String kind) {
        Taxonomy taxonomy = weft.server().proposals().taxonomy();
        String labels = concepts.stream().map(id -> taxonomy.label(taxonomy.byId(id).orElseThrow(), m.language()))
                .reduce((a, b) -> m.get("moderation.readingList", a, b)).orElseThrow();
        return m.get("moderation.readingWithKind", m.get("purpose." + purpose), labels, m.get("kind." + kind));
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
        return receiveFrom("rosa", text);
    }

    /**
     * As {@link #receive}, by {@code author} on the same Mastodon server: someone other than rosa does not follow the
     * community, so the post waits for its author, not for its words.
     */
    public ProposalEntity receiveFrom(String author, String text) {
        ObjectNode create = deliver(author, create(author, text));
        WaitFor.inboundDone(weft, create.path("id").asText());
        return find(create.path("object").path("id").asText());
    }

    /** Delivers rosa's post of {@code text} and returns as soon as the inbox took it; the Create's id. */
    public String send(String text) {
        return deliver("rosa", create("rosa", text)).path("id").asText();
    }

    /** Rosa's {@code Update} of her post {@code held} to {@code text}, as Mastodon sends an edit; waits until handled. */
    public ProposalEntity edit(ProposalEntity held, String text) {
        ObjectNode update = create("rosa", text);
        ((ObjectNode) update.path("object")).put("id", held.getUri()).put("updated", Instant.now().toString());
        // Mastodon names each edit of a status apart (#updates/<time>): a second edit with the first's id is a replay.
        update.put("type", "Update").put("id", held.getUri() + "#updates/" + POSTS.incrementAndGet());
        deliver("rosa", update);
        WaitFor.inboundDone(weft, update.path("id").asText());
        return find(held.getUri());
    }

    /** Rosa's {@code Delete} of her post {@code held}, as Mastodon sends it (a Tombstone); waits until handled. */
    public void delete(ProposalEntity held) {
        ObjectNode delete = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/delete-note.json"));
        ((ObjectNode) delete.path("object")).put("id", held.getUri()).put("atomUri", held.getUri());
        delete.put("id", held.getUri() + "#delete");
        delete.remove("signature");
        deliver("rosa", delete);
        WaitFor.inboundDone(weft, delete.path("id").asText());
    }

    private ProposalEntity find(String uri) {
        return weft.server().db().inTransaction(s -> {
            ProposalEntity p = ProposalRepository.byUri(s, uri).orElseThrow();
            p.getCategories().size();
            return p;
        });
    }

    private ObjectNode deliver(String author, ObjectNode activity) {
        HttpResponse<String> delivered = "rosa".equals(author) ? mastodon.deliver(inbox, activity.toString())
                : mastodon.deliverAs(mastodon.serveUser(author), inbox, activity.toString());
        if (delivered.statusCode() != 202) {
            throw new AssertionError("the inbox answered " + delivered.statusCode() + ": " + delivered.body());
        }
        return activity;
    }

    /** A Create of a public post by {@code author} mentioning the community, under ids of its own, published now. */
    private ObjectNode create(String author, String text) {
        String suffix = String.valueOf(1000 + POSTS.incrementAndGet());
        ObjectNode create = (ObjectNode) TestHttp.json(mastodon.fixture("mastodon/create-note-public.json")
                .replace(STATUS, STATUS.substring(0, STATUS.length() - suffix.length()) + suffix)
                .replace("/users/rosa", "/users/" + author).replace("/@rosa", "/@" + author)
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
