package org.weft.server.domain.moderation;

import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;

/**
 * Tells the author of a local proposal that a moderator hid it or showed it again, among their notifications: the
 * post's page is the only place left where they see it, and nothing else would tell them why it left the board. For
 * an anonymous one the member behind it is told, and only them: the notification names no one, and nobody else reads
 * it.
 */
final class AuthorNotices {
    private AuthorNotices() {
    }

    /** In the caller's transaction; nothing for a proposal from another server (its author is not a member here). */
    static void tell(Session s, ProposalEntity p, NotificationKind kind, Instant now) {
        if (!p.isLocal()) {
            return;
        }
        ActorEntity author = p.getAuthor();
        if (author == null || !author.isLocal() || author.isDeleted()) {
            return;
        }
        s.persist(new NotificationEntity(author.getId(), kind.wire(), p.getId(), null, now));
    }
}
