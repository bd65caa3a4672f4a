package org.weft.server.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.hibernate.Session;

/** Queries over the thanks (Likes, emoji reactions) on proposals, inside the caller's transaction. */
public final class ThanksRepository {
    private ThanksRepository() {
    }

    /** Whether this Like or reaction is kept already (a redelivery changes nothing). */
    public static boolean exists(Session s, String activityUri) {
        return s.createSelectionQuery("select count(*) from ThanksEntity where activityUri = :u", Long.class)
                .setParameter("u", activityUri).getSingleResult() > 0;
    }

    /** Removes the thanks this activity gave, if {@code actorId} gave it; returns whether it did. */
    public static boolean deleteByActivity(Session s, String activityUri, long actorId) {
        return s.createMutationQuery("delete from ThanksEntity where activityUri = :u and actorId = :a")
                .setParameter("u", activityUri).setParameter("a", actorId).executeUpdate() > 0;
    }

    /** Removes every thanks an actor gave (the actor was deleted); returns how many. */
    public static int deleteAllBy(Session s, long actorId) {
        return s.createMutationQuery("delete from ThanksEntity where actorId = :a").setParameter("a", actorId)
                .executeUpdate();
    }

    /** How many different actors thanked this proposal. */
    public static long count(Session s, long proposalId) {
        return s.createSelectionQuery("select count(distinct t.actorId) from ThanksEntity t where t.proposalId = :p",
                Long.class).setParameter("p", proposalId).getSingleResult();
    }

    /** How many different actors thanked each of these proposals (those nobody thanked are left out). */
    public static Map<Long, Long> counts(Session s, Collection<Long> proposalIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return counts;
        }
        s.createSelectionQuery("select t.proposalId, count(distinct t.actorId) from ThanksEntity t"
                        + " where t.proposalId in (:ids) group by t.proposalId", Object[].class)
                .setParameterList("ids", proposalIds).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
