package org.weft.server.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;

/** Queries over polls, their options and their votes (counts only leave this class, never who voted for what). */
public final class PollRepository {
    private PollRepository() {
    }

    public static Optional<PollEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from PollEntity where uri = :u", PollEntity.class).setParameter("u", uri)
                .uniqueResultOptional();
    }

    /** The poll, its row locked until the transaction ends: votes on one poll are counted one after another. */
    public static Optional<PollEntity> lockByUri(Session s, String uri) {
        return s.createSelectionQuery("from PollEntity where uri = :u", PollEntity.class).setParameter("u", uri)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional();
    }

    /** A community's polls, newest first. */
    public static List<PollEntity> ofCommunity(Session s, long communityId, int limit) {
        return s.createSelectionQuery("from PollEntity where community.id = :c order by createdAt desc, id desc",
                PollEntity.class).setParameter("c", communityId).setMaxResults(limit).getResultList();
    }

    public static List<PollOptionEntity> options(Session s, long pollId) {
        return s.createSelectionQuery("from PollOptionEntity where pollId = :p order by position", PollOptionEntity.class)
                .setParameter("p", pollId).getResultList();
    }

    /** How many voters chose each option, by option id (options nobody chose are absent). */
    public static Map<Long, Long> countsByOption(Session s, long pollId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : s.createSelectionQuery("select optionId, count(*) from PollVoteEntity where pollId = :p"
                + " group by optionId", Object[].class).setParameter("p", pollId).getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** How many different voters voted (Mastodon's {@code votersCount}). */
    public static long voterCount(Session s, long pollId) {
        return s.createSelectionQuery("select count(distinct voterId) from PollVoteEntity where pollId = :p", Long.class)
                .setParameter("p", pollId).getSingleResult();
    }

    /** The options this voter chose in this poll (to refuse a second vote; never shown to anyone else). */
    public static List<Long> optionsChosenBy(Session s, long pollId, long voterId) {
        return s.createSelectionQuery("select optionId from PollVoteEntity where pollId = :p and voterId = :v",
                Long.class).setParameter("p", pollId).setParameter("v", voterId).getResultList();
    }

    /** Open polls whose end time has come: the closing job makes them final. */
    public static List<PollEntity> endedButOpen(Session s, Instant now, int limit) {
        return s.createSelectionQuery("from PollEntity where closedAt is null and endsAt <= :now order by endsAt",
                PollEntity.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Polls whose followers are owed an Update of the counts by {@code now}. */
    public static List<PollEntity> resultsDue(Session s, Instant now, int limit) {
        return s.createSelectionQuery("from PollEntity where resultsDueAt is not null and resultsDueAt <= :now"
                + " order by resultsDueAt", PollEntity.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
