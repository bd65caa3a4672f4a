package org.weft.server.federation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.activitypub.vocab.OrderedCollection;
import org.weft.activitypub.vocab.OrderedCollectionPage;
import org.weft.server.domain.moderation.Moderator;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.domain.proposal.ProposalWire;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.OutboundActivityRepository;

/**
 * The collections of a local actor — followers, following, outbox, featured — as OrderedCollections
 * with {@code totalItems} and a {@code first} page; {@code ?page=N} serves the pages. The outbox lists what the actor
 * posted that still exists, each as it is now ({@link OutboundActivityRepository#listedPage}, {@link OutboxItems}). A
 * stored activity that cannot be read is left off its page but still counted in {@code totalItems}: the count and the
 * pages are cut in SQL, which cannot read bodies, and counting it keeps every other item on the page it was on and
 * {@code next} where it was; that page simply lists one item fewer. A community's moderators (its
 * {@code attributedTo}) are one collection with every item inline, as Lemmy serves them.
 */
public final class CollectionsEndpoint {
    static final int PAGE_SIZE = 20;
    private static final String MODERATORS = "moderators";

    private final Database db;
    private final OutboxItems outboxItems;

    public CollectionsEndpoint(Database db, ProposalWire wire) {
        this.db = db;
        this.outboxItems = new OutboxItems(wire);
    }

    /** Route handler for {@code /users/{name}/{collection}} and {@code /groups/{name}/{collection}}. */
    public void serve(ServerRequest req, ServerResponse res, ActorKind kind) {
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        String which = req.path().pathParameters().get("collection");
        Optional<Integer> page;
        try {
            page = req.query().first("page").asOptional().map(Integer::parseInt);
        } catch (NumberFormatException e) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "page must be a number");
            return;
        }
        if (page.isPresent() && (page.get() < 1 || page.get() > 100_000)) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "page out of range");
            return;
        }
        Optional<JsonNode> document = db.inTransaction(s -> ActorRepository.local(s, kind, name)
                .filter(a -> !a.isDeleted())
                .flatMap(actor -> render(s, actor, which, page)));
        if (document.isEmpty()) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No such collection");
            return;
        }
        HttpReplies.activityJson(res, document.get());
    }

    /**
     * {@code GET /actor/outbox}: the instance actor posts nothing, but its document names an outbox (ActivityPub
     * requires one), and the link must resolve.
     */
    public void instanceOutbox(ServerRequest req, ServerResponse res) {
        Optional<String> id = db.inTransaction(s -> ActorRepository.instanceActor(s).map(a -> a.getUri() + "/outbox"));
        if (id.isEmpty()) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No instance actor yet");
            return;
        }
        HttpReplies.activityJson(res, OrderedCollection.inline(id.get(), List.of()).toJson());
    }

    private Optional<JsonNode> render(Session s, ActorEntity actor, String which, Optional<Integer> page) {
        String id = actor.getUri() + "/" + which;
        return switch (which) {
            case "followers" -> Optional.of(collection(id, FollowRepository.countFollowers(s, actor), page,
                    (offset, limit) -> ids(FollowRepository.followersOf(s, actor, FollowEntity.State.ACCEPTED, offset, limit)
                            .stream().map(f -> f.getFollower().getUri()).toList())));
            case "following" -> Optional.of(collection(id, FollowRepository.countFollowing(s, actor), page,
                    (offset, limit) -> ids(FollowRepository.followingOf(s, actor, offset, limit)
                            .stream().map(f -> f.getFollowee().getUri()).toList())));
            case "outbox" -> Optional.of(collection(id, OutboundActivityRepository.countListed(s, actor), page,
                    (offset, limit) -> OutboundActivityRepository.listedPage(s, actor, offset, limit).stream()
                            .map(a -> outboxItems.now(s, a)).flatMap(Optional::stream).toList()));
            case "featured" -> Optional.of(OrderedCollection.inline(id, List.of()).toJson());
            // FEP-1b12, as Lemmy serves it: the group's attributedTo, every moderator inline (chosen ones, then operators).
            case MODERATORS -> actor.getKind() == ActorKind.GROUP
                    ? Optional.of(OrderedCollection.inline(id, ids(Moderators.list(s, actor.getId()).stream()
                            .map(Moderator::actorUri).toList())).toJson())
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static JsonNode collection(String id, long total, Optional<Integer> page,
                                       BiFunction<Integer, Integer, List<JsonNode>> items) {
        if (page.isEmpty()) {
            return OrderedCollection.paged(id, total).toJson();
        }
        int offset = (page.get() - 1) * PAGE_SIZE;
        return OrderedCollectionPage.of(id, page.get(), PAGE_SIZE, total, items.apply(offset, PAGE_SIZE)).toJson();
    }

    private static List<JsonNode> ids(List<String> uris) {
        return OrderedCollectionPage.idItems(uris);
    }
}
