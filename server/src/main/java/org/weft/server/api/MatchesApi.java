package org.weft.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Optional;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.domain.matching.Matching;
import org.weft.server.domain.matching.MemberMatches;
import org.weft.server.domain.matching.Reason;
import org.weft.server.http.HttpReplies;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.web.i18n.Messages;

/**
 * A member's matches ({@code GET /me/matches}, {@code POST /matches/{id}/dismiss}, for the caller only; the reasons
 * in words in the member's language, see {@link ApiLanguage}), the fediverse account news of matches goes to
 * ({@code PUT|DELETE /me/fediverse-account}), and a community's links ({@code GET|POST|DELETE /groups/{name}/links}),
 * routed by {@link ApiRoutes}. Every call needs a member's bearer token; these calls answer their own errors.
 */
final class MatchesApi {
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final Database db;
    private final ApiTokens tokens;
    private final Matching matching;

    MatchesApi(Database db, ApiTokens tokens, Matching matching) {
        this.db = db;
        this.tokens = tokens;
        this.matching = matching;
    }

    void list(ServerRequest req, ServerResponse res) {
        Optional<Long> member = member(req, res);
        if (member.isEmpty()) {
            return;
        }
        boolean all = req.query().first("state").asOptional().map("all"::equals).orElse(false);
        Messages language;
        try {
            language = Messages.forLanguage(ApiLanguage.forMember(req, chosenLanguage(member.get())));
        } catch (ApiException e) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, e.getMessage());
            return;
        }
        ArrayNode items = PlainJson.array();
        for (MemberMatches.View v : matching.matches().forMember(member.get(), all, 200)) {
            ObjectNode item = items.addObject();
            item.put("id", v.match().getId()).put("state", v.state())
                    .put("score", v.match().getScore()).put("created", v.match().getCreatedAt().toString());
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
        HttpReplies.json(res, Status.OK_200, JSON_TYPE, body);
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
        Optional<Long> member = member(req, res);
        if (member.isEmpty()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No such match");
            return;
        }
        try {
            MemberMatches.View v = matching.matches().dismiss(member.get(), id);
            HttpReplies.json(res, Status.OK_200, JSON_TYPE,
                    PlainJson.object().put("id", v.match().getId()).put("state", v.state()));
        } catch (NotFoundException e) {
            HttpReplies.error(res, Status.NOT_FOUND_404, e.getMessage());
        }
    }

    void linkAccount(ServerRequest req, ServerResponse res) {
        Optional<Long> member = member(req, res);
        if (member.isEmpty()) {
            return;
        }
        String account = field(req, "account");
        if (account == null) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "Give {\"account\": \"@you@your.server\"}");
            return;
        }
        try {
            String uri = matching.accounts().link(username(member.get()), account);
            HttpReplies.json(res, Status.OK_200, JSON_TYPE, PlainJson.object().put("account", account).put("actor", uri));
        } catch (IOException | IllegalArgumentException e) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "Cannot link " + account + ": " + e.getMessage());
        }
    }

    void unlinkAccount(ServerRequest req, ServerResponse res) {
        Optional<Long> member = member(req, res);
        if (member.isPresent()) {
            matching.accounts().unlink(username(member.get()));
            res.status(Status.NO_CONTENT_204).send();
        }
    }

    void links(ServerRequest req, ServerResponse res) {
        if (member(req, res).isEmpty()) {
            return;
        }
        try {
            ArrayNode items = PlainJson.array();
            for (CommunityLink l : matching.links().links(req.path().pathParameters().get("name"))) {
                items.addObject().put("actor", l.actorUri()).put("handle", l.handle()).put("weFollow", l.weFollow())
                        .put("accepted", l.accepted()).put("theyFollow", l.theyFollow()).put("mutual", l.mutual());
            }
            ObjectNode body = PlainJson.object();
            body.set("links", items);
            HttpReplies.json(res, Status.OK_200, JSON_TYPE, body);
        } catch (NotFoundException e) {
            HttpReplies.error(res, Status.NOT_FOUND_404, e.getMessage());
        }
    }

    void link(ServerRequest req, ServerResponse res) {
        if (member(req, res).isEmpty()) {
            return;
        }
        String target = field(req, "target");
        if (target == null) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "Give {\"target\": \"@community@other.server\"}");
            return;
        }
        try {
            String uri = matching.links().link(req.path().pathParameters().get("name"), target);
            HttpReplies.json(res, Status.ACCEPTED_202, JSON_TYPE, PlainJson.object().put("actor", uri));
        } catch (NotFoundException e) {
            HttpReplies.error(res, Status.NOT_FOUND_404, e.getMessage());
        } catch (IllegalArgumentException e) {
            HttpReplies.error(res, Status.FORBIDDEN_403, e.getMessage());
        } catch (IOException e) {
            HttpReplies.error(res, Status.BAD_GATEWAY_502, "Cannot reach " + target + ": " + e.getMessage());
        }
    }

    void unlink(ServerRequest req, ServerResponse res) {
        if (member(req, res).isEmpty()) {
            return;
        }
        String target = req.query().first("target").asOptional().orElse(null);
        if (target == null) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "Give ?target=@community@other.server");
            return;
        }
        try {
            matching.links().unlink(req.path().pathParameters().get("name"), target);
            res.status(Status.NO_CONTENT_204).send();
        } catch (NotFoundException | IllegalArgumentException e) {
            HttpReplies.error(res, Status.NOT_FOUND_404, e.getMessage());
        }
    }

    private Optional<Long> member(ServerRequest req, ServerResponse res) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        Optional<Long> member = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.memberFor(header.substring(7)) : Optional.empty();
        if (member.isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            HttpReplies.error(res, Status.UNAUTHORIZED_401, "A member's API token is needed");
        }
        return member;
    }

    /** The page language the member chose, or null. */
    private String chosenLanguage(long memberId) {
        return db.inTransaction(s -> Optional.ofNullable(s.find(MemberSettingEntity.class, memberId))
                .map(MemberSettingEntity::getLanguage).orElse(null));
    }

    private String username(long memberId) {
        return db.inTransaction(s -> s.find(ActorEntity.class, memberId).getUsername());
    }

    private static String field(ServerRequest req, String name) {
        try {
            JsonNode body = PlainJson.read(req.content().as(byte[].class));
            String value = body == null ? null : body.path(name).asText(null);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (IOException e) {
            return null;
        }
    }
}
