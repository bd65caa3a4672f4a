package org.weft.server.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.weft.server.persistence.Database;

/**
 * The inbound activity table, as the inbound worker reads it. The inbox writes rows through
 * {@link InboxWriter} (group commit) before answering 202; the unique activity id turns a redelivery
 * into a no-op.
 */
public final class InboundStore {
    private final Database db;

    public InboundStore(Database db) {
        this.db = db;
    }

    /**
     * The claim: due rows, locked, skipping rows another worker holds. No ORDER BY: both databases then read the
     * (state, next_attempt_at) index in order and stop at the limit, so the oldest due rows come first and only
     * they are locked. With an ORDER BY, H2 locks every due row before sorting (InnoDB may too, when it sorts),
     * which with a backlog of thousands made each claim take a second on H2 and held up every other worker.
     */
    static String claimQuery(int limit) {
        return "SELECT id FROM inbound_activity WHERE state = 'PENDING' AND next_attempt_at <= ?1"
                + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED";
    }

    /** Leases due rows for processing (see {@link DeliveryQueue#claimDue} for the lease idea). */
    public List<Long> claimDue(int limit, Duration lease, Instant now) {
        return db.inTransaction(session -> {
            List<Long> ids = session.createNativeQuery(claimQuery(limit), Long.class)
                    .setParameter(1, now).getResultList();
            if (!ids.isEmpty()) {
                session.createNativeMutationQuery("UPDATE inbound_activity SET next_attempt_at = ?1 WHERE id IN (?2)")
                        .setParameter(1, now.plus(lease)).setParameterList(2, ids).executeUpdate();
            }
            return ids;
        });
    }

    /**
     * The body of a row as the inbox kept it; empty once the retention pruner removed it (a row that is pruned has long
     * been processed, so the worker never meets one). Read with a plain query: the entity does not map the body.
     */
    public Optional<String> body(long id) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT body FROM inbound_activity WHERE id = ?1", String.class)
                .setParameter(1, id).uniqueResultOptional()).filter(body -> !body.isEmpty());
    }

    public long countPending() {
        return db.inTransaction(s -> s.createNativeQuery(
                "SELECT COUNT(*) FROM inbound_activity WHERE state = 'PENDING'", Long.class).getSingleResult());
    }
}
