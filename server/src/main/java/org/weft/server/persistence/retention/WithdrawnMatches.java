package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Matches withdrawn because one side closed (taken, expired, withdrawn, deleted), {@code keep} after that, once
 * no unread notification announces them. A match between two proposals that are still open is never withdrawn, so
 * never removed; the matches of a purged proposal go with it ({@link DeletedProposals}).
 */
public final class WithdrawnMatches implements RetentionRule {
    private final Duration keep;

    public WithdrawnMatches(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "withdrawn matches";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT m.id FROM proposal_match m WHERE m.state = 'WITHDRAWN'"
                        + " AND m.updated_at < ?1 AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.match_id = m.id"
                        + " AND n.read_at IS NULL) LIMIT " + limit, Long.class)
                .setParameter(1, now.minus(keep)).getResultList();
        return Deletions.delete(s, "proposal_match", ids);
    }
}
