package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.ObjectRef;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.queue.Outbox;

/**
 * A responder takes their answer back ("I can lend the drill", and the next day the drill is broken): a member here
 * from its conversation's page or the API, a member of another Weft instance by an {@code Undo} of their FEP-0837
 * {@code Offer}, a Mastodon user by deleting their reply. The answer stays kept, marked taken back: no list shows it,
 * its conversation is closed for both sides and says why, and its sender may answer again (a fresh answer).
 *
 * <p>The proposal's author here is told ({@code answer-taken-back}); when they had accepted it, that the promise is off
 * ({@code promise-taken-back}), and a proposal promised to nobody else goes back to open, as when a promised
 * responder leaves ({@link DepartedResponder}). A member here who answered a proposal of another Weft instance sends
 * that instance an {@code Undo} of the Offer, addressed as the Offer was, which there does all of this. Taking back
 * twice changes nothing and sends nothing again.
 */
public final class TakenBackAnswers {
    public static final String NOTIFY = NotificationKind.ANSWER_TAKEN_BACK.wire();
    public static final String NOTIFY_PROMISED = NotificationKind.PROMISE_TAKEN_BACK.wire();

    private final Database db;
    private final ProposalService proposals;
    private final Outbox outbox;
    private final Clock clock;

    public TakenBackAnswers(Database db, ProposalService proposals, Outbox outbox, Clock clock) {
        this.db = db;
        this.proposals = proposals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The member {@code memberId} takes back their own answer {@code responseId}. Idempotent: one taken back already
     * stays as it is. Allowed whatever became of the proposal (withdrawn, deleted): nobody is told of an answer to a
     * proposal that is gone, and nothing is sent for it.
     *
     * @throws NotFoundException when there is no such answer, it is not the member's own, or a moderator hid it
     */
    public void takeBack(long memberId, long responseId) {
        db.run(s -> {
            ResponseEntity r = s.find(ResponseEntity.class, responseId);
            if (r == null || r.getResponder().getId() != memberId || r.isHidden()) {
                throw new NotFoundException("No answer " + responseId + " of member " + memberId);
            }
            // One at a time with an Accept arriving or a message being kept: each sees the other's outcome.
            ResponseRepository.lock(s, r);
            if (!withdraw(s, r)) {
                return; // taken back already: nothing is sent twice
            }
            ProposalEntity p = r.getProposal();
            ActorEntity proposer = p.getAttributedTo();
            if (!p.isLocal() && r.getKind() == ResponseEntity.Kind.AGREEMENT && !p.isDeleted()
                    && !proposer.isDeleted()) {
                sendUndo(s, r, proposer);
            }
        });
    }

    /** What became of an {@code Undo} of an Offer that arrived. */
    public enum Undone {
        /** The answer is taken back (or was already: a repeated Undo changes nothing). */
        TAKEN_BACK,
        /** No answer here came from an Offer with that id. */
        UNKNOWN,
        /** The answer is someone else's: the Undo's actor did not send the Offer. */
        NOT_OWNER
    }

    /** {@code actorUri} (the verified signer) undoes the Offer {@code offerId} it sent to a proposal here. */
    public Undone undoReceived(String offerId, String actorUri) {
        return db.inTransaction(s -> {
            Optional<ResponseEntity> kept = ResponseRepository.byUri(s, offerId)
                    .filter(r -> r.getProposal().isLocal() && !r.getResponder().isLocal());
            if (kept.isEmpty()) {
                return Undone.UNKNOWN;
            }
            ResponseEntity r = kept.get();
            if (!r.getResponder().getUri().equals(actorUri)) {
                return Undone.NOT_OWNER;
            }
            ResponseRepository.lock(s, r);
            withdraw(s, r);
            return Undone.TAKEN_BACK;
        });
    }

    /**
     * Inside the caller's transaction: {@code r} is taken back by its sender (their Mastodon reply deleted). Returns
     * false when it had been already.
     */
    public boolean withdraw(Session s, ResponseEntity r) {
        if (r.isTakenBack()) {
            return false;
        }
        Instant now = clock.instant();
        boolean promised = r.getState() == ResponseEntity.State.ACCEPTED;
        // Marked first: from here on the proposal's accepted answers, which the notices below read, leave it out.
        r.takeBack(now);
        ProposalEntity p = r.getProposal();
        if (!p.isLocal() || p.isDeleted() || p.getStatus() == ProposalStatus.WITHDRAWN || p.getAuthor().isDeleted()) {
            return true;
        }
        // An answer the author never saw (still waiting from an account blocked on it) is no news to them.
        boolean unseen = r.getState() == ResponseEntity.State.NEW && AccountBlocks.blockedOn(s, p, r.getResponder());
        if (!unseen) {
            s.persist(new NotificationEntity(p.getAuthor().getId(), promised ? NOTIFY_PROMISED : NOTIFY, p.getId(),
                    r.getId(), now));
        }
        // Back to what it was before the acceptance, unless promised to someone else too. One a moderator holds stays
        // as it is: an Update would reach servers told to delete it.
        if (promised && p.getStatus() == ProposalStatus.PROMISED && !p.isHeldByModerator()
                && ResponseRepository.acceptedTo(s, p).stream().allMatch(other -> other.getResponder().isDeleted())) {
            proposals.changeStatus(s, p, ProposalStatus.OPEN);
        }
        return true;
    }

    /**
     * The Offer, as it was addressed (to the proposal's actor), undone. It embeds the Offer by its id, actor and
     * Agreement, which is what the proposer's server matches it by.
     */
    private void sendUndo(Session s, ResponseEntity r, ActorEntity proposer) {
        ActorEntity member = r.getResponder();
        String object = r.getAgreementUri() != null ? r.getAgreementUri() : r.getProposal().getUri();
        Activity offer = new Activity(r.getUri(), "Offer", member.getUri(), ObjectRef.of(object), null,
                List.of(proposer.getUri()), List.of(), null, null);
        outbox.send(s, member, Activities.undo(outbox.newActivityId(), member.getUri(), offer), List.of(proposer),
                false);
    }
}
