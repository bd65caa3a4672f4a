package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Proposals deleted (by their author here, or by their server's {@code Delete}) are kept {@code grace} as deleted
 * rows, then purged with what hangs on them: categories, responses and their conversations, matches, notifications
 * (the database's cascades; a direct message that named the proposal keeps its text and loses the link). What
 * answers for a deleted proposal of this instance is its tombstone ({@code 410 Gone}), which stays for ever: one
 * is written here in the same transaction for any local proposal that lacks it, so purging never brings a URL back
 * from Gone to Not Found.
 */
public final class DeletedProposals implements RetentionRule {
    private final Duration grace;

    public DeletedProposals(Duration grace) {
        this.grace = grace;
    }

    @Override
    public String name() {
        return "deleted proposals";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT id FROM proposal WHERE deleted_at < ?1 LIMIT " + limit, Long.class)
                .setParameter(1, now.minus(grace)).getResultList();
        if (!ids.isEmpty()) {
            s.createNativeMutationQuery("INSERT INTO tombstone (uri, former_type, deleted_at) SELECT p.uri, 'Note', p.deleted_at"
                            + " FROM proposal p WHERE p.id IN (?1) AND p.is_local = TRUE"
                            + " AND NOT EXISTS (SELECT 1 FROM tombstone t WHERE t.uri = p.uri)")
                    .setParameterList(1, ids).executeUpdate();
        }
        return Deletions.delete(s, "proposal", ids);
    }
}
