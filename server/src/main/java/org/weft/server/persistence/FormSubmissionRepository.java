package org.weft.server.persistence;

import java.time.Instant;

import org.hibernate.Session;

/** Removes old form submissions, inside the caller's transaction. */
public final class FormSubmissionRepository {
    private FormSubmissionRepository() {
    }

    /** Forgets submissions made before {@code oldest}; returns how many. */
    public static int deleteBefore(Session s, Instant oldest) {
        return s.createMutationQuery("delete from FormSubmissionEntity where submittedAt < :oldest")
                .setParameter("oldest", oldest).executeUpdate();
    }

    /** Forgets one submission (its form failed, so the same form may be sent again). */
    public static void delete(Session s, String token) {
        s.createMutationQuery("delete from FormSubmissionEntity where token = :t").setParameter("t", token).executeUpdate();
    }
}
