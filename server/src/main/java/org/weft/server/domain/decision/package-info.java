/**
 * Decisions by the people involved (issue 19 item 2): a poll tied to a change of a community's rules
 * ({@link org.weft.server.domain.decision.DecisionService} opens it through {@code domain.poll}), the majority each
 * community sets ({@link org.weft.server.domain.decision.DecisionTally} says whether it was reached), and the outcome
 * settled once, in the transaction that closes the poll ({@link org.weft.server.domain.decision.DecisionOutcomes}).
 * Counts only: who voted for what stays with the poll's votes.
 */
package org.weft.server.domain.decision;
