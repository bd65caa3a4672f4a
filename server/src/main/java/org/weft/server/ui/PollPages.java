package org.weft.server.ui;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.poll.PollDraft;
import org.weft.server.domain.poll.PollResults;
import org.weft.server.domain.poll.PollService;
import org.weft.server.model.LocalUrls;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.PollListView;
import org.weft.web.view.PollView;

/**
 * A community's polls for people, without JavaScript: {@code /groups/{name}/polls} lists them (with the form to open
 * one for those who may, and the moderators' switch letting members open them), {@code /polls/{id}} shows one with its
 * counts and the member's vote form, and a moderator's form to close it early. Only counts are shown; a member is told
 * their own choice and no one else's.
 */
public final class PollPages {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern POLL_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Set<String> NOTICES = Set.of("pollOpened", "pollVoted", "pollClosed", "pollSetting");
    private static final Set<Integer> HOURS = Set.of(1, 24, 72, 168);

    private final Pages pages;
    private final PollService polls;
    private final LocalUrls urls;
    private final Clock clock;
    private final RemotePollPages remote;

    public PollPages(Pages pages, PollService polls, LocalUrls urls, Clock clock, RemotePollPages remote) {
        this.pages = pages;
        this.polls = polls;
        this.urls = urls;
        this.clock = clock;
        this.remote = remote;
    }

    /** {@code GET /groups/{name}/polls}. */
    public void list(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        String name = communityName(req);
        if (name == null) {
            pages.notFound(res, v);
            return;
        }
        renderList(res, Status.OK_200, v, name, Pages.notice(req, v.messages(), NOTICES), null);
    }

    private void renderList(ServerResponse res, Status status, Visitor v, String name, String notice, String error) {
        Long me = v.member().map(SessionInfo::memberId).orElse(null);
        List<PollResults> found;
        PollService.Permissions may;
        try {
            found = polls.ofCommunity(name, me);
            may = polls.permissions(me, name);
        } catch (NotFoundException e) {
            pages.notFound(res, v);
            return;
        }
        Messages m = v.messages();
        List<PollListView.Row> rows = found.stream().map(p -> new PollListView.Row(p.path(), p.question(), status(m, p),
                m.get("poll.voterCount", p.voterCount()))).toList();
        String heading = m.get("poll.listTitle", Messages.isolate(may.communityName()));
        Map<String, Object> params = new HashMap<>();
        params.put("view", new PollListView(heading, name, rows, may.mayOpen(), may.moderates(), may.membersMayOpen(),
                notice, error));
        params.put("remote", remote.rows(m, name, me)); // polls of those the community follows
        pages.render(res, status, v, heading, "polls.jte", params);
    }

    /** {@code POST /groups/{name}/polls}: opens a poll from the form. */
    public void open(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String name = communityName(req);
        if (name == null) {
            pages.notFound(res, v);
            return;
        }
        List<String> options = new ArrayList<>(form.getOrDefault("option", List.of()));
        int hours = PollForms.hours(form, HOURS, 24);
        PollDraft draft = new PollDraft(Forms.first(form, "question"), options, "yes".equals(Forms.first(form, "multiple")),
                PollForms.voters(form), clock.instant().plus(Duration.ofHours(hours)));
        long me = v.member().get().memberId();
        try {
            pages.once(res, v, form, "/groups/" + name + "/polls",
                    () -> Pages.done(polls.open(me, name, draft).path(), "pollOpened", null));
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (DomainException e) {
            renderList(res, Status.BAD_REQUEST_400, v, name, null, Pages.explain(v.messages(), e));
        }
    }

    /** {@code POST /groups/{name}/polls/setting}: a moderator lets members open polls, or only moderators again. */
    public void setting(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String name = communityName(req);
        if (name == null) {
            pages.notFound(res, v);
            return;
        }
        boolean allowed = "yes".equals(Forms.first(form, "membersMayOpen"));
        long me = v.member().get().memberId();
        String back = "/groups/" + name + "/polls";
        try {
            pages.once(res, v, form, back, () -> {
                polls.setMembersMayOpen(me, name, allowed);
                return Pages.done(back, "pollSetting", null);
            });
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (DomainException e) {
            pages.refused(res, Status.FORBIDDEN_403, v, e, back);
        }
    }

    /** {@code GET /polls/{id}} for browsers. */
    public void show(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        String uri = pollUri(req);
        Long me = v.member().map(SessionInfo::memberId).orElse(null);
        PollResults poll;
        PollService.Permissions may;
        try {
            if (uri == null) {
                throw new NotFoundException("No poll");
            }
            poll = polls.find(uri, me);
            may = polls.permissions(me, poll.community());
        } catch (NotFoundException e) {
            pages.notFound(res, v);
            return;
        }
        Messages m = v.messages();
        List<PollView.Option> options = PollForms.options(poll.options(), poll.voterCount());
        String youVoted = PollForms.youVoted(m, poll.options(), poll.mine());
        String heading = m.get("poll.title", Messages.isolate(poll.communityName()));
        Map<String, Object> params = new HashMap<>();
        params.put("view", new PollView(heading, poll.question(), status(m, poll), m.get("poll.voterCount",
                poll.voterCount()), options, poll.multiple(), me != null && poll.open() && poll.mine().isEmpty(),
                poll.path() + "/vote", youVoted, may.moderates() && poll.open(), poll.path() + "/close",
                Pages.notice(req, m, NOTICES), "/groups/" + poll.community() + "/polls", poll.details(),
                poll.details() == null ? null : "/groups/" + poll.community() + "/decisions"));
        pages.render(res, Status.OK_200, v, heading, "poll.jte", params);
    }

    /** {@code POST /polls/{id}/vote}: the member's vote, once (a second one, from any device, is refused). */
    public void vote(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String uri = pollUri(req);
        if (uri == null) {
            pages.notFound(res, v);
            return;
        }
        List<Integer> choices = PollForms.choices(form);
        long me = v.member().get().memberId();
        String back = URI.create(uri).getRawPath();
        act(res, v, form, back, () -> {
            polls.vote(me, uri, choices);
            return Pages.done(back, "pollVoted", null);
        });
    }

    /** {@code POST /polls/{id}/close}: a moderator closes the poll early, with an optional public reason. */
    public void close(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String uri = pollUri(req);
        if (uri == null) {
            pages.notFound(res, v);
            return;
        }
        long me = v.member().get().memberId();
        String back = URI.create(uri).getRawPath();
        String reason = Forms.first(form, "reason");
        act(res, v, form, back, () -> {
            polls.closeEarly(me, uri, reason);
            return Pages.done(back, "pollClosed", null);
        });
    }

    private void act(ServerResponse res, Visitor v, Map<String, List<String>> form, String back, Pages.Change change) {
        try {
            pages.once(res, v, form, back, change);
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (ConflictException e) {
            pages.refused(res, Status.CONFLICT_409, v, e, back);
        } catch (ForbiddenException e) {
            pages.refused(res, Status.FORBIDDEN_403, v, e, back);
        } catch (DomainException e) {
            pages.refused(res, v, e, back);
        }
    }

    private String status(Messages m, PollResults p) {
        if (p.closedAt() != null) {
            return m.get(p.closedEarly() ? "poll.closedEarlyOn" : "poll.closedOn", m.date(p.closedAt()));
        }
        return m.get(p.open() ? "poll.openUntil" : "poll.ended", m.date(p.endsAt()));
    }

    private static String communityName(ServerRequest req) {
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() ? name : null;
    }

    private String pollUri(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return POLL_ID.matcher(id).matches() ? urls.base() + "/polls/" + id : null;
    }
}
