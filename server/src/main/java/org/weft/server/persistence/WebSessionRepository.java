package org.weft.server.persistence;

import java.time.Instant;

import org.hibernate.Session;

/** Deletes web login sessions, inside the caller's transaction. */
public final class WebSessionRepository {
    private WebSessionRepository() {
    }

    /** Ends one session, by the digest of its secret. */
    public static void delete(Session s, String id) {
        s.createMutationQuery("delete from WebSessionEntity where id = :id").setParameter("id", id).executeUpdate();
    }

    /** Ends every session of a member. */
    public static void deleteAllOf(Session s, long memberId) {
        s.createMutationQuery("delete from WebSessionEntity where memberId = :m").setParameter("m", memberId).executeUpdate();
    }

    /** Ends every session of a member but one (the one they are using), by the digest of its secret. */
    public static void deleteAllOfExcept(Session s, long memberId, String keptId) {
        s.createMutationQuery("delete from WebSessionEntity where memberId = :m and id <> :kept")
                .setParameter("m", memberId).setParameter("kept", keptId == null ? "" : keptId).executeUpdate();
    }

    /** Removes sessions expired at {@code now}; returns how many. */
    public static int deleteExpired(Session s, Instant now) {
        return s.createMutationQuery("delete from WebSessionEntity where expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
