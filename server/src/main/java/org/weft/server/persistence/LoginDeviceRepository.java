package org.weft.server.persistence;

import java.time.Instant;

import org.hibernate.Session;

/** Forgets the browsers members signed in from, inside the caller's transaction. */
public final class LoginDeviceRepository {
    private LoginDeviceRepository() {
    }

    /** Forgets a member's browsers last used before {@code oldest}. */
    public static void deleteUnusedSince(Session s, long memberId, Instant oldest) {
        s.createMutationQuery("delete from LoginDeviceEntity where memberId = :m and lastUsedAt < :oldest")
                .setParameter("m", memberId).setParameter("oldest", oldest).executeUpdate();
    }

    /** Forgets every browser of a member. */
    public static void deleteAllOf(Session s, long memberId) {
        s.createMutationQuery("delete from LoginDeviceEntity where memberId = :m").setParameter("m", memberId)
                .executeUpdate();
    }
}
