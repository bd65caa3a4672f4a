package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;

/** Queries over decisions (counts only: who voted stays in {@link PollRepository}'s votes). */
public final class DecisionRepository {
    private DecisionRepository() {
    }

    /** The decision a poll is tied to, its row locked until the transaction ends: it is decided once. */
    public static Optional<DecisionEntity> lockByPoll(Session s, long pollId) {
        return s.createSelectionQuery("from DecisionEntity where pollId = :p", DecisionEntity.class)
                .setParameter("p", pollId).setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional();
    }

    public static Optional<DecisionEntity> byPoll(Session s, long pollId) {
        return s.createSelectionQuery("from DecisionEntity where pollId = :p", DecisionEntity.class)
                .setParameter("p", pollId).uniqueResultOptional();
    }

    /** A community's decisions with their polls, newest first. */
    public static List<Object[]> ofCommunity(Session s, long communityId, int limit) {
        return s.createSelectionQuery("select d, p from DecisionEntity d, PollEntity p where p.id = d.pollId"
                        + " and d.communityId = :c order by d.createdAt desc, d.id desc", Object[].class)
                .setParameter("c", communityId).setMaxResults(limit).getResultList();
    }
}
