package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ProposalCard;
import org.weft.web.view.ResponseRow;

/**
 * A member's own lists: my proposals (every status) and, below them, the responses they wrote (each with its
 * conversation on "My responses", {@link ConversationPages}; notifications are {@link NotificationsPage}).
 */
public final class MemberPages {
    private static final int LIMIT = 100;
    private static final String MATCH = "match";

    private final Pages pages;
    private final Database db;
    private final ProposalCards cards;

    public MemberPages(Pages pages, Database db, Taxonomy taxonomy) {
        this.pages = pages;
        this.db = db;
        this.cards = new ProposalCards(taxonomy);
    }

    public void proposals(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        long me = v.member().get().memberId();
        record Lists(List<ProposalCard> cards, List<ResponseRow> responses) {
        }
        Lists lists = db.inTransaction(s -> {
            AreaNames areas = AreaNames.read(s);
            return new Lists(ProposalRepository.newestOf(s, me, LIMIT).stream().map(p -> cards.card(p, m, areas)).toList(),
                    ResponseRepository.newestBy(s, me, LIMIT).stream()
                            .map(r -> new ResponseRow(r.getProposal().getTitle(), ConversationViews.pageUrl(r.getId(), 0),
                                    HtmlSanitizer.toPlainText(r.getContent()), m.date(r.getCreatedAt()),
                                    m.get("response." + r.getState().name().toLowerCase()), r.getProposal().getLanguage()))
                            .toList());
        });
        Map<String, Object> params = new HashMap<>();
        params.put("cards", lists.cards());
        params.put("responses", lists.responses());
        params.put("notice", Pages.notice(req, m, Set.of("deleted", "already_deleted")));
        pages.render(res, v, m.get("mine.title"), "mine.jte", params);
    }
}
