package org.weft.server.domain.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hibernate.Session;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;

/**
 * The stored matches: one row per request-offer pair, created NEW, rescored when either side changes,
 * WITHDRAWN when either side stops being open or fitting, and NEW again when it fits again. A member's
 * dismissal is kept beside the state (per side, see {@link MatchEntity}) and survives all of this.
 */
final class MatchStore {

    /** What one proposal's change did to its stored matches: those new now, and those it withdrew. */
    record Reconciled(List<MatchEntity> fresh, List<MatchEntity> withdrawn) {
    }

    /**
     * Brings the stored matches of {@code proposalId} in line with what the index found. A NEW match that
     * is not among {@code found} is asked once more through {@code rescore} (it may simply have ranked
     * below the limit) and withdrawn only when it no longer fits.
     */
    Reconciled reconcile(Session s, long proposalId, Collection<ScoredMatch> found,
                         BiFunction<Long, Long, Optional<ScoredMatch>> rescore, Instant now) {
        Map<String, MatchEntity> existing = new HashMap<>();
        for (MatchEntity m : MatchRepository.involving(s, proposalId)) {
            existing.put(key(m.getRequestId(), m.getOfferId()), m);
        }
        List<MatchEntity> fresh = new ArrayList<>();
        for (ScoredMatch match : found) {
            MatchEntity row = existing.remove(key(match.requestId(), match.offerId()));
            if (row == null) {
                row = new MatchEntity(match.requestId(), match.offerId(), match.score(),
                        Reason.encodeAll(match.reasons()), now);
                s.persist(row);
                fresh.add(row);
            } else {
                rescore(row, match, now);
                if (row.getState() == MatchEntity.State.WITHDRAWN) {
                    row.setState(MatchEntity.State.NEW, now);
                    fresh.add(row);
                }
            }
        }
        List<MatchEntity> withdrawn = new ArrayList<>();
        for (MatchEntity row : existing.values()) {
            if (row.getState() == MatchEntity.State.NEW) {
                Optional<ScoredMatch> still = rescore.apply(row.getRequestId(), row.getOfferId());
                if (still.isPresent()) {
                    rescore(row, still.get(), now);
                } else {
                    row.setState(MatchEntity.State.WITHDRAWN, now);
                    withdrawn.add(row);
                }
            }
        }
        return new Reconciled(fresh, withdrawn);
    }

    /** Withdraws every NEW match of one proposal, and returns them. */
    List<MatchEntity> withdrawAllOf(Session s, long proposalId, Instant now) {
        List<MatchEntity> withdrawn = MatchRepository.newInvolving(s, proposalId);
        withdrawn.forEach(m -> m.setState(MatchEntity.State.WITHDRAWN, now));
        return withdrawn;
    }

    /** Withdraws every NEW match of these proposals; returns how many. */
    int withdrawAll(Session s, Collection<Long> proposalIds, Instant now) {
        if (proposalIds.isEmpty()) {
            return 0;
        }
        return MatchRepository.withdrawNew(s, proposalIds, now);
    }

    private static void rescore(MatchEntity row, ScoredMatch match, Instant now) {
        row.rescore(match.score(), Reason.encodeAll(match.reasons()), now);
    }

    private static String key(long requestId, long offerId) {
        return requestId + "/" + offerId;
    }
}
