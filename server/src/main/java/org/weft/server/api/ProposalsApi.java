package org.weft.server.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.BlockedCopies;
import org.weft.server.domain.proposal.BoardSearch;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalQuery;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.persistence.ThanksRepository;

/**
 * {@code /proposals} and {@code /me/proposals}: search, read, and the author's changes (create,
 * edit, renew, status, delete). Changes go through {@link ProposalService}, which checks ownership and
 * limits and tells the fediverse; this class checks who is asking and what they may see.
 */
final class ProposalsApi {
    /** A list's {@code total} counts no further: more is said as {@code totalCapped}, not counted row by row. */
    static final int TOTAL_CAP = 1_000;

    private final Database db;
    private final ProposalService service;
    private final ProposalJson json;
    private final ApiAuth auth;
    private final Taxonomy taxonomy;
    private final LocalUrls urls;

    private final BoardSearch search;

    ProposalsApi(Database db, ProposalService service, ProposalJson json, ApiAuth auth, Taxonomy taxonomy, LocalUrls urls,
                 BoardSearch search) {
        this.search = search;
        this.db = db;
        this.service = service;
        this.json = json;
        this.auth = auth;
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    void search(ServerRequest req, ServerResponse res) {
        Optional<ApiAuth.Member> viewer = auth.optional(req);
        String lang = ApiLanguage.of(req);
        ProposalQuery query = search.withMeaning(SearchParameters.search(req, taxonomy, viewer.isPresent()));
        ApiReplies.ok(res, page(query, viewer.map(ApiAuth.Member::id).orElse(null), lang));
    }

    void mine(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        String lang = ApiLanguage.of(req);
        ApiReplies.ok(res, page(SearchParameters.mine(req, member.id()), member.id(), lang));
    }

    void show(ServerRequest req, ServerResponse res) {
        Optional<ApiAuth.Member> viewer = auth.optional(req);
        long id = ApiRoutes.pathId(req, "proposal");
        ApiReplies.ok(res, view(id, viewer.map(ApiAuth.Member::id).orElse(null), ApiLanguage.of(req)));
    }

    void create(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        String lang = ApiLanguage.of(req);
        JsonBody body = JsonBody.read(req, ProposalDraftReader.CREATE_FIELDS);
        long id = service.create(member.username(), ProposalDraftReader.create(body)).getId();
        ApiReplies.created(res, urls.base() + ApiRoutes.PREFIX + "/proposals/" + id, view(id, member.id(), lang));
    }

    void edit(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "proposal");
        String lang = ApiLanguage.of(req);
        service.edit(member.username(), id, ProposalDraftReader.edit(JsonBody.read(req, ProposalDraftReader.EDIT_FIELDS)));
        ApiReplies.ok(res, view(id, member.id(), lang));
    }

    void renew(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "proposal");
        String lang = ApiLanguage.of(req);
        Instant endsAt = JsonBody.readOptional(req, Set.of("endsAt")).instant("endsAt");
        service.renew(member.username(), id, endsAt);
        ApiReplies.ok(res, view(id, member.id(), lang));
    }

    void changeStatus(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "proposal");
        String lang = ApiLanguage.of(req);
        ProposalStatus status = JsonBody.read(req, Set.of("status"))
                .word("status", ProposalStatus::fromWire, "open, promised, fulfilled, withdrawn");
        if (status == null) {
            throw ApiException.badField("status", "field_required", "status");
        }
        service.changeStatus(member.username(), id, status);
        ApiReplies.ok(res, view(id, member.id(), lang));
    }

    void delete(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        service.delete(member.username(), ApiRoutes.pathId(req, "proposal"));
        ApiReplies.noContent(res);
    }

    private ObjectNode view(long id, Long viewerId, String lang) {
        return db.inTransaction(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, id);
            if (p == null || !visible(p, viewerId) || !p.isLocal() && BlockedCopies.blockedWhereHeld(s, p)) {
                throw new NotFoundException("No proposal " + id);
            }
            return json.toJson(p, viewerId, responseCounts(s, List.of(p), viewerId).getOrDefault(id, 0L), lang)
                    .put("thanks", ThanksRepository.count(s, id));
        });
    }

    private ObjectNode page(ProposalQuery query, Long viewerId, String lang) {
        return db.inTransaction(s -> {
            ProposalQuery.Counted counted = query.sliceAndCount(s, TOTAL_CAP);
            ProposalQuery.Slice slice = counted.slice();
            Map<Long, Long> counts = responseCounts(s, slice.items(), viewerId);
            Map<Long, Long> thanks = ThanksRepository.counts(s, slice.items().stream().map(ProposalEntity::getId).toList());
            ObjectNode page = ApiJson.object();
            ArrayNode items = page.putArray("items");
            for (ProposalEntity p : slice.items()) {
                items.add(json.toJson(p, viewerId, counts.getOrDefault(p.getId(), 0L), lang)
                        .put("thanks", thanks.getOrDefault(p.getId(), 0L)));
            }
            if (query.before() == null && query.after() == null) {
                page.put("page", query.page());
            }
            page.put("size", query.pageSize());
            page.put("older", slice.older() == null ? null : slice.older().text());
            page.put("newer", slice.newer() == null ? null : slice.newer().text());
            long total = counted.count();
            page.put("total", Math.min(total, TOTAL_CAP)).put("totalCapped", total > TOTAL_CAP);
            return page;
        });
    }

    /**
     * What a viewer may read by id: the same as the search shows (visible, not deleted, still held when
     * from another server, community-only ones to members only), plus always their own. A copy every community
     * holding it blocked is left out besides, as its page is ({@code BlockedCopies}).
     */
    private static boolean visible(ProposalEntity p, Long viewerId) {
        if (p.isDeleted() || p.isDetached()) {
            return false;
        }
        if (viewerId != null && p.isLocal() && p.getAuthor().getId().equals(viewerId)) {
            return true;
        }
        return p.getModeration() == ProposalEntity.Moderation.VISIBLE
                && (p.getAudience() != Audience.COMMUNITY || viewerId != null);
    }

    /**
     * Response counts, computed only for the viewer's own proposals (nobody else is told), as the lists of their
     * responses show them ({@code BlockedResponses}).
     */
    private static Map<Long, Long> responseCounts(Session s, List<ProposalEntity> proposals, Long viewerId) {
        List<Long> own = proposals.stream()
                .filter(p -> viewerId != null && p.isLocal() && p.getAuthor().getId().equals(viewerId))
                .map(ProposalEntity::getId).toList();
        if (own.isEmpty()) {
            return new HashMap<>();
        }
        return ResponseRepository.countsByProposal(s, own);
    }
}
