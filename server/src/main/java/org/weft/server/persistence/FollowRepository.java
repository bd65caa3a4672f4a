package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/** Queries over follows, inside the caller's transaction. */
public final class FollowRepository {
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

    /** The follow with this Follow activity id, of this followee. */
    public static Optional<FollowEntity> byActivity(Session s, String activityUri, ActorEntity followee) {
        return s.createSelectionQuery("from FollowEntity where activityUri = :id and followee = :b", FollowEntity.class)
                .setParameter("id", activityUri).setParameter("b", followee).uniqueResultOptional();
    }

    /** Whether an actor (a local community) has an accepted follower on the server {@code domain}. */
    public static boolean hasAcceptedFollowerOn(Session s, long followeeId, String domain) {
        return s.createSelectionQuery(
                        "select count(*) from FollowEntity f where f.followee.id = :g and f.state = :st"
                                + " and f.follower.domain = :d",
                        Long.class)
                .setParameter("g", followeeId).setParameter("st", FollowEntity.State.ACCEPTED)
                .setParameter("d", domain).getSingleResult() > 0;
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

    public static int deleteAllInvolving(Session s, ActorEntity actor) {
        return s.createMutationQuery("delete from FollowEntity where follower = :a or followee = :a")
                .setParameter("a", actor).executeUpdate();
    }
}
