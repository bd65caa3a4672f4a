package org.weft.server.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.response.MessageInbox;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ProposalCard;
import org.weft.web.view.ResponseRow;

/**
 * A member's own lists: my proposals (every status), my responses, my notifications (a direct message's
 * notification shows the message, which only its recipient ever sees).
 */
public final class MemberPages {
    private static final int LIMIT = 100;

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
                ProposalRepository.newestOf(s, me, LIMIT).stream().map(p -> cards.card(p, m)).toList(),
                ResponseRepository.newestBy(s, me, LIMIT).stream()
                        .map(r -> new ResponseRow(r.getProposal().getTitle(), r.getProposal().getUri(),
                                HtmlSanitizer.toPlainText(r.getContent()), m.date(r.getCreatedAt()),
                                m.get("response." + r.getState().name().toLowerCase()), r.getProposal().getLanguage()))
                        .toList()));
        Map<String, Object> params = new HashMap<>();
        params.put("cards", lists.cards());
        params.put("responses", lists.responses());
        params.put("notice", Pages.notice(req, m, Set.of("deleted")));
        pages.render(res, v, m.get("mine.title"), "mine.jte", params);
    }

    /** Lists the newest notifications and marks them read (seeing them is reading them). */
    public void notifications(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        long me = v.member().get().memberId();
        List<ResponseRow> rows = db.inTransaction(s -> NotificationRepository.newest(s, me, LIMIT).stream().map(n -> {
                    ProposalEntity p = n.getProposalId() == null ? null : s.find(ProposalEntity.class, n.getProposalId());
                    boolean gone = p == null || p.isDeleted();
                    if (n.getReadAt() == null) {
                        n.markRead(clock.instant());
                    }
                    return new ResponseRow(title(n, gone ? null : p.getTitle(), m), gone ? "/me/notifications" : p.getUri(),
                            messageText(s, n, me), m.date(n.getCreatedAt()), null, null);
                }).toList());
        pages.render(res, v, m.get("notifications.title"), "notifications.jte", Map.of("rows", rows));
    }

    private static String title(NotificationEntity n, String proposalTitle, Messages m) {
        if (MessageInbox.NOTIFY_MESSAGE.equals(n.getKind()) && proposalTitle == null) {
            return m.get("notification.messageAlone");
        }
        return m.get("notification." + n.getKind(), proposalTitle == null ? "" : Messages.isolate(proposalTitle));
    }

    /** The words of a direct message, as plain text, on the notification about it; only ever the member's own. */
    private static String messageText(Session s, NotificationEntity n, long me) {
        if (n.getMessageId() == null) {
            return null;
        }
        MessageEntity message = s.find(MessageEntity.class, n.getMessageId());
        return message == null || message.getMemberId() != me ? null : HtmlSanitizer.toPlainText(message.getContent());
    }
}
