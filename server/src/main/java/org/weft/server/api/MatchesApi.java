package org.weft.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.domain.matching.Matching;
import org.weft.server.domain.matching.MemberMatches;
import org.weft.server.domain.matching.Reason;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.web.i18n.Messages;

/**
 * A member's matches ({@code GET /me/matches}, {@code POST /matches/{id}/dismiss}, for the caller only; the reasons
 * in words in the member's language, see {@link ApiLanguage}), the fediverse account news of matches goes to
 * ({@code PUT|DELETE /me/fediverse-account}), and a community's links ({@code GET|POST|DELETE /groups/{name}/links}),
 * routed by {@link ApiRoutes}. Every call needs a member's bearer token. Refusals are thrown, so that {@link ApiRoutes}
 * answers them as every other call does: a stable code and a sentence in the caller's language, never the cause's text.
 */
final class MatchesApi {
    private final Database db;
    private final ApiAuth auth;
    private final Matching matching;

    MatchesApi(Database db, ApiAuth auth, Matching matching) {
        this.db = db;
        this.auth = auth;
        this.matching = matching;
    }

    void list(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        boolean all = req.query().first("state").asOptional().map("all"::equals).orElse(false);
        Messages language = Messages.forLanguage(ApiLanguage.forMember(req, chosenLanguage(member.id())));
        ArrayNode items = PlainJson.array();
        Long proposal = SearchParameters.id(req, "proposal");
        for (MemberMatches.View v : matching.matches().forMember(member.id(), all, proposal, 200)) {
            ObjectNode item = items.addObject();
            item.put("id", v.match().getId()).put("state", v.state())
                    .put("score", v.match().getScore()).put("created", v.match().getCreatedAt().toString())
                    .put("unlinked", v.unlinked()); // as the page says "no longer linked": nothing to answer here
            ArrayNode codes = item.putArray("reasons");
            for (Reason r : Reason.decodeAll(v.match().getReasons())) {
                ObjectNode reason = codes.addObject().put("code", r.code().name().toLowerCase());
                if (r.argument() != null) {
                    reason.put("argument", r.argument());
                }
            }
            item.put("reasonText", matching.words().words(Reason.decodeAll(v.match().getReasons()), language));
            item.set("mine", proposal(v.mine(), true));
            item.set("other", proposal(v.other(), false));
        }
        ObjectNode body = PlainJson.object();
        body.set("matches", items);
        ApiReplies.ok(res, body);
    }

    /** What a proposal already shows to anyone who can see it; never its author's name or handle. */
    private static ObjectNode proposal(ProposalEntity p, boolean mine) {
        ObjectNode node = PlainJson.object();
        if (mine) {
            node.put("id", p.getId());
        }
        node.put("uri", p.getUri()).put("local", p.isLocal()).put("purpose", p.getPurpose().name().toLowerCase())
                .put("kind", p.getKind().name().toLowerCase()).put("title", p.getTitle())
                .put("language", p.getLanguage()).put("endsAt", p.getEndsAt().toString());
        if (p.getAreaName() != null) {
            node.put("area", p.getAreaName());
        }
        node.putPOJO("categories", p.getCategories());
        return node;
    }

    void dismiss(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        MemberMatches.View v = matching.matches().dismiss(member.id(), ApiRoutes.pathId(req, "match"));
        ApiReplies.ok(res, PlainJson.object().put("id", v.match().getId()).put("state", v.state()));
    }

    void linkAccount(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        String account = required(JsonBody.read(req, Set.of("account")), "account");
        try {
            String uri = matching.accounts().link(member.username(), account);
            ApiReplies.ok(res, PlainJson.object().put("account", account).put("actor", uri));
        } catch (IOException e) {
            // WebFinger or the actor could not be fetched: the caller needs one sentence, not the network's cause.
            throw ApiException.badField("account", "account_unreachable");
        }
    }

    void unlinkAccount(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        matching.accounts().unlink(member.username());
        ApiReplies.noContent(res);
    }

    void links(ServerRequest req, ServerResponse res) {
        auth.required(req);
        ArrayNode items = PlainJson.array();
        for (CommunityLink l : matching.links().links(req.path().pathParameters().get("name"))) {
            items.addObject().put("actor", l.actorUri()).put("handle", l.handle()).put("weFollow", l.weFollow())
                    .put("accepted", l.accepted()).put("theyFollow", l.theyFollow()).put("mutual", l.mutual());
        }
        ObjectNode body = PlainJson.object();
        body.set("links", items);
        ApiReplies.ok(res, body);
    }

    void link(ServerRequest req, ServerResponse res) {
        requireModerator(auth.required(req), req.path().pathParameters().get("name"));
        String target = required(JsonBody.read(req, Set.of("target")), "target");
        try {
            String uri = matching.links().link(req.path().pathParameters().get("name"), target);
            ApiReplies.accepted(res, PlainJson.object().put("actor", uri));
        } catch (IOException e) {
            throw ApiException.of(Status.BAD_GATEWAY_502, "link_unreachable");
        }
    }

    void unlink(ServerRequest req, ServerResponse res) {
        requireModerator(auth.required(req), req.path().pathParameters().get("name"));
        String target = req.query().first("target").asOptional().filter(t -> !t.isBlank()).orElseThrow(
                () -> ApiException.badField("target", "field_required", "target"));
        matching.links().unlink(req.path().pathParameters().get("name"), target);
        ApiReplies.noContent(res);
    }

    /**
     * Linking decides which other community this one follows, and so, once that one follows back, which community
     * receives this one's community-only posts (requests and sensitive help by default): a decision of the community's
     * moderators (operators included), as the pages leave it to the operators ({@code /admin/links}). Any member may
     * still read the links. An unknown community is left to the link itself to refuse (404).
     */
    private void requireModerator(ApiAuth.Member member, String community) {
        boolean may = db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, community.strip().toLowerCase(
                Locale.ROOT)).filter(g -> !g.isDeleted()).map(g -> Moderators.moderates(s, member.id(), g.getId()))
                .orElse(true));
        if (!may) {
            throw new ForbiddenException("Member " + member.username() + " does not moderate " + community
                    + ": only its moderators link or unlink it");
        }
    }

    /** The page language the member chose, or null. */
    private String chosenLanguage(long memberId) {
        return db.inTransaction(s -> Optional.ofNullable(s.find(MemberSettingEntity.class, memberId))
                .map(MemberSettingEntity::getLanguage).orElse(null));
    }

    private static String required(JsonBody body, String field) {
        String value = body.text(field);
        if (value == null || value.isBlank()) {
            throw ApiException.badField(field, "field_required", field);
        }
        return value.strip();
    }
}
