package org.weft.server.ui;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.auth.Visitor;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ProposalCard;
import org.weft.web.view.ResponseRow;

/** A member's own lists: my proposals (every status), my responses, my notifications. */
public final class MemberPages {
    private static final int LIMIT = 100;
    private static final String MATCH = "match";

    private final Pages pages;
    private final Database db;
    private final ProposalCards cards;
    private final Clock clock;

    public MemberPages(Pages pages, Database db, Taxonomy taxonomy, Clock clock) {
        this.pages = pages;
        this.db = db;
        this.cards = new ProposalCards(taxonomy);
        this.clock = clock;
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
        Lists lists = db.inTransaction(s -> new Lists(
                s.createSelectionQuery("from ProposalEntity p where p.author.id = :me and p.local = true and p.deletedAt is null"
                                + " order by p.publishedAt desc, p.id desc", ProposalEntity.class)
                        .setParameter("me", me).setMaxResults(LIMIT).getResultList().stream().map(p -> cards.card(p, m)).toList(),
                s.createSelectionQuery("from ResponseEntity r join fetch r.proposal where r.responder.id = :me"
                                + " order by r.createdAt desc", ResponseEntity.class)
                        .setParameter("me", me).setMaxResults(LIMIT).getResultList().stream()
                        .map(r -> new ResponseRow(r.getProposal().getTitle(), r.getProposal().getUri(),
                                HtmlSanitizer.toPlainText(r.getContent()), m.date(r.getCreatedAt()),
                                m.get("response." + r.getState().name().toLowerCase()))).toList()));
        pages.render(res, v, m.get("mine.title"), "mine.jte", Map.of("cards", lists.cards(), "responses", lists.responses()));
    }

    /** Lists the newest notifications and marks them read (seeing them is reading them). */
    public void notifications(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        long me = v.member().get().memberId();
        List<ResponseRow> rows = db.inTransaction(s -> s.createSelectionQuery(
                        "from NotificationEntity where memberId = :me order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("me", me).setMaxResults(LIMIT).getResultList().stream().map(n -> {
                    ProposalEntity p = n.getProposalId() == null ? null : s.find(ProposalEntity.class, n.getProposalId());
                    boolean gone = p == null || p.isDeleted();
                    if (n.getReadAt() == null) {
                        n.markRead(clock.instant());
                    }
                    String title = gone ? "" : p.getTitle();
                    if (MATCH.equals(n.getKind())) {
                        // A digest of new matches: the count, and the member's matches page.
                        return new ResponseRow(m.get("notification.match", n.getCount(), title), "/me/matches", null,
                                m.date(n.getCreatedAt()), null);
                    }
                    return new ResponseRow(m.get("notification." + n.getKind(), title),
                            gone ? "/me/notifications" : p.getUri(), null, m.date(n.getCreatedAt()),
                            null);
                }).toList());
        pages.render(res, v, m.get("notifications.title"), "notifications.jte", Map.of("rows", rows));
    }
}
