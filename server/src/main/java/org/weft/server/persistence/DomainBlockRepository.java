package org.weft.server.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/**
 * Queries over domain blocks, and the clean-up a suspension does on what is stored from that server. "Actors of a
 * domain" means actors whose {@code domain} (host, or host:port) is the blocked name, or a subdomain of it, or the
 * blocked name on any port when the block names none.
 */
public final class DomainBlockRepository {
    /** Actors (alias {@code a}) of the domain {@code :d}; see the class comment. */
    private static final String OF_DOMAIN = "(a.domain = :d or a.domain like concat('%.', :d)"
            + " or a.domain like concat(:d, ':%') or a.domain like concat('%.', :d, ':%'))";

    private DomainBlockRepository() {
    }

    public static List<DomainBlockEntity> all(Session s) {
        return s.createSelectionQuery("from DomainBlockEntity order by domain", DomainBlockEntity.class).getResultList();
    }

    public static Optional<DomainBlockEntity> byDomain(Session s, String domain) {
        return s.createSelectionQuery("from DomainBlockEntity where domain = :d", DomainBlockEntity.class)
                .setParameter("d", domain).uniqueResultOptional();
    }

    /** Removes every follow between an actor of {@code domain} and anyone; returns how many. */
    public static int deleteFollowsWith(Session s, String domain) {
        return s.createMutationQuery("delete from FollowEntity f where f.follower.id in (select a.id from ActorEntity a"
                        + " where a.local = false and " + OF_DOMAIN + ") or f.followee.id in (select a.id from ActorEntity a"
                        + " where a.local = false and " + OF_DOMAIN + ")")
                .setParameter("d", domain).executeUpdate();
    }

    /**
     * Turns away the stored proposals of actors of {@code domain} that are not already turned away (they leave boards
     * and matching: the decision time tells the matcher); returns how many.
     */
    public static int hideProposalsFrom(Session s, String domain, Instant now) {
        return s.createMutationQuery("update ProposalEntity p set p.moderation = :rejected, p.moderatedAt = :now"
                        + " where p.local = false and p.moderation <> :rejected and p.author.id in"
                        + " (select a.id from ActorEntity a where a.local = false and " + OF_DOMAIN + ")")
                .setParameter("rejected", ProposalEntity.Moderation.REJECTED).setParameter("now", now)
                .setParameter("d", domain).executeUpdate();
    }

    /** Hides the stored responses sent by actors of {@code domain}; returns how many. */
    public static int hideResponsesFrom(Session s, String domain, Instant now) {
        return s.createMutationQuery("update ResponseEntity r set r.hiddenAt = :now where r.hiddenAt is null"
                        + " and r.responder.id in (select a.id from ActorEntity a where a.local = false and " + OF_DOMAIN + ")")
                .setParameter("now", now).setParameter("d", domain).executeUpdate();
    }
}
