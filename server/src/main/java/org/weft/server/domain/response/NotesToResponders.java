package org.weft.server.domain.response;

import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.domain.PlainText;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.web.i18n.Messages;

/**
 * A direct Note from a local proposal's actor to someone on another server who answered it with a post (Mastodon),
 * about what became of what was arranged with them: one sentence, in reply to the conversation's last message, in
 * the author's language. It is kept as the conversation's newest message, so the author sees what was said for them,
 * and a reply to it is known as one in that conversation (not taken for a new answer). For an anonymous request the
 * community speaks, as everywhere in its conversations: in the request's own language, saying nothing of the member
 * behind it.
 */
final class NotesToResponders {
    private final DirectMessages direct;

    NotesToResponders(DirectMessages direct) {
        this.direct = direct;
    }

    /** Sends the sentence {@code key}, given the proposal's title, to the responder of {@code r}. */
    void send(Session s, ResponseEntity r, String key, Instant now) {
        ProposalEntity p = r.getProposal();
        String text = authorsLanguage(s, p).get(key, p.getTitle());
        String uri = direct.sendInConversation(s, p.getAttributedTo(), r.getResponder(), r, text);
        s.persist(new ConversationMessageEntity(r, uri, true, p.getAttributedTo(), p.getAuthor().getId(),
                PlainText.toHtml(text), now));
    }

    /**
     * The author's page language, or the proposal's when they chose none; for an anonymous request always the request's
     * own language, which everyone could read already.
     */
    private static Messages authorsLanguage(Session s, ProposalEntity p) {
        if (p.getAudience() != Audience.ANONYMOUS) {
            MemberSettingEntity setting = s.find(MemberSettingEntity.class, p.getAuthor().getId());
            if (setting != null && setting.getLanguage() != null) {
                return Messages.forLanguage(setting.getLanguage());
            }
        }
        return Messages.forLanguage(p.getLanguage());
    }
}
