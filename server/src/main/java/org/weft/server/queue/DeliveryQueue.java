package org.weft.server.queue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.OutboundActivityEntity;

/**
 * The outbound delivery table: one row per (activity, inbox). Rows are inserted in the same
 * transaction as the change that caused them, claimed with a lease, and finished with an outcome.
 */
public final class DeliveryQueue {
    private final Database db;

    public DeliveryQueue(Database db) {
        this.db = db;
    }

    /** Adds one pending delivery per inbox, inside the caller's transaction. */
    public static void enqueue(Session session, OutboundActivityEntity activity, Collection<URI> inboxes, Instant now) {
        for (URI inbox : inboxes) {
            session.persist(new DeliveryEntity(activity.getId(), inbox.toString(), hostOf(inbox), now));
        }
    }

    /**
     * Leases up to {@code limit} due deliveries, skipping rows another worker holds and the hosts in
     * {@code blockedHosts}. The lease is a later {@code next_attempt_at}: if this process dies before
     * it records an outcome, the row becomes due again and another worker sends it.
     */
    public List<ClaimedDelivery> claimDue(int limit, Set<String> blockedHosts, Duration lease, Instant now) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inTransaction(session -> {
            StringBuilder sql = new StringBuilder(
                    "SELECT id, activity_id, inbox, host, attempts FROM delivery"
                            + " WHERE state = 'PENDING' AND next_attempt_at <= ?1");
            List<String> hosts = new ArrayList<>(blockedHosts);
            if (!hosts.isEmpty()) {
                sql.append(" AND host NOT IN (");
                for (int i = 0; i < hosts.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append('?').append(i + 2);
                }
                sql.append(')');
            }
            sql.append(" ORDER BY next_attempt_at LIMIT ").append(limit).append(" FOR UPDATE SKIP LOCKED");
            var query = session.createNativeQuery(sql.toString(), Object[].class).setParameter(1, now);
            for (int i = 0; i < hosts.size(); i++) {
                query.setParameter(i + 2, hosts.get(i));
            }
            List<ClaimedDelivery> claimed = query.getResultList().stream().map(DeliveryQueue::toClaim).toList();
            if (!claimed.isEmpty()) {
                session.createNativeMutationQuery("UPDATE delivery SET next_attempt_at = ?1 WHERE id IN (?2)")
                        .setParameter(1, now.plus(lease))
                        .setParameterList(2, claimed.stream().map(ClaimedDelivery::id).toList())
                        .executeUpdate();
            }
            return claimed;
        });
    }

    public void markDelivered(long id, int status, Instant now) {
        finish(id, "DELIVERED", status, null, now);
    }

    public void markGaveUp(long id, int status, String error, Instant now) {
        finish(id, "GAVE_UP", status, error, now);
    }

    /** Records a failed attempt and when to try again. */
    public void markRetry(long id, int status, String error, Instant retryAt) {
        db.run(session -> session.createNativeMutationQuery(
                        "UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ?1, last_status = ?2, last_error = ?3"
                                + " WHERE id = ?4")
                .setParameter(1, retryAt)
                .setParameter(2, status < 0 ? null : status)
                .setParameter(3, truncate(error))
                .setParameter(4, id)
                .executeUpdate());
    }

    /** Puts a claimed row back without counting an attempt (its host was busy when the worker got to it). */
    public void release(long id, Instant dueAt) {
        db.run(session -> session.createNativeMutationQuery("UPDATE delivery SET next_attempt_at = ?1 WHERE id = ?2")
                .setParameter(1, dueAt).setParameter(2, id).executeUpdate());
    }

    /** Makes leased rows due at {@code dueAt} (a shutdown hands back what it could not finish). */
    public void releaseAll(Collection<Long> ids, Instant dueAt) {
        db.run(session -> session.createNativeMutationQuery(
                        "UPDATE delivery SET next_attempt_at = ?1 WHERE id IN (?2) AND state = 'PENDING'")
                .setParameter(1, dueAt).setParameterList(2, ids).executeUpdate());
    }

    /** Counts by state, for the operator's queue view and for health checks. */
    public QueueStats stats(Instant now) {
        return db.inTransaction(session -> {
            List<Object[]> rows = session.createNativeQuery(
                    "SELECT state, COUNT(*), SUM(CASE WHEN next_attempt_at <= ?1 THEN 1 ELSE 0 END) FROM delivery GROUP BY state",
                    Object[].class).setParameter(1, now).getResultList();
            long pending = 0;
            long due = 0;
            long delivered = 0;
            long gaveUp = 0;
            for (Object[] row : rows) {
                long count = ((Number) row[1]).longValue();
                switch ((String) row[0]) {
                    case "PENDING" -> {
                        pending = count;
                        due = row[2] == null ? 0 : ((Number) row[2]).longValue();
                    }
                    case "DELIVERED" -> delivered = count;
                    case "GAVE_UP" -> gaveUp = count;
                    default -> { }
                }
            }
            return new QueueStats(pending, due, delivered, gaveUp);
        });
    }

    /** Pending deliveries grouped by host, most first: which peers are backing up. */
    public List<HostBacklog> backlogByHost(int limit) {
        return db.inTransaction(session -> session.createNativeQuery(
                        "SELECT host, COUNT(*), MIN(next_attempt_at), MAX(attempts) FROM delivery WHERE state = 'PENDING'"
                                + " GROUP BY host ORDER BY COUNT(*) DESC LIMIT " + limit, Object[].class)
                .getResultList().stream()
                .map(r -> new HostBacklog((String) r[0], ((Number) r[1]).longValue(), toInstant(r[2]),
                        ((Number) r[3]).intValue()))
                .toList());
    }

    private void finish(long id, String state, int status, String error, Instant now) {
        db.run(session -> session.createNativeMutationQuery(
                        "UPDATE delivery SET state = ?1, attempts = attempts + 1, finished_at = ?2, last_status = ?3,"
                                + " last_error = ?4"
                                + " WHERE id = ?5")
                .setParameter(1, state)
                .setParameter(2, now)
                .setParameter(3, status < 0 ? null : status)
                .setParameter(4, truncate(error))
                .setParameter(5, id)
                .executeUpdate());
    }

    private static ClaimedDelivery toClaim(Object[] row) {
        return new ClaimedDelivery(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                (String) row[3], ((Number) row[4]).intValue());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    static String hostOf(URI inbox) {
        return inbox.getPort() == -1 ? inbox.getHost() : inbox.getHost() + ":" + inbox.getPort();
    }

    private static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    /** Delivery counts by state. */
    public record QueueStats(long pending, long due, long delivered, long gaveUp) {
    }

    /** How much is waiting for one host. */
    public record HostBacklog(String host, long pending, Instant nextAttempt, int maxAttempts) {
    }
}
