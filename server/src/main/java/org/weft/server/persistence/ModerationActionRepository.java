package org.weft.server.persistence;

import java.util.List;

import org.hibernate.Session;
import org.weft.server.model.ModerationActionKind;

/** Queries over the public moderation log. */
public final class ModerationActionRepository {
    private ModerationActionRepository() {
    }

    /** A community's log, newest first: its own actions and the instance-wide ones. */
    public static List<ModerationActionEntity> forCommunity(Session s, long communityId, int limit) {
        return s.createSelectionQuery("from ModerationActionEntity where communityId = :c or communityId is null"
                        + " order by createdAt desc, id desc", ModerationActionEntity.class)
                .setParameter("c", communityId).setMaxResults(limit).getResultList();
    }

    /** Whether the log holds an action of {@code kind} on {@code target} (a post's address, an account's, a server). */
    public static boolean has(Session s, ModerationActionKind kind, String target) {
        return s.createSelectionQuery("select count(*) from ModerationActionEntity where kind = :k and target = :t",
                        Long.class)
                .setParameter("k", kind).setParameter("t", target).getSingleResult() > 0;
    }
}
