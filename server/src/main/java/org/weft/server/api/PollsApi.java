package org.weft.server.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.poll.PollDraft;
import org.weft.server.domain.poll.PollResults;
import org.weft.server.domain.poll.PollService;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.PollVoters;

/**
 * A community's polls: list and open ({@code GET|POST /groups/{name}/polls}), let members open them
 * ({@code PUT /groups/{name}/poll-setting}, moderators), show one ({@code GET /polls/{id}}), vote
 * ({@code POST /polls/{id}/votes}) and close early ({@code POST /polls/{id}/close}, moderators). Every call needs a
 * member's token. A poll is shown with its counts only; {@code mine} is the caller's own choices.
 */
final class PollsApi {
    private static final Pattern POLL_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Set<String> OPEN_FIELDS = Set.of("question", "options", "multiple", "voters", "endsAt");

    private final PollService polls;
    private final ApiAuth auth;
    private final LocalUrls urls;

    PollsApi(PollService polls, ApiAuth auth, LocalUrls urls) {
        this.polls = polls;
        this.auth = auth;
        this.urls = urls;
    }

    void list(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        ArrayNode items = PlainJson.array();
        for (PollResults poll : polls.ofCommunity(req.path().pathParameters().get("name"), me.id())) {
            items.add(json(poll));
        }
        ObjectNode body = PlainJson.object();
        body.set("polls", items);
        ApiReplies.ok(res, body);
    }

    void open(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        JsonBody body = JsonBody.read(req, OPEN_FIELDS);
        PollVoters voters = body.word("voters", PollsApi::voters, "members, followers");
        Boolean multiple = body.bool("multiple");
        PollDraft draft = new PollDraft(body.text("question"), body.textList("options"), Boolean.TRUE.equals(multiple),
                voters == null ? PollVoters.MEMBERS : voters, body.instant("endsAt"));
        PollResults poll = polls.open(me.id(), req.path().pathParameters().get("name"), draft);
        ApiReplies.created(res, poll.uri(), json(poll));
    }

    void setting(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        JsonBody body = JsonBody.read(req, Set.of("membersMayOpen"));
        Boolean allowed = body.bool("membersMayOpen");
        if (allowed == null) {
            throw ApiException.badField("membersMayOpen", "field_required", "membersMayOpen");
        }
        polls.setMembersMayOpen(me.id(), req.path().pathParameters().get("name"), allowed);
        ApiReplies.noContent(res);
    }

    void show(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        ApiReplies.ok(res, json(polls.find(pollUri(req), me.id())));
    }

    void vote(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        JsonBody body = JsonBody.read(req, Set.of("choices"));
        List<Long> choices = body.longList("choices");
        List<Integer> positions = choices == null ? List.of()
                : choices.stream().map(c -> c > Integer.MAX_VALUE || c < 0 ? -1 : c.intValue()).toList();
        ApiReplies.ok(res, json(polls.vote(me.id(), pollUri(req), positions)));
    }

    void close(ServerRequest req, ServerResponse res) {
        ApiAuth.Member me = auth.required(req);
        JsonBody body = JsonBody.readOptional(req, Set.of("reason"));
        ApiReplies.ok(res, json(polls.closeEarly(me.id(), pollUri(req), body.text("reason"))));
    }

    private String pollUri(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (!POLL_ID.matcher(id).matches()) {
            throw new NotFoundException("No poll " + id);
        }
        return urls.base() + "/polls/" + id;
    }

    private static Optional<PollVoters> voters(String word) {
        return switch (word) {
            case "members" -> Optional.of(PollVoters.MEMBERS);
            case "followers" -> Optional.of(PollVoters.FOLLOWERS);
            default -> Optional.empty();
        };
    }

    /** Counts only: nobody's choice but the caller's own ({@code mine}). */
    static ObjectNode json(PollResults poll) {
        ObjectNode o = PlainJson.object();
        o.put("id", poll.uri().substring(poll.uri().lastIndexOf('/') + 1)).put("uri", poll.uri())
                .put("community", poll.community()).put("question", poll.question()).put("multiple", poll.multiple())
                .put("voters", poll.voters().name().toLowerCase(Locale.ROOT)).put("endsAt", poll.endsAt().toString())
                .put("open", poll.open()).put("votersCount", poll.voterCount());
        if (poll.closedAt() != null) {
            o.put("closedAt", poll.closedAt().toString()).put("closedEarly", poll.closedEarly());
        }
        ArrayNode options = o.putArray("options");
        for (PollResults.OptionCount option : poll.options()) {
            options.addObject().put("position", option.position()).put("name", option.name()).put("votes", option.count());
        }
        ArrayNode mine = o.putArray("mine");
        poll.mine().forEach(mine::add);
        return o;
    }
}
