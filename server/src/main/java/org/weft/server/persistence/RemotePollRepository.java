package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.weft.server.model.ActorKind;

/** Queries over polls from other servers, their reported counts, and the votes members here sent in them. */
public final class RemotePollRepository {
    private RemotePollRepository() {
    }

    public static Optional<RemotePollEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from RemotePollEntity where uri = :u", RemotePollEntity.class).setParameter("u", uri)
                .uniqueResultOptional();
    }

    /** The poll, its row locked until the transaction ends: a member's two clicks are decided one after another. */
    public static Optional<RemotePollEntity> lockById(Session s, long id) {
        return Optional.ofNullable(s.find(RemotePollEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The same, by the Question's id: an Update and a Delete of one poll are applied one after another. */
    public static Optional<RemotePollEntity> lockByUri(Session s, String uri) {
        return s.createSelectionQuery("from RemotePollEntity where uri = :u", RemotePollEntity.class).setParameter("u", uri)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional();
    }

    public static List<RemotePollOptionEntity> options(Session s, long pollId) {
        return s.createSelectionQuery("from RemotePollOptionEntity where pollId = :p order by position",
                RemotePollOptionEntity.class).setParameter("p", pollId).getResultList();
    }

    public static int deleteOptions(Session s, long pollId) {
        return s.createMutationQuery("delete from RemotePollOptionEntity where pollId = :p").setParameter("p", pollId)
                .executeUpdate();
    }

    /** Removes a poll with its options and the votes members sent in it. */
    public static void delete(Session s, RemotePollEntity poll) {
        s.createMutationQuery("delete from RemotePollVoteEntity where pollId = :p").setParameter("p", poll.getId())
                .executeUpdate();
        deleteOptions(s, poll.getId());
        s.remove(poll);
    }

    /**
     * Removes every poll {@code sender} sent, with their options and the votes members here sent in them (the actor
     * deleted itself); the number of polls removed.
     */
    public static int deleteAllBy(Session s, ActorEntity sender) {
        s.createMutationQuery("delete from RemotePollVoteEntity where pollId in (select p.id from RemotePollEntity p"
                + " where p.sender = :a)").setParameter("a", sender).executeUpdate();
        s.createMutationQuery("delete from RemotePollOptionEntity where pollId in (select p.id from RemotePollEntity p"
                + " where p.sender = :a)").setParameter("a", sender).executeUpdate();
        return s.createMutationQuery("delete from RemotePollEntity where sender = :a").setParameter("a", sender)
                .executeUpdate();
    }

    /** The options {@code memberId} chose in the poll (to refuse a second vote, and to tell the member alone). */
    public static List<Long> optionsChosenBy(Session s, long pollId, long memberId) {
        return s.createSelectionQuery("select optionId from RemotePollVoteEntity where pollId = :p and memberId = :m",
                Long.class).setParameter("p", pollId).setParameter("m", memberId).getResultList();
    }

    /** Whether a community here follows {@code sender} (an accepted follow): what makes its polls worth keeping. */
    public static boolean followedByLocalCommunity(Session s, ActorEntity sender) {
        return s.createSelectionQuery("select count(*) from FollowEntity f where f.followee = :a and f.state = :st"
                        + " and f.follower.local = true and f.follower.kind = :g", Long.class)
                .setParameter("a", sender).setParameter("st", FollowEntity.State.ACCEPTED)
                .setParameter("g", ActorKind.GROUP).getSingleResult() > 0;
    }

    /** The polls of the actors {@code communityId} follows (accepted), newest first: what its polls page lists. */
    public static List<RemotePollEntity> followedBy(Session s, long communityId, int limit) {
        return s.createSelectionQuery("from RemotePollEntity p join fetch p.sender where p.sender in (select f.followee"
                        + " from FollowEntity f where f.follower.id = :c and f.state = :st) order by p.receivedAt desc,"
                        + " p.id desc", RemotePollEntity.class)
                .setParameter("c", communityId).setParameter("st", FollowEntity.State.ACCEPTED).setMaxResults(limit)
                .getResultList();
    }

    /** The usernames of the communities here that follow {@code sender} (accepted), by name. */
    public static List<String> localCommunitiesFollowing(Session s, ActorEntity sender) {
        return s.createSelectionQuery("select f.follower.username from FollowEntity f where f.followee = :a"
                        + " and f.state = :st and f.follower.local = true and f.follower.kind = :g"
                        + " order by f.follower.username", String.class)
                .setParameter("a", sender).setParameter("st", FollowEntity.State.ACCEPTED)
                .setParameter("g", ActorKind.GROUP).getResultList();
    }
}
