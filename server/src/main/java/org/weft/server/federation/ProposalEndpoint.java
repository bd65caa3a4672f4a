package org.weft.server.federation;

import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.activitypub.vocab.MediaTypes;
import org.weft.activitypub.vocab.OrderedCollection;
import org.weft.activitypub.vocab.OrderedCollectionPage;
import org.weft.activitypub.vocab.Tombstone;
import org.weft.server.domain.proposal.ProposalWire;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.Audience;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.persistence.TombstoneEntity;
import org.weft.server.persistence.TombstoneRepository;
import org.weft.server.ui.ProposalPage;

/**
 * {@code GET /proposals/{id}}: the Note for ActivityPub clients, the page for browsers, 410 once
 * deleted; and {@code /proposals/{id}/replies}, the public answers (never the private ones).
 * Community-only proposals are served as JSON only to servers that host one of the community's
 * approved followers (signed fetch), addressed to those followers, and never as a public page.
 */
public final class ProposalEndpoint {
    private final Database db;
    private final ProposalWire wire;
    private final ProposalPage page;
    private final FetchAuthorizer authorizer;

    public ProposalEndpoint(Database db, ProposalWire wire, ProposalPage page, FetchAuthorizer authorizer) {
        this.db = db;
        this.wire = wire;
        this.page = page;
        this.authorizer = authorizer;
    }

    public void proposal(ServerRequest req, ServerResponse res) {
        String id = uriOf(req);
        boolean wantsJson = MediaTypes.wantsActivityJson(req.headers().first(HeaderNames.ACCEPT).orElse(""));
        res.header(HeaderNames.VARY, "Accept");
        db.run(s -> {
            Optional<ProposalEntity> found = find(s, id);
            if (found.isEmpty()) {
                gone(s, req, res, id, wantsJson);
                return;
            }
            ProposalEntity p = found.get();
            // Community-only: JSON for servers of the community's approved followers, naming only theirs; the page
            // for this instance's members.
            List<String> readers = List.of();
            if (p.getAudience() == Audience.COMMUNITY && wantsJson) {
                Optional<String> server = authorizer.approvedServer(req, p.getGroup());
                if (server.isEmpty()) {
                    HttpReplies.error(res, Status.NOT_FOUND_404, "No such proposal");
                    return;
                }
                readers = FollowRepository.approvedFollowerUrisOn(s, p.getGroup(), server.get());
            }
            if (wantsJson) {
                HttpReplies.activityJson(res, wire.toWire(p, readers).toJson());
            } else {
                page.render(req, res, s, p, ResponseRepository.publicPage(s, p, 0, 50));
            }
        });
    }

    public void replies(ServerRequest req, ServerResponse res) {
        String id = uriOf(req);
        Optional<Integer> pageNumber = req.query().first("page").asOptional().map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return -1;
            }
        });
        if (pageNumber.isPresent() && (pageNumber.get() < 1 || pageNumber.get() > 10_000)) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "page out of range");
            return;
        }
        db.run(s -> {
            Optional<ProposalEntity> found = find(s, id).filter(p -> p.getAudience() != Audience.COMMUNITY);
            if (found.isEmpty()) {
                HttpReplies.error(res, Status.NOT_FOUND_404, "No such proposal");
                return;
            }
            String collection = found.get().getUri() + "/replies";
            long total = ResponseRepository.countPublic(s, found.get());
            if (pageNumber.isEmpty()) {
                HttpReplies.activityJson(res, OrderedCollection.paged(collection, total).toJson());
                return;
            }
            int size = CollectionsEndpoint.PAGE_SIZE;
            List<String> items = ResponseRepository.publicPage(s, found.get(), (pageNumber.get() - 1) * size, size).stream()
                    .map(ResponseEntity::getUri).toList();
            HttpReplies.activityJson(res, OrderedCollectionPage.of(collection, pageNumber.get(), size, total,
                    OrderedCollectionPage.idItems(items)).toJson());
        });
    }

    private static String uriOf(ServerRequest req) {
        // The id is the canonical URL built from the configured origin, not the Host the request came in on.
        return req.path().pathParameters().get("id");
    }

    private Optional<ProposalEntity> find(Session s, String uuid) {
        return ProposalRepository.localByUri(s, wire.uriFor(uuid))
                .filter(p -> !p.isDeleted() && p.getStatus() != org.weft.server.model.ProposalStatus.WITHDRAWN);
    }

    private void gone(Session s, ServerRequest req, ServerResponse res, String uuid, boolean wantsJson) {
        Optional<TombstoneEntity> tombstone = TombstoneRepository.byUri(s, wire.uriFor(uuid));
        if (tombstone.isEmpty()) {
            if (wantsJson) {
                HttpReplies.error(res, Status.NOT_FOUND_404, "No such proposal");
            } else {
                page.missing(req, res);
            }
            return;
        }
        if (wantsJson) {
            res.header(HeaderNames.CONTENT_TYPE, "application/activity+json; charset=utf-8");
            res.status(Status.GONE_410).send(HttpReplies.bytes(Tombstone.of(tombstone.get().getUri(),
                    tombstone.get().getFormerType(), tombstone.get().getDeletedAt()).toJson()));
        } else {
            page.gone(req, res, s, tombstone.get());
        }
    }
}
