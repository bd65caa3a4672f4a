package org.weft.server.federation;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
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
import org.weft.server.persistence.TombstoneRepository;

/**
 * {@code GET /proposals/{id}}: the Note for ActivityPub clients, a Tombstone (410) once deleted or withdrawn, 404 while
 * a moderator holds it back or after one hid it (as for an address that never was); and
 * {@code /proposals/{id}/replies}, the public answers (never the private ones). Browsers asking for the first get
 * the proposal's page instead: the routing decides ({@code http.Wants}), this endpoint only answers JSON.
 * Community-only proposals are served only to servers that host one of the community's approved followers (signed
 * fetch), addressed to those followers.
 */
public final class ProposalEndpoint {
    private final Database db;
    private final ProposalWire wire;
    private final FetchAuthorizer authorizer;

    public ProposalEndpoint(Database db, ProposalWire wire, FetchAuthorizer authorizer) {
        this.db = db;
        this.wire = wire;
        this.authorizer = authorizer;
    }

    /** What the proposal's URL serves, read in one transaction; the answer is sent after it. */
    private sealed interface Served {
        /** A Note anyone may read. */
        record Note(JsonNode json) implements Served {
        }

        /** A community-only Note: only for signed fetches that {@link FetchAuthorizer} allows, written for them. */
        record CommunityOnly(String uri, Long communityId) implements Served {
        }

        record Deleted(Tombstone tombstone) implements Served {
        }

        record Missing() implements Served {
        }
    }

    public void proposal(ServerRequest req, ServerResponse res) {
        String uri = wire.uriFor(uuidOf(req));
        Served served = db.inTransaction(s -> served(s, uri));
        switch (served) {
            case Served.Note note -> HttpReplies.activityJson(res, note.json());
            case Served.CommunityOnly only -> {
                // The signature check may fetch the signer's key: it runs here, with no transaction open.
                Optional<JsonNode> json = authorizer.approvedServer(req, only.communityId())
                        .flatMap(server -> db.inTransaction(s -> addressedTo(s, only.uri(), server)));
                if (json.isPresent()) {
                    HttpReplies.activityJson(res, json.get());
                } else {
                    HttpReplies.error(res, Status.NOT_FOUND_404, "No such proposal");
                }
            }
            case Served.Deleted deleted -> {
                res.header(HeaderNames.CONTENT_TYPE, "application/activity+json; charset=utf-8");
                res.status(Status.GONE_410).send(HttpReplies.bytes(deleted.tombstone().toJson()));
            }
            case Served.Missing missing -> HttpReplies.error(res, Status.NOT_FOUND_404, "No such proposal");
        }
    }

    private Served served(Session s, String uri) {
        Optional<ProposalEntity> found = ProposalRepository.shownAt(s, uri);
        if (found.isPresent()) {
            ProposalEntity p = found.get();
            if (p.getAudience() == Audience.COMMUNITY) {
                return new Served.CommunityOnly(uri, p.getGroup() == null ? null : p.getGroup().getId());
            }
            return new Served.Note(wire.toWire(p).toJson());
        }
        return TombstoneRepository.byUri(s, uri).<Served>map(t -> new Served.Deleted(
                Tombstone.of(t.getUri(), t.getFormerType(), t.getDeletedAt()))).orElseGet(Served.Missing::new);
    }

    /**
     * A community-only Note as {@code server} may read it: naming only that server's approved followers. Empty when the
     * proposal went (or stopped being community-only) since it was first read.
     */
    private Optional<JsonNode> addressedTo(Session s, String uri, String server) {
        return ProposalRepository.shownAt(s, uri).filter(p -> p.getAudience() == Audience.COMMUNITY && p.getGroup() != null)
                .map(p -> wire.toWire(p, FollowRepository.approvedFollowerUrisOn(s, p.getGroup(), server)).toJson());
    }

    public void replies(ServerRequest req, ServerResponse res) {
        String uri = wire.uriFor(uuidOf(req));
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
            Optional<ProposalEntity> found = ProposalRepository.shownAt(s, uri)
                    .filter(p -> p.getAudience() != Audience.COMMUNITY);
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

    /** The UUID in the path; the id is the canonical URL built from the configured origin, not the request's Host. */
    private static String uuidOf(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
