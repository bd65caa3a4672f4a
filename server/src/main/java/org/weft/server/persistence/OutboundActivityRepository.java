package org.weft.server.persistence;

import java.util.List;

import org.hibernate.Session;

/** Reads the activities local actors sent, inside the caller's transaction. */
public final class OutboundActivityRepository {
    private OutboundActivityRepository() {
    }

    /** How many public activities an actor's outbox lists. */
    public static long countPublic(Session s, ActorEntity actor) {
        return s.createSelectionQuery("select count(*) from OutboundActivityEntity where actor = :a and publicActivity = true",
                Long.class).setParameter("a", actor).getSingleResult();
    }

    /** One page of an actor's public activities, newest first. */
    public static List<OutboundActivityEntity> publicPage(Session s, ActorEntity actor, int offset, int limit) {
        return s.createSelectionQuery("from OutboundActivityEntity where actor = :a and publicActivity = true order by id desc",
                        OutboundActivityEntity.class).setParameter("a", actor)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
