package org.weft.server.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.decision.Decision;
import org.weft.server.domain.decision.DecisionDraft;
import org.weft.server.domain.decision.DecisionService;
import org.weft.server.domain.poll.PollService;
import org.weft.server.model.DecisionMajority;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.DecisionsView;

/**
 * {@code /groups/{name}/decisions}: every decision of a community, newest first, for anyone and without JavaScript (what
 * was proposed, the majority that applied, the counts, the outcome, when); the form proposing new rules for whoever may
 * open a poll there, and the majority's switch for its moderators. Counts only: never who voted.
 */
public final class DecisionsPage {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Set<String> NOTICES = Set.of("decisionMajority");
    private static final Set<Integer> HOURS = Set.of(24, 72, 168, 336);

    private final Pages pages;
    private final DecisionService decisions;
    private final PollService polls;
    private final Clock clock;

    public DecisionsPage(Pages pages, DecisionService decisions, PollService polls, Clock clock) {
        this.pages = pages;
        this.decisions = decisions;
        this.polls = polls;
        this.clock = clock;
    }

    /** {@code GET /groups/{name}/decisions}. */
    public void list(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        String name = communityName(req);
        if (name == null) {
            pages.notFound(res, v);
            return;
        }
        render(res, Status.OK_200, v, name, Pages.notice(req, v.messages(), NOTICES), null, null);
    }

    private void render(ServerResponse res, Status status, Visitor v, String name, String notice, String error,
                        String draft) {
        Long me = v.member().map(SessionInfo::memberId).orElse(null);
        List<Decision> found;
        PollService.Permissions may;
        DecisionMajority majority;
        try {
            found = decisions.ofCommunity(name);
            may = polls.permissions(me, name);
            majority = decisions.majority(name);
        } catch (NotFoundException e) {
            pages.notFound(res, v);
            return;
        }
        Messages m = v.messages();
        List<DecisionsView.Row> rows = found.stream().map(d -> row(m, d)).toList();
        List<DecisionsView.Choice> majorities = Arrays.stream(DecisionMajority.values())
                .map(x -> new DecisionsView.Choice(x.word(), m.get(x.messageKey()), x == majority)).toList();
        String heading = m.get("decision.listTitle", Messages.isolate(may.communityName()));
        Map<String, Object> params = new HashMap<>();
        params.put("view", new DecisionsView(heading, name, m.get("decision.majorityNow", m.get(majority.messageKey())),
                majority == DecisionMajority.CONSENT, rows, may.mayOpen(), may.moderates(), majorities, notice, error,
                draft == null ? "" : draft));
        pages.render(res, status, v, heading, "decisions.jte", params);
    }

    private static DecisionsView.Row row(Messages m, Decision d) {
        String outcome = d.outcome() == null ? m.get("decision.outcome.open", m.date(d.endsAt()))
                : m.get(d.outcome().messageKey());
        String when = d.decidedAt() == null ? null : m.get("decision.decidedOn", m.date(d.decidedAt()));
        String counts = null;
        if (d.outcome() != null) {
            counts = m.get("decision.counts", m.number(d.tally().votesFor()), m.number(d.tally().votesAgainst()));
            if (d.majority() == DecisionMajority.CONSENT) {
                counts += " · " + m.get("decision.objections", m.number(d.tally().objections()));
            }
            counts += " · " + m.get("poll.voterCount", d.tally().voters());
        }
        return new DecisionsView.Row(d.pollPath(), d.proposedRules(), m.get(d.majority().messageKey()), counts, outcome,
                d.outcome() == null ? null : d.outcome().word(), when,
                d.decidedAt() == null ? null : d.decidedAt().toString());
    }

    /** {@code POST /groups/{name}/decisions}: puts new rules to a vote. */
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
        String rules = Forms.first(form, "rules");
        DecisionDraft draft = new DecisionDraft(rules, PollForms.voters(form),
                clock.instant().plus(Duration.ofHours(PollForms.hours(form, HOURS, 168))), v.messages().language());
        long me = v.member().get().memberId();
        try {
            pages.once(res, v, form, "/groups/" + name + "/decisions",
                    () -> Pages.done(decisions.open(me, name, draft).path(), "pollOpened", null));
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (DomainException e) {
            render(res, Status.BAD_REQUEST_400, v, name, null, Pages.explain(v.messages(), e), rules);
        }
    }

    /** {@code POST /groups/{name}/decisions/majority}: a moderator sets the majority of the next decisions. */
    public void majority(ServerRequest req, ServerResponse res) {
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
        DecisionMajority majority = DecisionMajority.fromWord(Forms.first(form, "majority"));
        long me = v.member().get().memberId();
        String back = "/groups/" + name + "/decisions";
        try {
            pages.once(res, v, form, back, () -> {
                decisions.setMajority(me, name, majority);
                return Pages.done(back, "decisionMajority", null);
            });
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (DomainException e) {
            pages.refused(res, Status.FORBIDDEN_403, v, e, back);
        }
    }

    private static String communityName(ServerRequest req) {
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() ? name : null;
    }
}
