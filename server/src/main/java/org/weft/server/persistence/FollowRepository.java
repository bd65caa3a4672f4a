package org.weft.server.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hibernate.Session;
import org.weft.server.model.ActorKind;

/**
 * Queries over follows, inside the caller's transaction. An accepted follower is <em>approved</em> when someone who
 * decides for the followee approved it ({@code approvedAt}), or when the followee itself follows it back in any state
 * (a local community linked to that community: the operator chose it).
 */
public final class FollowRepository {
    /** The approval condition on a follow aliased {@code f}: approved explicitly, or followed back by the followee. */
    private static final String APPROVED = "(f.approvedAt is not null or exists (select 1 from FollowEntity back"
            + " where back.follower = f.followee and back.followee = f.follower))";

    private FollowRepository() {
    }

    public static Optional<FollowEntity> between(Session s, ActorEntity follower, ActorEntity followee) {
        return s.createSelectionQuery("from FollowEntity where follower = :a and followee = :b", FollowEntity.class)
                .setParameter("a", follower).setParameter("b", followee).uniqueResultOptional();
    }

    /** Followers of an actor, newest first; {@code state} null means any state. */
    public static List<FollowEntity> followersOf(Session s, ActorEntity followee, FollowEntity.State state,
            int offset, int limit) {
        String hql = "from FollowEntity f join fetch f.follower where f.followee = :b"
                + (state == null ? "" : " and f.state = :st") + " order by f.id desc";
        var q = s.createSelectionQuery(hql, FollowEntity.class).setParameter("b", followee);
        if (state != null) {
            q.setParameter("st", state);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Whom an actor follows (accepted only), newest first. */
    public static List<FollowEntity> followingOf(Session s, ActorEntity follower, int offset, int limit) {
        return s.createSelectionQuery("from FollowEntity f join fetch f.followee where f.follower = :a and f.state = :st"
                        + " order by f.id desc", FollowEntity.class)
                .setParameter("a", follower).setParameter("st", FollowEntity.State.ACCEPTED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Everyone {@code follower} follows or has asked to follow (accepted and pending), newest first. */
    public static List<FollowEntity> followingOrAskedOf(Session s, ActorEntity follower) {
        return s.createSelectionQuery("from FollowEntity f join fetch f.followee where f.follower = :a order by f.id desc",
                FollowEntity.class).setParameter("a", follower).getResultList();
    }

    /** The follow with this Follow activity id, of this followee. */
    public static Optional<FollowEntity> byActivity(Session s, String activityUri, ActorEntity followee) {
        return s.createSelectionQuery("from FollowEntity where activityUri = :id and followee = :b", FollowEntity.class)
                .setParameter("id", activityUri).setParameter("b", followee).uniqueResultOptional();
    }

    /** Whether an actor has an accepted follower here. */
    public static boolean hasLocalFollower(Session s, ActorEntity actor) {
        return s.createSelectionQuery("select count(*) from FollowEntity f where f.followee = :a and f.state = :st"
                        + " and f.follower.local = true", Long.class)
                .setParameter("a", actor).setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult() > 0;
    }

    public static long countFollowers(Session s, ActorEntity followee) {
        return s.createSelectionQuery("select count(*) from FollowEntity where followee = :b and state = :st", Long.class)
                .setParameter("b", followee).setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult();
    }

    public static long countFollowing(Session s, ActorEntity follower) {
        return s.createSelectionQuery("select count(*) from FollowEntity where follower = :a and state = :st", Long.class)
                .setParameter("a", follower).setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult();
    }

    /** Accepted followers' actors, for planning deliveries to "followers". */
    public static List<ActorEntity> acceptedFollowerActors(Session s, ActorEntity followee) {
        return s.createSelectionQuery("select f.follower from FollowEntity f where f.followee = :b and f.state = :st",
                ActorEntity.class).setParameter("b", followee).setParameter("st", FollowEntity.State.ACCEPTED).getResultList();
    }

    /** The actors {@code follower} follows or asked to follow (any state): servers that know it as a follower. */
    public static List<ActorEntity> followeeActors(Session s, ActorEntity follower) {
        return s.createSelectionQuery("select f.followee from FollowEntity f where f.follower = :a order by f.id",
                ActorEntity.class).setParameter("a", follower).getResultList();
    }

    /** Approved followers' actors: who receives a community's posts that are not public. */
    public static List<ActorEntity> approvedFollowerActors(Session s, ActorEntity followee) {
        return s.createSelectionQuery("select f.follower from FollowEntity f where f.followee = :b and f.state = :st and "
                        + APPROVED + " order by f.id", ActorEntity.class)
                .setParameter("b", followee).setParameter("st", FollowEntity.State.ACCEPTED).getResultList();
    }

    /** How many approved followers an actor has, and on how many servers (domains) they are. */
    public static long[] countApproved(Session s, ActorEntity followee) {
        Object[] row = s.createSelectionQuery("select count(f), count(distinct f.follower.domain) from FollowEntity f"
                        + " where f.followee = :b and f.state = :st and " + APPROVED, Object[].class)
                .setParameter("b", followee).setParameter("st", FollowEntity.State.ACCEPTED).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** The approved followers' actor ids on the server {@code domain}: whom a copy fetched by that server names. */
    public static List<String> approvedFollowerUrisOn(Session s, ActorEntity followee, String domain) {
        return s.createSelectionQuery("select f.follower.uri from FollowEntity f where f.followee = :b and f.state = :st"
                        + " and f.follower.domain = :d and " + APPROVED + " order by f.id", String.class)
                .setParameter("b", followee).setParameter("st", FollowEntity.State.ACCEPTED).setParameter("d", domain)
                .getResultList();
    }

    /** Whether an actor (a local community) has an approved follower on the server {@code domain}. */
    public static boolean hasApprovedFollowerOn(Session s, long followeeId, String domain) {
        return s.createSelectionQuery("select count(*) from FollowEntity f where f.followee.id = :g and f.state = :st"
                                + " and f.follower.domain = :d and " + APPROVED, Long.class)
                .setParameter("g", followeeId).setParameter("st", FollowEntity.State.ACCEPTED)
                .setParameter("d", domain).getSingleResult() > 0;
    }

    /** The ids of the actors {@code follower} follows or asked to follow (any state): whom it links to. */
    public static Set<Long> followeeIdsOf(Session s, ActorEntity follower) {
        return new HashSet<>(s.createSelectionQuery("select f.followee.id from FollowEntity f where f.follower = :a",
                Long.class).setParameter("a", follower).getResultList());
    }

    /**
     * The ids of the actors on other servers that a local community follows, accepted: the communities it links to,
     * whose proposals it holds and lists on its board.
     */
    public static List<Long> linkedRemoteIds(Session s, long groupId) {
        return s.createSelectionQuery("select f.followee.id from FollowEntity f where f.follower.id = :g"
                        + " and f.followee.local = false and f.state = :st order by f.followee.id", Long.class)
                .setParameter("g", groupId).setParameter("st", FollowEntity.State.ACCEPTED).getResultList();
    }

    /**
     * The ids of the local communities that link to {@code remoteId}, a community on another server (follow it,
     * accepted): those whose boards hold its proposals.
     */
    public static List<Long> linkingCommunityIds(Session s, long remoteId) {
        return s.createSelectionQuery("select f.follower.id from FollowEntity f where f.followee.id = :r"
                        + " and f.follower.local = true and f.follower.kind = :group and f.state = :st", Long.class)
                .setParameter("r", remoteId).setParameter("group", ActorKind.GROUP)
                .setParameter("st", FollowEntity.State.ACCEPTED).getResultList();
    }

    /** Whether this accepted follow is approved: explicitly, or because the followee follows the follower back. */
    public static boolean isApproved(Session s, FollowEntity f) {
        return f.isAccepted() && (f.isApprovedExplicitly() || between(s, f.getFollowee(), f.getFollower()).isPresent());
    }

    public static int deleteAllInvolving(Session s, ActorEntity actor) {
        return s.createMutationQuery("delete from FollowEntity where follower = :a or followee = :a")
                .setParameter("a", actor).executeUpdate();
    }

    /** The actors of other servers that someone here follows (accepted follows), by id. */
    public static Set<Long> followedRemoteActorIds(Session s) {
        return new HashSet<>(s.createSelectionQuery("select distinct f.followee.id from FollowEntity f"
                        + " where f.follower.local = true and f.followee.local = false and f.state = :st", Long.class)
                .setParameter("st", FollowEntity.State.ACCEPTED).getResultList());
    }
}
