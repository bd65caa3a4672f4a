package org.weft.server.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/** The reading side of the change feed ({@link ChangeFeed} writes it): the rows a node has not seen yet. */
public final class ChangeFeedEntries {
    private ChangeFeedEntries() {
    }

    /** One change: what kind, which one, and the node that made it. */
    public record Change(long id, ChangeKind kind, String subject, String node) {
    }

    /** The newest id now (0 when empty): a node that starts reads from here, its caches being empty anyway. */
    public static long maxId(Session s) {
        Long max = s.createNativeQuery("SELECT MAX(id) FROM change_feed", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The newest change of one kind: its id and when it was made. */
    public record Latest(long id, Instant at) {
    }

    /**
     * The newest change of {@code kind}, if any is kept: read backwards along the primary key, it stops at the first
     * row of that kind, which for proposals is one of the last few.
     */
    public static Optional<Latest> latest(Session s, ChangeKind kind) {
        List<Object[]> rows = s.createNativeQuery("SELECT id, changed_at FROM change_feed WHERE kind = ?1 ORDER BY id DESC"
                + " LIMIT 1", Object[].class).setParameter(1, kind.name()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object at = rows.getFirst()[1];
        LocalDateTime utc = at instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) at;
        return Optional.of(new Latest(((Number) rows.getFirst()[0]).longValue(), utc.toInstant(ZoneOffset.UTC)));
    }

    /** Up to {@code limit} changes after {@code id}, oldest first. */
    public static List<Change> after(Session s, long id, int limit) {
        return changes(s.createNativeQuery("SELECT id, kind, subject, node FROM change_feed WHERE id > ?1 ORDER BY id"
                + " LIMIT " + limit, Object[].class).setParameter(1, id).getResultList());
    }

    /** The changes among these ids that exist now (ids skipped earlier, whose transactions committed late). */
    public static List<Change> withIds(Session s, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return changes(s.createNativeQuery("SELECT id, kind, subject, node FROM change_feed WHERE id IN (?1) ORDER BY id",
                Object[].class).setParameterList(1, ids).getResultList());
    }

    /**
     * Adds a change that is not a row's (a sign-in the other nodes count), in the caller's transaction; row changes are
     * added by {@link ChangeFeed} itself.
     */
    public static void add(Session s, ChangeKind kind, String subject, String node, Instant at) {
        s.createNativeMutationQuery("INSERT INTO change_feed (kind, subject, node, changed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, kind.name()).setParameter(2, subject).setParameter(3, node)
                .setParameter(4, LocalDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }

    /** Removes up to {@code limit} changes made before {@code before}; returns how many. */
    public static int deleteBefore(Session s, Instant before, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT id FROM change_feed WHERE changed_at < ?1 ORDER BY id LIMIT " + limit,
                Long.class).setParameter(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC)).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return s.createNativeMutationQuery("DELETE FROM change_feed WHERE id IN (?1)")
                .setParameterList(1, ids).executeUpdate();
    }

    private static List<Change> changes(List<Object[]> rows) {
        List<Change> changes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ChangeKind kind;
            try {
                kind = ChangeKind.valueOf((String) row[1]);
            } catch (IllegalArgumentException newer) {
                continue; // written by a newer version of Weft during a rolling upgrade: nothing here keeps it
            }
            changes.add(new Change(((Number) row[0]).longValue(), kind, (String) row[2], (String) row[3]));
        }
        return changes;
    }
}
