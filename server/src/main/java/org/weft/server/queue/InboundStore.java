package org.weft.server.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.persistence.Database;

/**
 * The inbound activity table, as the inbound worker reads it. The inbox writes rows through
 * {@link InboxWriter} (group commit) before answering 202; the unique activity id turns a redelivery
 * into a no-op.
 */
public final class InboundStore {
    /**
     * Activity types that act on something an earlier activity of the same actor made (its Follow, its post): each waits
     * until every older activity of its actor is finished, so an Undo never overtakes its Follow, nor a Delete its Create.
     */
    static final Set<String> ORDERED_TYPES = Set.of("Undo", "Update", "Delete");
    /** Bodies up to this many characters come with the claim; longer ones (rare, up to the inbox's limit) are read alone. */
    static final int INLINE_BODY = 64 * 1024;
    /** How long an activity that must wait for an older one of its actor in another process stays out of the claims. */
    static final Duration HOLD_BACK = Duration.ofSeconds(1);

    private static final String DONE = "UPDATE inbound_activity SET state = 'DONE', processed_at = ?, last_error = ?"
            + " WHERE id = ?";
    private static final String RETRY = "UPDATE inbound_activity SET attempts = attempts + 1, next_attempt_at = ?,"
            + " last_error = ? WHERE id = ?";
    private static final String FAILED = "UPDATE inbound_activity SET state = 'FAILED', attempts = attempts + 1,"
            + " processed_at = ?, last_error = ? WHERE id = ?";

    private final Database db;

    public InboundStore(Database db) {
        this.db = db;
    }

    /**
     * The claim: due rows, locked, skipping rows another worker holds, with the bodies up to {@link #INLINE_BODY} (a
     * longer one comes as null and is read alone). No ORDER BY: both databases then read the (state, next_attempt_at)
     * index in order and stop at the limit, so the oldest due rows come first and only they are locked. With an ORDER
     * BY, H2 locks every due row before sorting (InnoDB may too, when it sorts), which with a backlog of thousands made
     * each claim take a second on H2 and held up every other worker. Its parameters are now and the limit: one statement
     * for every claim size.
     */
    static final String CLAIM = "SELECT id, actor_uri, activity_type, attempts, CASE WHEN CHAR_LENGTH(body) <= "
            + INLINE_BODY + " THEN body END FROM inbound_activity"
            + " WHERE state = 'PENDING' AND next_attempt_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED";

    /** Leases due rows for processing (see {@link DeliveryQueue#claimDue} for the lease idea); their ids, oldest first. */
    public List<Long> claimDue(int limit, Duration lease, Instant now) {
        return claimBatch(limit, lease, now, Set.of()).stream().map(ClaimedActivity::id).toList();
    }

    /**
     * Leases up to {@code limit} due rows in one transaction, with their bodies (up to {@link #INLINE_BODY}). An
     * activity of an {@link #ORDERED_TYPES ordered type} whose actor has an older unfinished row that is neither in this
     * claim nor in {@code heldHere} (the rows this process holds already) is not taken: it is made due again after
     * {@link #HOLD_BACK}, so another process (or a retry's wait) finishes the older one first.
     *
     * <p>Plain JDBC, as {@link #finish}: two statements and a commit for a batch without ordered types. Through the
     * ORM's native queries the claim cost the dispatcher thread more CPU than handling the batch's activities did. A
     * deadlock victim or a Galera certification failure is run again ({@link Database#inJdbcTransaction}).
     */
    List<ClaimedActivity> claimBatch(int limit, Duration lease, Instant now, Collection<Long> heldHere) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inJdbcTransaction("Claiming inbound activities",
                connection -> claimIn(connection, limit, lease, now, heldHere));
    }

    private static List<ClaimedActivity> claimIn(Connection connection, int limit, Duration lease, Instant now,
                                                 Collection<Long> heldHere) throws SQLException {
        List<ClaimedActivity> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setObject(1, utc(now));
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ClaimedActivity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> heldBack = heldBack(connection, rows, heldHere);
        if (!heldBack.isEmpty()) {
            setDue(connection, heldBack, now.plus(HOLD_BACK));
            rows.removeIf(row -> heldBack.contains(row.id()));
        }
        if (!rows.isEmpty()) {
            setDue(connection, rows.stream().map(ClaimedActivity::id).toList(), now.plus(lease));
        }
        return rows;
    }

    /** The claimed rows of an ordered type that an older unfinished row of their actor, held elsewhere, must precede. */
    private static List<Long> heldBack(Connection connection, List<ClaimedActivity> rows, Collection<Long> heldHere)
            throws SQLException {
        List<String> actors = rows.stream().filter(row -> ORDERED_TYPES.contains(row.type()))
                .map(ClaimedActivity::actorUri).distinct().toList();
        if (actors.isEmpty()) {
            return List.of();
        }
        Set<Long> ours = new HashSet<>(heldHere);
        rows.forEach(row -> ours.add(row.id()));
        // Uses the (actor_uri, state) index: only the few unfinished rows of these actors are read.
        Map<String, Long> oldestElsewhere = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT actor_uri, id FROM inbound_activity"
                + " WHERE actor_uri IN (" + placeholders(actors.size()) + ") AND state = 'PENDING'")) {
            for (int i = 0; i < actors.size(); i++) {
                select.setString(i + 1, actors.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (!ours.contains(rs.getLong(2))) {
                        oldestElsewhere.merge(rs.getString(1), rs.getLong(2), Math::min);
                    }
                }
            }
        }
        List<Long> held = new ArrayList<>();
        for (ClaimedActivity row : rows) {
            Long older = oldestElsewhere.get(row.actorUri());
            if (ORDERED_TYPES.contains(row.type()) && older != null && older < row.id()) {
                held.add(row.id());
            }
        }
        return held;
    }

    private static void setDue(Connection connection, List<Long> ids, Instant due) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE inbound_activity SET next_attempt_at = ?"
                + " WHERE id IN (" + placeholders(ids.size()) + ")")) {
            update.setObject(1, utc(due));
            for (int i = 0; i < ids.size(); i++) {
                update.setLong(i + 2, ids.get(i));
            }
            update.executeUpdate();
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Writes the outcomes of many activities in one transaction (plain JDBC statement batches: one commit, no ORM
     * session), run again if it was a deadlock's victim. All or nothing: on failure nothing is written and the rows stay
     * leased.
     */
    void finish(List<InboundOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        // Rows in id order, so two processes writing overlapping batches take their row locks in the same order.
        List<InboundOutcome> sorted = outcomes.stream().sorted(Comparator.comparingLong(InboundOutcome::id)).toList();
        db.inJdbcTransaction("Recording " + outcomes.size() + " inbound outcomes", connection -> {
            try (PreparedStatement done = connection.prepareStatement(DONE);
                 PreparedStatement retry = connection.prepareStatement(RETRY);
                 PreparedStatement failed = connection.prepareStatement(FAILED)) {
                boolean[] used = new boolean[3];
                for (InboundOutcome outcome : sorted) {
                    switch (outcome) {
                        case InboundOutcome.Done d -> add(done, d.id(), utc(d.at()), d.note());
                        case InboundOutcome.Retry r -> add(retry, r.id(), utc(r.retryAt()), r.error());
                        case InboundOutcome.Failed f -> add(failed, f.id(), utc(f.at()), f.error());
                    }
                    used[outcome instanceof InboundOutcome.Done ? 0 : outcome instanceof InboundOutcome.Retry ? 1 : 2] = true;
                }
                if (used[0]) {
                    done.executeBatch();
                }
                if (used[1]) {
                    retry.executeBatch();
                }
                if (used[2]) {
                    failed.executeBatch();
                }
            }
            return null;
        });
    }

    /** Makes leased rows due at {@code dueAt} without counting an attempt (a shutdown hands back what it holds). */
    void release(Collection<Long> ids, Instant dueAt) {
        db.run(session -> session.createNativeMutationQuery(
                        "UPDATE inbound_activity SET next_attempt_at = ?1 WHERE id IN (?2) AND state = 'PENDING'")
                .setParameter(1, dueAt).setParameterList(2, ids).executeUpdate());
    }

    private static void add(PreparedStatement statement, long id, LocalDateTime at, String text) throws SQLException {
        statement.setObject(1, at);
        statement.setString(2, text == null ? null : text.substring(0, Math.min(text.length(), 1000)));
        statement.setLong(3, id);
        statement.addBatch();
    }

    /** Instants are stored as UTC wall-clock times, as Hibernate is configured to write them. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
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

    /**
     * The newest activities from other servers that changed nothing here (with the reason they were ignored) or failed
     * for good (with the last error), for the operator asking why a reply or a follow never showed: the server logs no
     * line per such activity, as a flood of them would flood the log. {@code fromHost} (null for any) keeps those whose
     * actor is on that host. Only what the retention rules still keep is there.
     */
    public List<Unapplied> unapplied(String fromHost, int limit) {
        return db.inJdbcTransaction("listing ignored inbound activities", c -> {
            String sql = "SELECT received_at, activity_type, actor_uri, state, last_error FROM inbound_activity"
                    + " WHERE (state = 'FAILED' OR (state = 'DONE' AND last_error LIKE 'ignored: %'))"
                    + (fromHost == null ? "" : " AND (actor_uri LIKE ? OR actor_uri LIKE ?)")
                    + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (fromHost != null) {
                    st.setString(i++, "https://" + likeLiteral(fromHost) + "/%");
                    st.setString(i++, "http://" + likeLiteral(fromHost) + "/%");
                }
                st.setInt(i, limit);
                List<Unapplied> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(4);
                        String why = rs.getString(5);
                        rows.add(new Unapplied(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                rs.getString(2), rs.getString(3), state.equals("FAILED"),
                                why == null ? "" : why.replaceFirst("^ignored: ", "")));
                    }
                }
                return rows;
            }
        });
    }

    /** A host name as a LIKE pattern's literal part (its {@code _} and {@code %} matched as themselves). */
    private static String likeLiteral(String host) {
        return host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An activity that changed nothing here: when it came, its type and actor, failed for good or ignored, and why. */
    public record Unapplied(Instant receivedAt, String type, String actorUri, boolean failed, String reason) {
    }
}
