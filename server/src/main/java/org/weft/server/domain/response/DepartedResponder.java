package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * Someone whose response to a proposal here was accepted has left: a member deleted their account, or another server
 * sent {@code Delete} of its actor. What was arranged with them cannot happen, and the author would otherwise wait for
 * a person who is gone: for each such proposal still on (open or promised), its author is notified
 * ({@code responder-left}, leading to the conversation, which says one of them has left), and a proposal promised to
 * nobody else goes back to open, so that someone else may take it up (its followers' servers get the Update). Called
 * in the transaction that marks the person deleted, before their responses are removed (those from another server).
 */
public final class DepartedResponder {
    public static final String NOTIFY = NotificationKind.RESPONDER_LEFT.wire();

    private final ProposalService proposals;
    private final Clock clock;

    public DepartedResponder(ProposalService proposals, Clock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    /** Returns the ids of the accepted responses found: they stay, so the author keeps the conversation. */
    public List<Long> left(Session s, ActorEntity responder) {
        Instant now = clock.instant();
        List<Long> accepted = new ArrayList<>();
        for (ResponseEntity r : ResponseRepository.acceptedOnLiveLocal(s, responder)) {
            ProposalEntity p = r.getProposal();
            accepted.add(r.getId());
            if (!p.getAuthor().isDeleted()) {
                s.persist(new NotificationEntity(p.getAuthor().getId(), NOTIFY, p.getId(), r.getId(), now));
            }
            // One a moderator holds stays as it is: an Update would reach servers told to delete it.
            if (p.getStatus() == ProposalStatus.PROMISED && !p.isHeldByModerator()
                    && !promisedToSomeoneElse(s, p, responder)) {
                proposals.changeStatus(s, p, ProposalStatus.OPEN);
            }
        }
        return accepted;
    }

    private static boolean promisedToSomeoneElse(Session s, ProposalEntity p, ActorEntity responder) {
        return ResponseRepository.acceptedTo(s, p).stream().map(ResponseEntity::getResponder)
                .anyMatch(other -> !other.getId().equals(responder.getId()) && !other.isDeleted());
    }
}
