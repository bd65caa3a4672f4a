package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import org.hibernate.query.SelectionQuery;
import org.hibernate.Session;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;

/** Reads the activities local actors sent, inside the caller's transaction. */
public final class OutboundActivityRepository {
    /**
     * What an actor's outbox lists, as Mastodon builds one from the statuses that exist now: the public {@code Create}s
     * and {@code Announce}s whose object still exists as its own URL serves it to anyone — a post not deleted, not
     * withdrawn, not hidden or held back by a moderator, not community-only — or a poll. Updates and Deletes are not
     * items: a Create is shown with its object as it is now ({@code OutboxItems}), and a post that went simply goes.
     */
    private static final String LISTED = "from OutboundActivityEntity o where o.actor = :a and o.publicActivity = true"
            + " and o.activityType in ('Create', 'Announce')"
            + " and (exists (select 1 from ProposalEntity p where p.uri = o.objectUri and p.deletedAt is null"
            + " and p.status <> :withdrawn and p.moderation = :visible and p.audience <> :communityOnly)"
            + " or exists (select 1 from PollEntity q where q.uri = o.objectUri))";

    private OutboundActivityRepository() {
    }

    /** How many items an actor's outbox lists. */
    public static long countListed(Session s, ActorEntity actor) {
        return listed(s.createSelectionQuery("select count(*) " + LISTED, Long.class), actor).getSingleResult();
    }

    /** One page of an actor's outbox, newest first. */
    public static List<OutboundActivityEntity> listedPage(Session s, ActorEntity actor, int offset, int limit) {
        return listed(s.createSelectionQuery(LISTED + " order by o.id desc", OutboundActivityEntity.class), actor)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The newest public Update {@code actor} sent of {@code objectUri}: the object as its followers last got it. */
    public static Optional<OutboundActivityEntity> newestUpdate(Session s, ActorEntity actor, String objectUri) {
        return s.createSelectionQuery("from OutboundActivityEntity where objectUri = :o and actor = :a"
                        + " and publicActivity = true and activityType = 'Update' order by id desc",
                        OutboundActivityEntity.class).setParameter("o", objectUri).setParameter("a", actor)
                .setMaxResults(1).uniqueResultOptional();
    }

    private static <T> SelectionQuery<T> listed(SelectionQuery<T> query, ActorEntity actor) {
        return query.setParameter("a", actor).setParameter("withdrawn", ProposalStatus.WITHDRAWN)
                .setParameter("visible", ProposalEntity.Moderation.VISIBLE)
                .setParameter("communityOnly", Audience.COMMUNITY);
    }
}
