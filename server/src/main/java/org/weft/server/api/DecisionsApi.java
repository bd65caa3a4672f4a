package org.weft.server.api;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.decision.Decision;
import org.weft.server.domain.decision.DecisionDraft;
import org.weft.server.domain.decision.DecisionService;
import org.weft.server.domain.poll.PollResults;
import org.weft.server.model.DecisionMajority;
import org.weft.server.model.PollVoters;

/**
 * A community's decisions: the list with counts ({@code GET /groups/{name}/decisions}, public like the page), a poll on
 * new rules ({@code POST /groups/{name}/decisions}, whoever may open polls there) and the majority decisions need
 * ({@code PUT /groups/{name}/decision-majority}, moderators). Counts only, never who voted.
 */
final class DecisionsApi {
    private static final Set<String> OPEN_FIELDS = Set.of("rules", "voters", "endsAt");

    private final DecisionService decisions;
    private final ApiAuth auth;

    DecisionsApi(DecisionService decisions, ApiAuth auth) {
        this.decisions = decisions;
        this.auth = auth;
    }

    void list(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        ObjectNode body = PlainJson.object();
        body.put("community", name).put("majority", decisions.majority(name).word());
        ArrayNode items = body.putArray("decisions");
        for (Decision d : decisions.ofCommunity(name)) {
            items.add(json(d));
        }
        ApiReplies.ok(res, body);
    }

    void open(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        JsonBody body = JsonBody.read(req, OPEN_FIELDS);
        PollVoters voters = body.word("voters", DecisionsApi::voters, "members, followers");
        DecisionDraft draft = new DecisionDraft(body.text("rules"), voters == null ? PollVoters.MEMBERS : voters,
                body.instant("endsAt"), ApiLanguage.forMember(req, auth.language(req).orElse(null)));
        PollResults poll = decisions.open(me.id(), req.path().pathParameters().get("name"), draft);
        ApiReplies.created(res, poll.uri(), PollsApi.json(poll));
    }

    void majority(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        JsonBody body = JsonBody.read(req, Set.of("majority"));
        DecisionMajority majority = body.word("majority", w -> Optional.ofNullable(DecisionMajority.fromWord(w)),
                "simple, two_thirds, consent");
        if (majority == null) {
            throw ApiException.badField("majority", "field_required", "majority");
        }
        decisions.setMajority(me.id(), req.path().pathParameters().get("name"), majority);
        ApiReplies.noContent(res);
    }

    private static Optional<PollVoters> voters(String word) {
        return switch (word) {
            case "members" -> Optional.of(PollVoters.MEMBERS);
            case "followers" -> Optional.of(PollVoters.FOLLOWERS);
            default -> Optional.empty();
        };
    }

    /** One decision: what was proposed, the majority, and once decided the outcome and the counts. */
    static ObjectNode json(Decision d) {
        ObjectNode o = PlainJson.object();
        o.put("poll", d.pollUri()).put("question", d.question()).put("proposedRules", d.proposedRules())
                .put("majority", d.majority().word()).put("openedAt", d.openedAt().toString())
                .put("endsAt", d.endsAt().toString());
        if (d.outcome() == null) {
            o.put("outcome", "open");
            return o;
        }
        o.put("outcome", d.outcome().word()).put("decidedAt", d.decidedAt().toString())
                .put("closedEarly", d.closedEarly());
        o.putObject("counts").put("for", d.tally().votesFor()).put("against", d.tally().votesAgainst())
                .put("objections", d.tally().objections()).put("voters", d.tally().voters());
        return o;
    }
}
