package org.weft.server.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.hibernate.Session;

/** Queries over stored matches, inside the caller's transaction. */
public final class MatchRepository {
    private MatchRepository() {
    }

    /** A match with its two proposals. */
    public record Pair(MatchEntity match, ProposalEntity request, ProposalEntity offer) {
    }

    /** Every stored match that has this proposal on either side. */
    public static List<MatchEntity> involving(Session s, long proposalId) {
        return s.createSelectionQuery("from MatchEntity where requestId = :p or offerId = :p", MatchEntity.class)
                .setParameter("p", proposalId).getResultList();
    }

    /** The NEW matches that have this proposal on either side. */
    public static List<MatchEntity> newInvolving(Session s, long proposalId) {
        return s.createSelectionQuery("from MatchEntity where state = :n and (requestId = :p or offerId = :p)",
                        MatchEntity.class)
                .setParameter("n", MatchEntity.State.NEW).setParameter("p", proposalId).getResultList();
    }

    /** Withdraws every NEW match of these proposals; returns how many. */
    public static int withdrawNew(Session s, Collection<Long> proposalIds, Instant now) {
        return s.createMutationQuery("update MatchEntity set state = :w, updatedAt = :now where state = :n"
                        + " and (requestId in (:ids) or offerId in (:ids))")
                .setParameter("w", MatchEntity.State.WITHDRAWN).setParameter("n", MatchEntity.State.NEW)
                .setParameter("now", now).setParameterList("ids", proposalIds).executeUpdate();
    }

    /**
     * The matches of a member's own proposals, best first: only NEW ones the member has not dismissed on their side,
     * unless {@code all}.
     */
    public static List<Pair> ofMember(Session s, long memberId, boolean all, int limit) {
        return s.createSelectionQuery("select m, r, o from MatchEntity m, ProposalEntity r,"
                        + " ProposalEntity o where r.id = m.requestId and o.id = m.offerId"
                        + " and ((r.local = true and r.author.id = :me"
                        + "       and (:all = true or (m.state = :new and m.requestDismissedAt is null)))"
                        + "   or (o.local = true and o.author.id = :me"
                        + "       and (:all = true or (m.state = :new and m.offerDismissedAt is null))))"
                        + " order by m.score desc, m.id desc", Object[].class)
                .setParameter("all", all).setParameter("new", MatchEntity.State.NEW).setParameter("me", memberId)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> new Pair((MatchEntity) row[0], (ProposalEntity) row[1], (ProposalEntity) row[2]))
                .toList();
    }
}
