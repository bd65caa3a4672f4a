package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.matching.MemberMatches;
import org.weft.server.domain.matching.ReasonText;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.MatchRow;

/**
 * {@code /me/matches}: the member's matches with their reasons, and dismissing one. {@code ?state=all} also lists the
 * ones they dismissed and those withdrawn since (a notification of a match leads there, whatever became of it). A
 * withdrawn one says so, as the API's {@code "state": "withdrawn"} does, instead of the reasons it once had (one ended
 * by an unlink says that); and the other proposal's title leads to no page that is gone (withdrawn, deleted, hidden,
 * or a copy no longer held).
 */
public final class MatchesPage {
    /** Rows per page: 30 stays well inside the 50 KB page budget (a row is about 700 bytes). */
    static final int PAGE = 30;
    /** Deeper pages than this are not offered; a member with that many open matches needs dismissing, not paging. */
    private static final int MAX_PAGE = 20;

    private final Pages pages;
    private final MemberMatches matches;
    private final ProposalCards cards;
    private final ReasonText reasons;
    private final AreaService areas;

    public MatchesPage(Pages pages, MemberMatches matches, ReasonText reasons, Taxonomy taxonomy, AreaService areas) {
        this.pages = pages;
        this.matches = matches;
        this.cards = new ProposalCards(taxonomy);
        this.reasons = reasons;
        this.areas = areas;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        int page = page(req);
        boolean all = "all".equals(req.query().first("state").orElse(""));
        Long proposal = proposal(req);
        // One more than the page holds tells whether there is a next page.
        List<MemberMatches.View> views = matches.forMember(v.member().get().memberId(), all, proposal,
                (page + 1) * PAGE + 1);
        AreaNames areaNames = AreaNames.of(areas.all());
        List<MatchRow> rows = views.stream().skip((long) page * PAGE).limit(PAGE).map(view -> row(view, m, areaNames))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("next", views.size() > (page + 1) * PAGE && page + 1 <= MAX_PAGE
                ? "/me/matches?page=" + (page + 1) + (all ? "&state=all" : "")
                + (proposal == null ? "" : "&proposal=" + proposal) : null);
        // Only one proposal's (a notice of several new matches leads here): say so, and lead to all of them.
        params.put("onlyOf", proposal == null ? null
                : m.get("matches.onlyOf", rows.isEmpty() ? "" : Messages.isolate(rows.get(0).mineTitle())));
        params.put("notice", Pages.notice(req, m, Set.of("dismissed")));
        pages.render(res, v, m.get("matches.title"), "matches.jte", params);
    }

    public void dismiss(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        try {
            long id = Long.parseLong(req.path().pathParameters().get("id"));
            pages.once(res, v, form, "/me/matches", () -> {
                matches.dismiss(v.member().get().memberId(), id);
                return Pages.done("/me/matches", "dismissed", "matches");
            });
        } catch (NotFoundException | NumberFormatException e) {
            pages.notFound(res, v);
        }
    }

    /** The member's proposal whose matches alone are listed ({@code ?proposal=}), or null for all. */
    private static Long proposal(ServerRequest req) {
        try {
            return req.query().first("proposal").asOptional().map(Long::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int page(ServerRequest req) {
        try {
            return Math.max(0, Math.min(MAX_PAGE, Integer.parseInt(req.query().first("page").orElse("0"))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Only what the other proposal shows publicly: no author; the link goes to its page here (a copy's local page). */
    private MatchRow row(MemberMatches.View view, Messages m, AreaNames areaNames) {
        ProposalEntity mine = view.mine();
        ProposalEntity other = view.other();
        return new MatchRow(view.match().getId(), mine.getTitle(), mine.getUri(),
                view.otherGone() ? null : RemoteProposalPage.link(other),
                cards.purposeLabel(other, m), other.getTitle(), cards.categories(other, m), areaNames.name(other, m),
                m.get("card.until", m.date(other.getEndsAt())), reasons.list(view.match().getReasons(), m), view.open(),
                mine.getLanguage(), other.getLanguage(), view.unlinked(),
                view.withdrawn() && !view.unlinked());
    }
}
