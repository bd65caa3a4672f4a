package org.weft.server.domain.decision;

import org.weft.server.model.DecisionMajority;

/**
 * A decision's final counts: votes for, against, "I object" (consent only) and how many voted. Each voter chose one
 * option, so {@code voters} is their sum. Members who did not vote count neither way: there is no abstention to count.
 *
 * @param votesFor     chose "for"
 * @param votesAgainst chose "against"
 * @param objections   chose "I object"
 * @param voters       how many voted
 */
public record DecisionTally(long votesFor, long votesAgainst, long objections, long voters) {
    /**
     * Whether {@code majority} was reached.
     * <ul>
     * <li>simple: more for than against (a tie, and no vote at all, are not a majority);</li>
     * <li>two thirds: for is at least two thirds of the votes cast, for and against (exactly two thirds is enough; no
     * vote at all is not);</li>
     * <li>consent: no objection, and at least one vote for (against says "I would rather not" without blocking).</li>
     * </ul>
     */
    public boolean reached(DecisionMajority majority) {
        return switch (majority) {
            case SIMPLE -> votesFor > votesAgainst;
            case TWO_THIRDS -> votesFor > 0 && votesFor * 3 >= (votesFor + votesAgainst) * 2;
            case CONSENT -> objections == 0 && votesFor > 0;
        };
    }
}
