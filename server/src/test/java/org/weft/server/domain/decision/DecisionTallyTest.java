package org.weft.server.domain.decision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.weft.server.model.DecisionMajority;

/** The three majorities at their edges: a tie, exactly two thirds, one objection, no vote at all. */
class DecisionTallyTest {
    private static DecisionTally tally(long votesFor, long against, long objections) {
        return new DecisionTally(votesFor, against, objections, votesFor + against + objections);
    }

    @Test
    void aSimpleMajorityNeedsMoreForThanAgainst() {
        assertTrue(tally(2, 1, 0).reached(DecisionMajority.SIMPLE));
        assertTrue(tally(1, 0, 0).reached(DecisionMajority.SIMPLE));
        assertFalse(tally(1, 1, 0).reached(DecisionMajority.SIMPLE), "a tie is not a majority");
        assertFalse(tally(1, 2, 0).reached(DecisionMajority.SIMPLE));
        assertFalse(tally(0, 0, 0).reached(DecisionMajority.SIMPLE), "nobody voted");
    }

    @Test
    void twoThirdsIsReachedAtExactlyTwoThirdsOfTheVotesCast() {
        assertTrue(tally(2, 1, 0).reached(DecisionMajority.TWO_THIRDS), "exactly two thirds");
        assertTrue(tally(4, 2, 0).reached(DecisionMajority.TWO_THIRDS), "exactly two thirds");
        assertTrue(tally(1, 0, 0).reached(DecisionMajority.TWO_THIRDS));
        assertFalse(tally(3, 2, 0).reached(DecisionMajority.TWO_THIRDS), "60 % is less");
        assertFalse(tally(665, 333, 0).reached(DecisionMajority.TWO_THIRDS), "just under two thirds");
        assertTrue(tally(666, 333, 0).reached(DecisionMajority.TWO_THIRDS));
        assertFalse(tally(1, 1, 0).reached(DecisionMajority.TWO_THIRDS), "a tie");
        assertFalse(tally(0, 0, 0).reached(DecisionMajority.TWO_THIRDS), "nobody voted");
    }

    @Test
    void consentFailsOnOneObjectionAndNeedsOneVoteFor() {
        assertTrue(tally(1, 0, 0).reached(DecisionMajority.CONSENT));
        assertTrue(tally(1, 5, 0).reached(DecisionMajority.CONSENT), "against does not block");
        assertFalse(tally(9, 0, 1).reached(DecisionMajority.CONSENT), "one objection blocks");
        assertFalse(tally(0, 2, 0).reached(DecisionMajority.CONSENT), "nobody is for it");
        assertFalse(tally(0, 0, 0).reached(DecisionMajority.CONSENT), "nobody voted");
    }
}
