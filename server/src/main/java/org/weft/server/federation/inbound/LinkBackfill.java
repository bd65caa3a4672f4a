package org.weft.server.federation.inbound;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;
import org.weft.server.persistence.BackgroundTasks;

/**
 * When a local community's link to another community is accepted, the other community's earlier proposals
 * are fetched from its outbox, so an offer posted the day before the link can still meet a request here.
 * Without this only what the other side posts after the link would ever arrive.
 *
 * <p>It reads the newest pages of the outbox only (at most {@value #MAX_PAGES} pages and {@value #MAX_POSTS}
 * posts): older proposals have mostly ended. Each post goes to {@link IncomingPosts#announced}, exactly as if the
 * community had just boosted it, so it is fetched from its own server, checked and kept the same way.
 * The work runs on its own thread so the inbound worker is not held up by dozens of fetches; a crash loses
 * the backfill (the link itself is stored), which costs only old posts.
 *
 * <p>When a link comes back, the copies this instance detached when it ended are taken the same way, after the
 * outbox (community-only proposals, and those too old for its first pages, are not in it): each is fetched afresh
 * and held again, or marked gone when its server answers 404 or 410.
 */
public final class LinkBackfill implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkBackfill.class.getName());
    static final int MAX_PAGES = 5;
    static final int MAX_POSTS = 100;

    /** Takes a post as boosted by a community: {@link IncomingPosts#announced} in the server. */
    @FunctionalInterface
    public interface Boosts {
        void announced(String communityUri, String postId) throws IOException, IgnoredPost;
    }

    private final ActivityPubClient client;
    private final Boosts posts;
    private final Function<String, List<String>> detached;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("weft-link-backfill").daemon().factory());

    public LinkBackfill(ActivityPubClient client, Boosts posts) {
        this(client, posts, community -> List.of());
    }

    /** {@code detached} names the copies that came through a community and were detached (IncomingPosts in the server). */
    public LinkBackfill(ActivityPubClient client, Boosts posts, Function<String, List<String>> detached) {
        this.client = client;
        this.posts = posts;
        this.detached = detached;
    }

    /**
     * Starts fetching the earlier proposals of {@code communityUri}, whose community we now follow, and the copies
     * detached from it before. The future completes with the number of posts looked at (an outbox that could not be
     * read is logged, and counts none).
     */
    public CompletableFuture<Integer> linked(String communityUri) {
        return CompletableFuture.supplyAsync(() -> backfill(communityUri), worker);
    }

    private int backfill(String communityUri) {
        Set<String> fromOutbox = new LinkedHashSet<>();
        try {
            fromOutbox = outboxPosts(communityUri);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the outbox of " + communityUri + "; only new posts will arrive", e);
        }
        fromOutbox.forEach(postId -> take(communityUri, postId));
        // Read after the outbox: those it brought back are held again and no longer listed.
        List<String> stillDetached = List.of();
        try {
            stillDetached = detached.apply(communityUri);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not list the copies detached from " + communityUri, e);
        }
        stillDetached.forEach(postId -> take(communityUri, postId));
        int outbox = fromOutbox.size();
        int before = stillDetached.size();
        LOG.info(() -> "Link to " + communityUri + ": looked at " + outbox + " earlier post(s) from its outbox and "
                + before + " copy(ies) held before the link ended");
        return outbox + before;
    }

    /** The posts in the newest pages of the community's outbox (none when it names no outbox). */
    private Set<String> outboxPosts(String communityUri) throws IOException {
        JsonNode actor = client.fetchObject(URI.create(communityUri));
        String outbox = actor.path("outbox").asText("");
        if (outbox.isEmpty()) {
            return new LinkedHashSet<>();
        }
        return collectPostIds(communityUri, client.fetchObject(URI.create(outbox)));
    }

    private void take(String communityUri, String postId) {
        try {
            posts.announced(communityUri, postId);
        } catch (IOException | IgnoredPost | RuntimeException e) {
            // One unreadable or withdrawn post must not stop the others.
            LOG.fine(() -> "Backfill skipped " + postId + ": " + e.getMessage());
        }
    }

    /** The posts the community created or boosted, newest first, from the first pages of its outbox. */
    private Set<String> collectPostIds(String communityUri, JsonNode collection) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode page = collection.path("first");
        if (page.isTextual()) {
            page = client.fetchObject(URI.create(page.asText()));
        } else if (page.isMissingNode()) {
            page = collection; // a collection that lists its items itself
        }
        for (int pages = 1; ; pages++) {
            for (JsonNode item : items(page)) {
                postOf(communityUri, item).ifPresent(ids::add);
                if (ids.size() >= MAX_POSTS) {
                    return ids;
                }
            }
            JsonNode next = page.path("next");
            if (pages >= MAX_PAGES || !next.isTextual()) {
                return ids;
            }
            page = client.fetchObject(URI.create(next.asText()));
        }
    }

    private static Iterable<JsonNode> items(JsonNode page) {
        JsonNode items = page.has("orderedItems") ? page.path("orderedItems") : page.path("items");
        return items.isArray() ? items : List.of();
    }

    /**
     * The post an outbox entry is about: the object of the community's own {@code Announce} or {@code Create}.
     * Entries given only as ids, or sent by someone else, are passed over rather than fetched one by one.
     */
    private static Optional<String> postOf(String communityUri, JsonNode item) {
        String type = item.path("type").asText("");
        if (!communityUri.equals(item.path("actor").asText(""))
                || !(type.equals("Announce") || type.equals("Create"))) {
            return Optional.empty();
        }
        JsonNode object = item.path("object");
        String id = object.isTextual() ? object.asText() : object.path("id").asText("");
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    @Override
    public void close() {
        // The HTTP client is closed first, so a backfill waiting on another server ends at once.
        BackgroundTasks.stop(worker, "The link backfill");
    }
}
