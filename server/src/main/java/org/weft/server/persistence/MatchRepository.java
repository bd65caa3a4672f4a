package org.weft.server.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

/** Queries over stored matches, inside the caller's transaction. */
public final class MatchRepository {
    /** The order of a member's matches: by score, then newest first, as the page lists them. */
    private static final Comparator<Pair> BEST_FIRST = Comparator.comparingInt((Pair p) -> p.match().getScore())
            .thenComparing(p -> p.match().getId()).reversed();

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
     * unless {@code all}. Read one side at a time, each from the member's own proposals (the author index) to their
     * matches: asked as one statement with both sides joined by OR, the database read every NEW match of the
     * instance and sorted them (ProposalIndexPlanTest). A match between two of the member's own proposals comes once.
     * Left out: a match with a proposal by an account the member blocked, or that the community of the member's
     * proposal blocked or whose server it refuses (FEDERATION.md, "Blocks and the proposals of followed accounts"): a
     * member's follow keeps such an account's proposals here, and the matcher, which knows no blocks, pairs them with
     * everyone's; read here, a block placed later hides the match too, and a lifted one shows it again.
     */
    public static List<Pair> ofMember(Session s, long memberId, boolean all, int limit) {
        return ofMember(s, memberId, all, null, limit);
    }

    /** As {@link #ofMember(Session, long, boolean, int)}; only those of the member's proposal {@code mineId} if set. */
    public static List<Pair> ofMember(Session s, long memberId, boolean all, Long mineId, int limit) {
        Map<Long, Pair> byMatch = new LinkedHashMap<>();
        for (Pair p : ofMemberSide(s, "r", "requestDismissedAt", memberId, all, mineId, limit)) {
            byMatch.put(p.match().getId(), p);
        }
        for (Pair p : ofMemberSide(s, "o", "offerDismissedAt", memberId, all, mineId, limit)) {
            byMatch.putIfAbsent(p.match().getId(), p);
        }
        return byMatch.values().stream().sorted(BEST_FIRST).limit(limit).toList();
    }

    /**
     * The other proposal's author is not blocked by the member ({@code :me}) nor by the community of the member's
     * proposal, and that community does not refuse the author's server; by the foreign keys alone, so that the
     * member's proposals and their matches are still read as ProposalIndexPlanTest checks.
     */
    private static String notBlocked(String mine, String other) {
        return " and not exists (select 1 from AccountBlockEntity b where b.blocked.id = " + other + ".author.id"
                + " and (b.blocker.id = :me or b.blocker.id = " + mine + ".group.id))"
                + " and not exists (select 1 from CommunityServerBlockEntity refused, ActorEntity sender"
                + " where sender.id = " + other + ".author.id and sender.local = false and refused.domain = sender.domain"
                + " and refused.communityId = " + mine + ".group.id)";
    }

    /** The matches of the member's proposals on one side ({@code mine}: {@code r} requests, {@code o} offers). */
    private static List<Pair> ofMemberSide(Session s, String mine, String dismissedAt, long memberId, boolean all,
                                           Long mineId, int limit) {
        String open = all ? "" : " and m.state = :new and m." + dismissedAt + " is null";
        String one = mineId == null ? "" : " and " + mine + ".id = :mine";
        String other = "r".equals(mine) ? "o" : "r";
        var query = s.createSelectionQuery("select m, r, o from MatchEntity m, ProposalEntity r, ProposalEntity o"
                        + " where r.id = m.requestId and o.id = m.offerId and " + mine + ".local = true and " + mine
                        + ".author.id = :me" + open + one + notBlocked(mine, other) + " order by m.score desc, m.id desc",
                        Object[].class)
                .setParameter("me", memberId);
        if (!all) {
            query.setParameter("new", MatchEntity.State.NEW);
        }
        if (mineId != null) {
            query.setParameter("mine", mineId);
        }
        return query.setMaxResults(limit).getResultList().stream()
                .map(row -> new Pair((MatchEntity) row[0], (ProposalEntity) row[1], (ProposalEntity) row[2]))
                .toList();
    }
}
