package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
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
import org.weft.server.domain.poll.RemotePollResults;
import org.weft.server.domain.poll.RemotePollVoting;
import org.weft.server.domain.poll.RemotePolls;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.PollView;
import org.weft.web.view.RemotePollRow;

/**
 * Polls from other servers for members, without JavaScript: listed on the polls page of each community here that
 * follows their author ({@link #rows}), and {@code /remote-polls/{id}} shows one with the counts its server last sent,
 * its end time and whether it is closed, with the vote form for a member who has not voted (their vote goes to that
 * server from their own account, which the form says: that server learns their choice). The member alone is told here
 * what they chose.
 */
public final class RemotePollPages {
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Set<String> NOTICES = Set.of("remotePollVoted");

    private final Pages pages;
    private final RemotePolls polls;
    private final RemotePollVoting voting;

    public RemotePollPages(Pages pages, RemotePolls polls, RemotePollVoting voting) {
        this.pages = pages;
        this.polls = polls;
        this.voting = voting;
    }

    /** The polls of those {@code community} follows, as lines of its polls page. */
    List<RemotePollRow> rows(Messages m, String community, Long me) {
        return polls.followedBy(community, me).stream().map(p -> new RemotePollRow(p.path(), p.question(),
                m.get("remotePoll.from", Messages.isolate(p.senderName()), Messages.isolateLeftToRight(p.senderHost())),
                status(m, p), m.get("poll.voterCount", p.voterCount()))).toList();
    }

    /** {@code GET /remote-polls/{id}}. */
    public void show(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Long me = v.member().map(SessionInfo::memberId).orElse(null);
        Long id = id(req);
        RemotePollResults poll;
        try {
            if (id == null) {
                throw new NotFoundException("No remote poll");
            }
            poll = polls.find(id, me);
        } catch (NotFoundException e) {
            pages.notFound(res, v);
            return;
        }
        Messages m = v.messages();
        List<PollView.Option> options = PollForms.options(poll.options(), poll.voterCount());
        String youVoted = PollForms.youVoted(m, poll.options(), poll.mine());
        String heading = m.get("remotePoll.title", Messages.isolate(poll.senderName()),
                Messages.isolateLeftToRight(poll.senderHost()));
        String back = poll.community() == null ? "/" : "/groups/" + poll.community() + "/polls";
        Map<String, Object> params = new HashMap<>();
        params.put("view", new PollView(heading, poll.question(), status(m, poll), m.get("poll.voterCount",
                poll.voterCount()), options, poll.multiple(), me != null && poll.open() && poll.mine().isEmpty(),
                poll.path() + "/vote", youVoted, false, null, Pages.notice(req, m, NOTICES), back));
        params.put("privacy", m.get("remotePoll.privacy", Messages.isolateLeftToRight(poll.senderHost())));
        pages.render(res, Status.OK_200, v, heading, "remote_poll.jte", params);
    }

    /** {@code POST /remote-polls/{id}/vote}: the member's vote, once, sent to the poll's server. */
    public void vote(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        Long id = id(req);
        if (id == null) {
            pages.notFound(res, v);
            return;
        }
        List<Integer> choices = PollForms.choices(form);
        long me = v.member().get().memberId();
        String back = "/remote-polls/" + id;
        try {
            pages.once(res, v, form, back, () -> {
                voting.vote(me, id, choices);
                return Pages.done(back, "remotePollVoted", null);
            });
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

    private static String status(Messages m, RemotePollResults p) {
        if (p.closedAt() != null) {
            return m.get("remotePoll.closedOn", m.date(p.closedAt()));
        }
        if (p.endsAt() == null) {
            return m.get("remotePoll.noEnd");
        }
        return m.get(p.open() ? "poll.openUntil" : "poll.ended", m.date(p.endsAt()));
    }

    private static Long id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return ID.matcher(id).matches() ? Long.parseLong(id) : null;
    }
}
