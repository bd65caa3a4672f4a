package org.weft.server.domain.response;

import java.util.Locale;

import org.hibernate.Session;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.proposal.ProposalLifecycle;
import org.weft.server.persistence.ResponseEntity;

/**
 * When an author may accept or decline a response, in one place: the service refuses by this rule and the proposal
 * page offers only the buttons it allows, so a button never leads to a refusal. A response is decided once (the
 * responder has been told), and only in the statuses {@link ProposalLifecycle} allows for each decision: accepting
 * while the proposal is open or promised, declining in any status; never on a proposal a moderator hid, and never on a
 * response from an account blocked on the proposal ({@link AccountBlocks#blockedOn}: by its author, for themselves, or
 * by its community): either decision would be sent to that account (an {@code Accept} or {@code Reject}, a hand-off),
 * and nothing more is sent to a blocked account.
 */
public final class ResponseDecisions {
    public enum Decision {
        ACCEPT(ProposalLifecycle.Action.ACCEPT_RESPONSE),
        DECLINE(ProposalLifecycle.Action.DECLINE_RESPONSE);

        private final ProposalLifecycle.Action action;

        Decision(ProposalLifecycle.Action action) {
            this.action = action;
        }
    }

    private ResponseDecisions() {
    }

    /**
     * Whether the author may make {@code decision} on {@code r} now: not once its sender has left the site, nor while
     * the sender is blocked on the proposal.
     */
    public static boolean may(Session s, Decision decision, ResponseEntity r) {
        return r.getState() == ResponseEntity.State.NEW && !r.isTakenBack() && !r.getProposal().isHeldByModerator()
                && !r.getResponder().isDeleted()
                && ProposalLifecycle.may(decision.action, r.getProposal().getStatus())
                && !AccountBlocks.blockedOn(s, r.getProposal(), r.getResponder());
    }

    /**
     * @throws InvalidInputException {@code responder_left} when its sender has deleted their account (here or on
     *                               their server); {@code response_taken_back} when they took it back since;
     *                               {@code response_already_decided} (saying which decision was made)
     *                               when it was decided already, else the lifecycle's refusal when the proposal's
     *                               status does not allow it; {@code responder_blocked} when the proposal's author or
     *                               community blocked its sender (or the community refuses its server); nothing has
     *                               been changed yet
     * @throws NotFoundException     when a moderator hid the proposal (or holds it): as for its edits and status, an
     *                               accept would move it along and send its followers' servers an Update of a post
     *                               they were told to delete; its author may only delete it
     */
    public static void require(Session s, Decision decision, ResponseEntity r) {
        if (r.getProposal().isHeldByModerator()) {
            throw new NotFoundException("Proposal " + r.getProposal().getId() + " is held by a moderator");
        }
        if (r.getResponder().isDeleted()) {
            // Nobody would learn the decision, and accepting would promise the proposal to nobody.
            throw InvalidInputException.of("responder_left");
        }
        if (r.isTakenBack()) {
            // Its sender took it back (a page opened before): there is nothing left to decide on.
            throw InvalidInputException.of("response_taken_back");
        }
        if (r.getState() != ResponseEntity.State.NEW) {
            // A decision is final: the responder has been told (a hand-off message, an agreement's Accept or Reject).
            throw InvalidInputException.of("response_already_decided",
                    new DomainException.Term("response." + r.getState().name().toLowerCase(Locale.ROOT)));
        }
        if (AccountBlocks.blockedOn(s, r.getProposal(), r.getResponder())) {
            // Accepting would send it an Accept (or a hand-off), declining a Reject: a blocked account is sent nothing.
            throw InvalidInputException.of("responder_blocked");
        }
        ProposalLifecycle.require(decision.action, r.getProposal().getStatus());
    }
}
