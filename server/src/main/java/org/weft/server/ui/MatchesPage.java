package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.auth.Visitor;
import org.weft.server.domain.NotFoundException;
import org.weft.server.matching.MatchEntity;
import org.weft.server.matching.MemberMatches;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;
import org.weft.web.view.MatchRow;

/** {@code /me/matches}: the member's matches with their reasons, and dismissing one. */
public final class MatchesPage {
    private static final int LIMIT = 100;

    private final Pages pages;
    private final MemberMatches matches;
    private final ProposalCards cards;
    private final MatchReasons reasons;

    public MatchesPage(Pages pages, MemberMatches matches, Taxonomy taxonomy) {
        this.pages = pages;
        this.matches = matches;
        this.cards = new ProposalCards(taxonomy);
        this.reasons = new MatchReasons(taxonomy);
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        List<MatchRow> rows = matches.forMember(v.member().get().memberId(), false, LIMIT).stream()
                .map(view -> row(view, m)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("notice", req.query().first("done").map(d -> m.get("matches.dismissed")).orElse(null));
        pages.render(res, v, m.get("matches.title"), "matches.jte", params);
    }

    public void dismiss(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (pages.form(req, res, v) == null || !Pages.requireMember(res, v)) {
            return;
        }
        try {
            matches.dismiss(v.member().get().memberId(), Long.parseLong(req.path().pathParameters().get("id")));
            Pages.redirect(res, "/me/matches?done=1");
        } catch (NotFoundException | NumberFormatException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        }
    }

    /** Only what the other proposal shows publicly: no author, and the link goes to wherever it lives. */
    private MatchRow row(MemberMatches.View view, Messages m) {
        ProposalEntity mine = view.mine();
        ProposalEntity other = view.other();
        return new MatchRow(view.match().getId(), mine.getTitle(), mine.getUri(), other.getUri(),
                cards.purposeLabel(other, m), other.getTitle(), cards.categories(other, m), other.getAreaName(),
                m.get("card.until", m.date(other.getEndsAt())), reasons.words(view.match().getReasons(), m),
                view.match().getState() == MatchEntity.State.NEW);
    }
}
