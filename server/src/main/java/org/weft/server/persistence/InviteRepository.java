package org.weft.server.persistence;

import java.util.List;

import org.hibernate.Session;

/** Queries over sign-up invites, inside the caller's transaction. */
public final class InviteRepository {
    private InviteRepository() {
    }

    /** The newest invites first. */
    public static List<InviteEntity> newest(Session s, int limit) {
        return s.createSelectionQuery("from InviteEntity order by createdAt desc", InviteEntity.class)
                .setMaxResults(limit).getResultList();
    }
}
