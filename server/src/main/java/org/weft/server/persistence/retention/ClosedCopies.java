package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Copies of other servers' proposals (a linked community's offers and requests, posts taken onto a board from
 * Mastodon or Lemmy) that closed more than {@code grace} ago: past their end date, or withdrawn or fulfilled on their
 * server (counted from when it last changed; an expired one, from its end date). They are purged with their
 * categories, search terms, matches and thanks. Unlike a member's own proposals they are nobody's history here: the
 * original stays on its server, and a closed copy only makes the search terms and the board's tables grow with
 * federation traffic (most of what the soak found left after pruning).
 *
 * <p>A copy a member of this instance took part in is kept as long as the local side exists: one with a local
 * member's response (their offer of help, their conversation) or message in a conversation, or an unread
 * notification. No tombstone: the copy's URL is its own server's to answer for.
 */
public final class ClosedCopies implements RetentionRule {
    private static final String CLOSED = "SELECT p.id FROM proposal p WHERE p.is_local = FALSE AND p.deleted_at IS NULL"
            + " AND (p.ends_at < ?1 OR (p.status IN ('WITHDRAWN', 'FULFILLED')"
            + " AND COALESCE(p.updated_at, p.published_at) < ?1))"
            + " AND NOT EXISTS (SELECT 1 FROM response r JOIN actor a ON a.id = r.responder_id"
            + " WHERE r.proposal_id = p.id AND a.is_local = TRUE)"
            + " AND NOT EXISTS (SELECT 1 FROM response r JOIN conversation_message m ON m.response_id = r.id"
            + " JOIN actor a ON a.id = m.sender_id WHERE r.proposal_id = p.id AND a.is_local = TRUE)"
            + " AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.proposal_id = p.id AND n.read_at IS NULL)"
            + " ORDER BY p.is_local, p.ends_at LIMIT ";
    private final Duration grace;

    public ClosedCopies(Duration grace) {
        this.grace = grace;
    }

    @Override
    public String name() {
        return "closed copies";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery(CLOSED + limit, Long.class).setParameter(1, now.minus(grace)).getResultList();
        return Deletions.delete(s, "proposal", ids);
    }
}
