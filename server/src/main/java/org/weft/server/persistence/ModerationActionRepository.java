package org.weft.server.persistence;

import java.util.List;

import org.hibernate.Session;

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
}
