package org.weft.server.domain.response;

import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
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

    /**
     * Tells everyone whose response to {@code p} its author accepted, and who has not left, that something became of
     * what was arranged: a member here by a notification of {@code kind}, leading to their conversation (not while she
     * blocks the author of a proposal elsewhere, {@link AccountBlocks#blockedInConversation}); someone who answered a
     * local proposal with a post (Mastodon) by the Note {@code noteKey}. A responder on another Weft instance is told
     * by their own instance, which holds a copy and receives the same Update or Delete. Nobody else: a responder still
     * waiting, or declined, agreed to nothing.
     */
    void tellAccepted(Session s, ProposalEntity p, String kind, String noteKey, Instant now) {
        for (ResponseEntity r : ResponseRepository.acceptedTo(s, p)) {
            ActorEntity responder = r.getResponder();
            if (responder.isDeleted()) {
                continue;
            }
            if (responder.isLocal()) {
                // Not a member who blocked the author elsewhere since: nothing of his reaches her, his title neither.
                if (!AccountBlocks.blockedInConversation(s, r, p.getAttributedTo())) {
                    s.persist(new NotificationEntity(responder.getId(), kind, p.getId(), r.getId(), now));
                }
            } else if (p.isLocal() && r.getKind() != ResponseEntity.Kind.AGREEMENT) {
                send(s, r, noteKey, now);
            }
        }
    }

    /** Sends the sentence {@code key}, given the proposal's title, to the responder of {@code r}. */
    void send(Session s, ResponseEntity r, String key, Instant now) {
        ProposalEntity p = r.getProposal();
        String text = authorsLanguage(s, p).get(key, p.getTitle());
        String uri = direct.sendInConversation(s, p.getAttributedTo(), r.getResponder(), r, text);
        s.persist(new ConversationMessageEntity(r, uri, true, p.getAttributedTo(), p.getAuthor().getId(),
                PlainText.toHtml(text), now, now));
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
