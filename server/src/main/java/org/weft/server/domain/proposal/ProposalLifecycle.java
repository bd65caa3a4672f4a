package org.weft.server.domain.proposal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.weft.server.domain.DomainException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.model.ProposalStatus;

/**
 * What may follow what in a proposal's life, in one table: which status a member may move a proposal to from each
 * status, and in which statuses each other action is allowed. The services check every action against it before they
 * change anything (docs/api.md prints the same table), and the pages offer only what it allows. Asking for the status
 * a proposal already has changes nothing and is not an error. A refusal is an {@link InvalidInputException} with a
 * code per action (docs/api.md lists them) and the status it is in, said in the reader's language.
 */
public final class ProposalLifecycle {
    /**
     * What an author may do to their proposal, besides moving its status, with the error code of its refusal. Declining
     * and deleting are allowed in every status today; their code serves if the table ever narrows them.
     */
    public enum Action {
        EDIT("proposal_not_editable"),
        RENEW("proposal_not_renewable"),
        ACCEPT_RESPONSE("proposal_not_accepting"),
        DECLINE_RESPONSE("proposal_action_not_allowed"),
        DELETE("proposal_action_not_allowed");

        private final String refusal;

        Action(String refusal) {
            this.refusal = refusal;
        }

        /** The code of the error that refuses this action, e.g. {@code proposal_not_editable}. */
        public String refusal() {
            return refusal;
        }
    }

    private static final Set<ProposalStatus> ACTIVE = EnumSet.of(ProposalStatus.OPEN, ProposalStatus.PROMISED);

    /** Which status a member may move a proposal to, from each status. {@code expired} is set only by the server. */
    private static final Map<ProposalStatus, Set<ProposalStatus>> MOVES = Map.of(
            ProposalStatus.OPEN, EnumSet.of(ProposalStatus.PROMISED, ProposalStatus.FULFILLED, ProposalStatus.WITHDRAWN),
            ProposalStatus.PROMISED, EnumSet.of(ProposalStatus.OPEN, ProposalStatus.FULFILLED, ProposalStatus.WITHDRAWN),
            ProposalStatus.EXPIRED, EnumSet.of(ProposalStatus.WITHDRAWN),
            ProposalStatus.FULFILLED, EnumSet.noneOf(ProposalStatus.class),
            ProposalStatus.WITHDRAWN, EnumSet.noneOf(ProposalStatus.class));

    /** In which statuses each action is allowed. */
    private static final Map<Action, Set<ProposalStatus>> ACTIONS = Map.of(
            Action.EDIT, ACTIVE,
            Action.RENEW, EnumSet.of(ProposalStatus.OPEN, ProposalStatus.PROMISED, ProposalStatus.EXPIRED),
            Action.ACCEPT_RESPONSE, ACTIVE,
            // Turning a response down stays possible once the proposal is closed: the responder may still be waiting.
            Action.DECLINE_RESPONSE, EnumSet.allOf(ProposalStatus.class),
            Action.DELETE, EnumSet.allOf(ProposalStatus.class));

    private ProposalLifecycle() {
    }

    /** The statuses a member may move a proposal in {@code from} to (not including {@code from} itself). */
    public static Set<ProposalStatus> movesFrom(ProposalStatus from) {
        return EnumSet.copyOf(MOVES.get(from)); // the values are EnumSets, so an empty one copies too
    }

    /** Whether a member may move a proposal from {@code from} to {@code to} (the same status is always allowed). */
    public static boolean mayMove(ProposalStatus from, ProposalStatus to) {
        return from == to || MOVES.get(from).contains(to);
    }

    public static boolean may(Action action, ProposalStatus status) {
        return ACTIONS.get(action).contains(status);
    }

    /**
     * @throws InvalidInputException {@code status_change_not_allowed} (on the field {@code status}) when the lifecycle
     *                               does not allow the move; nothing has been changed yet
     */
    public static void requireMove(ProposalStatus from, ProposalStatus to) {
        if (!mayMove(from, to)) {
            throw InvalidInputException.field("status", "status_change_not_allowed", term(from), term(to));
        }
    }

    /**
     * @throws InvalidInputException with the action's {@link Action#refusal() code} when the lifecycle does not allow
     *                               it; nothing has been changed yet
     */
    public static void require(Action action, ProposalStatus status) {
        if (!may(action, status)) {
            throw InvalidInputException.of(action.refusal(), term(status));
        }
    }

    /** The status's name, translated with the rest of the sentence. */
    private static DomainException.Term term(ProposalStatus status) {
        return new DomainException.Term("status." + status.wire());
    }
}
