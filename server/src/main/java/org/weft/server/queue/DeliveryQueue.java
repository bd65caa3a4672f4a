package org.weft.server.queue;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;
import org.weft.server.model.DomainNames;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.OutboundActivityEntity;

/**
 * The outbound delivery table: one row per (activity, inbox). Rows are inserted in the same
 * transaction as the change that caused them, claimed with a lease, and finished with an outcome.
 */
public final class DeliveryQueue {
    private static final String FINISH = "UPDATE delivery SET state = ?, attempts = attempts + 1, finished_at = ?,"
            + " last_status = ?, last_error = ? WHERE id = ?";
    private static final String RETRY = "UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?,"
            + " last_error = ? WHERE id = ?";

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
     * The claim: due rows (parameter 1: now), at most parameter 2 of them, not for the blocked hosts (parameters 3…),
     * locked, skipping rows another worker holds. No ORDER BY: both databases then read the (state, next_attempt_at)
     * index in order and stop at the limit, so the longest-waiting rows come first and only the rows taken are locked.
     * With an ORDER BY, H2 locks every due row before sorting (InnoDB may too, when it sorts): a fan-out's thousand
     * rows, held by each claim in turn. The limit is a parameter, so the statement's text depends only on how many
     * hosts are blocked.
     */
    static String claimQuery(int blockedHosts) {
        StringBuilder sql = new StringBuilder("SELECT id, activity_id, inbox, host, attempts FROM delivery"
                + " WHERE state = 'PENDING' AND next_attempt_at <= ?1");
        if (blockedHosts > 0) {
            sql.append(" AND host NOT IN (");
            for (int i = 0; i < blockedHosts; i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(i + 3);
            }
            sql.append(')');
        }
        return sql.append(" LIMIT ?2 FOR UPDATE SKIP LOCKED").toString();
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
            List<String> hosts = new ArrayList<>(blockedHosts);
            var query = session.createNativeQuery(claimQuery(hosts.size()), Object[].class).setParameter(1, now)
                    .setParameter(2, limit);
            for (int i = 0; i < hosts.size(); i++) {
                query.setParameter(i + 3, hosts.get(i));
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

    /**
     * Writes the outcomes of many attempts in one transaction: plain JDBC statement batches, so a whole batch costs
     * one commit (one log flush) and no ORM session; run again if it was a deadlock's victim. All or nothing: on failure
     * nothing is written and the rows stay leased.
     */
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        // Rows in id order, so two processes writing overlapping batches take their row locks in the same order.
        List<Outcome> sorted = outcomes.stream().sorted(Comparator.comparingLong(Outcome::deliveryId)).toList();
        db.inJdbcTransaction("Recording " + outcomes.size() + " delivery outcomes", connection -> {
            try (PreparedStatement finish = connection.prepareStatement(FINISH);
                 PreparedStatement retry = connection.prepareStatement(RETRY)) {
                boolean finished = false;
                boolean retried = false;
                for (Outcome outcome : sorted) {
                    switch (outcome) {
                        case Outcome.Delivered d -> addFinish(finish, d.deliveryId(), "DELIVERED", d.status(), null, d.at());
                        case Outcome.GaveUp g -> addFinish(finish, g.deliveryId(), "GAVE_UP", g.status(), g.error(), g.at());
                        case Outcome.Retry r -> addRetry(retry, r);
                    }
                    retried |= outcome instanceof Outcome.Retry;
                    finished |= !(outcome instanceof Outcome.Retry);
                }
                if (finished) {
                    finish.executeBatch();
                }
                if (retried) {
                    retry.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * Makes leased rows due at {@code dueAt} without counting an attempt: a shutdown hands back what it could not
     * finish, and a claim hands back the rows whose host was busy.
     */
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

    private static void addFinish(PreparedStatement statement, long id, String state, int status, String error,
                                  Instant at) throws SQLException {
        statement.setString(1, state);
        statement.setObject(2, utc(at));
        setStatus(statement, 3, status);
        statement.setString(4, truncate(error));
        statement.setLong(5, id);
        statement.addBatch();
    }

    private static void addRetry(PreparedStatement statement, Outcome.Retry retry) throws SQLException {
        statement.setObject(1, utc(retry.retryAt()));
        setStatus(statement, 2, retry.status());
        statement.setString(3, truncate(retry.error()));
        statement.setLong(4, retry.deliveryId());
        statement.addBatch();
    }

    private static void setStatus(PreparedStatement statement, int index, int status) throws SQLException {
        if (status < 0) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, status);
        }
    }

    /** Instants are stored as UTC wall-clock times, as Hibernate is configured to write them. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static ClaimedDelivery toClaim(Object[] row) {
        return new ClaimedDelivery(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                (String) row[3], ((Number) row[4]).intValue());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    static String hostOf(URI inbox) {
        return DomainNames.hostAndPort(inbox);
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
