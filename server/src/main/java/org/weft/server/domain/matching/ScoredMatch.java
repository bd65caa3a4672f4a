package org.weft.server.domain.matching;

import java.util.List;

/** A request and an offer that fit, how well (higher is better) and why. */
public record ScoredMatch(long requestId, long offerId, int score, List<Reason> reasons) {

    public ScoredMatch {
        reasons = List.copyOf(reasons);
    }

    /** The other side of the pair, seen from {@code proposalId}. */
    public long otherThan(long proposalId) {
        return proposalId == requestId ? offerId : requestId;
    }
}
