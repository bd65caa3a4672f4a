package org.weft.server.matching;

import java.time.Clock;
import java.util.List;
import org.weft.server.domain.NotFoundException;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;

/** A member's view of the matches: those that involve one of their own proposals, and dismissing one. */
public final class MemberMatches {
    /** A match as the member sees it: their proposal and the other one (only what that proposal shows). */
    public record View(MatchEntity match, ProposalEntity mine, ProposalEntity other) {
    }

    private final Database db;
    private final Clock clock;

    public MemberMatches(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The member's matches, best first; withdrawn and dismissed ones only when {@code all}. */
    public List<View> forMember(long memberId, boolean all, int limit) {
        return db.inTransaction(s -> s.createSelectionQuery("select m, r, o"
                                + " from MatchEntity m, ProposalEntity r,"
                                + " ProposalEntity o where r.id = m.requestId and o.id = m.offerId and (:all = true or m.state = :new)"
                                + " and ((r.local = true and r.author.id = :me) or (o.local = true and o.author.id = :me))"
                                + " order by m.score desc, m.id desc", Object[].class)
                .setParameter("all", all).setParameter("new", MatchEntity.State.NEW).setParameter("me", memberId)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> {
                    ProposalEntity request = (ProposalEntity) row[1];
                    ProposalEntity offer = (ProposalEntity) row[2];
                    boolean mineIsRequest = request.isLocal() && request.getAuthor().getId() == memberId;
                    return new View((MatchEntity) row[0], mineIsRequest ? request : offer, mineIsRequest ? offer : request);
                }).toList());
    }

    /** Dismisses a match of the member's; one that is not theirs is "not found", not "forbidden". */
    public MatchEntity dismiss(long memberId, long matchId) {
        return db.inTransaction(s -> {
            MatchEntity m = s.find(MatchEntity.class, matchId);
            if (m == null) {
                throw new NotFoundException("No match " + matchId);
            }
            ProposalEntity request = s.find(ProposalEntity.class, m.getRequestId());
            ProposalEntity offer = s.find(ProposalEntity.class, m.getOfferId());
            boolean theirs = request.isLocal() && request.getAuthor().getId() == memberId
                    || offer.isLocal() && offer.getAuthor().getId() == memberId;
            if (!theirs) {
                throw new NotFoundException("No match " + matchId);
            }
            if (m.getState() == MatchEntity.State.NEW) {
                m.setState(MatchEntity.State.DISMISSED, clock.instant());
            }
            return m;
        });
    }
}
