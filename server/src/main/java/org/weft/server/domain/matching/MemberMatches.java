package org.weft.server.domain.matching;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.weft.server.domain.NotFoundException;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.ProposalEntity;

/**
 * A member's view of the matches: those that involve one of their own proposals, and dismissing one. When both
 * proposals of a match are local, it belongs to two members, and each one's dismissal is their own.
 */
public final class MemberMatches {
    /**
     * A match as the member sees it: their proposal, the other one (only what that proposal shows), and whether they
     * dismissed it.
     */
    public record View(MatchEntity match, ProposalEntity mine, ProposalEntity other, boolean dismissed) {
        /** {@code new}, {@code dismissed} (by this member) or {@code withdrawn} (a side stopped being open). */
        public String state() {
            return dismissed ? "dismissed" : match.getState().name().toLowerCase(Locale.ROOT);
        }

        /** New and not dismissed by this member: listed, and can be dismissed. */
        public boolean open() {
            return !dismissed && match.getState() == MatchEntity.State.NEW;
        }

        /** Withdrawn: a side stopped being open, or changed so that the two no longer fit (whether dismissed or not). */
        public boolean withdrawn() {
            return match.getState() == MatchEntity.State.WITHDRAWN;
        }

        /**
         * Whether the match ended because the link the other proposal came through ended (an unlink): the copy is no
         * longer held here, and it cannot be opened or answered from here until the link is back. Not one withdrawn
         * before the unlink (an edit or a withdrawal ended it then, and says so).
         */
        public boolean unlinked() {
            return !other.isLocal() && other.isDetached()
                    && !(withdrawn() && match.getUpdatedAt().isBefore(other.getDetachedAt()));
        }

        /**
         * Whether the other proposal's page here is gone (410 or 404 for this member): withdrawn or deleted by its
         * author, hidden by a moderator, or a copy no longer held. Its title then leads nowhere.
         */
        public boolean otherGone() {
            return other.isDeleted() || other.getStatus() == ProposalStatus.WITHDRAWN || other.isHeldByModerator()
                    || (!other.isLocal() && other.isDetached());
        }
    }

    private final Database db;
    private final Clock clock;

    public MemberMatches(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The member's matches, best first; withdrawn ones and those they dismissed only when {@code all}. */
    public List<View> forMember(long memberId, boolean all, int limit) {
        return forMember(memberId, all, null, limit);
    }

    /** As {@link #forMember(long, boolean, int)}, those of one of the member's proposals when {@code mineId} is set. */
    public List<View> forMember(long memberId, boolean all, Long mineId, int limit) {
        return db.inTransaction(s -> MatchRepository.ofMember(s, memberId, all, mineId, limit).stream()
                .map(pair -> view(pair.match(), pair.request(), pair.offer(), memberId))
                .toList());
    }

    /**
     * Dismisses a match for this member only (the other member of a local pair still has it); one that is not theirs
     * is "not found", not "forbidden". Returns the match as the member now sees it.
     */
    public View dismiss(long memberId, long matchId) {
        return db.inTransaction(s -> {
            MatchEntity m = s.find(MatchEntity.class, matchId);
            if (m == null) {
                throw new NotFoundException("No match " + matchId);
            }
            ProposalEntity request = s.find(ProposalEntity.class, m.getRequestId());
            ProposalEntity offer = s.find(ProposalEntity.class, m.getOfferId());
            boolean requestSide = isAuthor(request, memberId);
            boolean offerSide = isAuthor(offer, memberId);
            if (!requestSide && !offerSide) {
                throw new NotFoundException("No match " + matchId);
            }
            m.dismiss(requestSide, offerSide, clock.instant());
            return view(m, request, offer, memberId);
        });
    }

    private static View view(MatchEntity m, ProposalEntity request, ProposalEntity offer, long memberId) {
        boolean mineIsRequest = isAuthor(request, memberId);
        return mineIsRequest ? new View(m, request, offer, m.getRequestDismissedAt() != null)
                : new View(m, offer, request, m.getOfferDismissedAt() != null);
    }

    private static boolean isAuthor(ProposalEntity p, long memberId) {
        return p.isLocal() && p.getAuthor().getId() == memberId;
    }
}
