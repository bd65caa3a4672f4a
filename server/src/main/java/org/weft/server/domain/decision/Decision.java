package org.weft.server.domain.decision;

import java.net.URI;
import java.time.Instant;

import org.weft.server.model.DecisionMajority;
import org.weft.server.model.DecisionOutcome;

/**
 * A decision as anyone may see it: what was proposed, the majority that applied, and once decided, the outcome and the
 * counts. Never who voted.
 *
 * @param pollUri       its poll (the vote, and its page)
 * @param question      the poll's question
 * @param proposedRules the proposed rules, in full
 * @param majority      the majority that applies (the community's when the poll opened)
 * @param outcome       null while the poll is open
 * @param tally         the final counts (zeros while open)
 * @param openedAt      when the poll opened
 * @param endsAt        when voting stops (or stopped)
 * @param decidedAt     when it was decided, or null
 * @param closedEarly   a moderator closed its poll before the end time
 */
public record Decision(String pollUri, String question, String proposedRules, DecisionMajority majority,
                       DecisionOutcome outcome, DecisionTally tally, Instant openedAt, Instant endsAt, Instant decidedAt,
                       boolean closedEarly) {
    /** The path of its poll's page on this server. */
    public String pollPath() {
        return URI.create(pollUri).getRawPath();
    }
}
