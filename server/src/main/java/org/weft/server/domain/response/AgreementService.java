package org.weft.server.domain.response;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.weft.activitypub.vocab.AgreementAnswer;
import org.weft.activitypub.vocab.AgreementOffer;
import org.weft.activitypub.vocab.Quantity;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.RemoteTexts;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.moderation.BlockedCopies;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.queue.Outbox;

/**
 * Responses between Weft instances the FEP-0837 way: a member answers a proposal kept from another
 * instance with an {@code Offer} of an {@code Agreement}; the proposer's instance keeps it as a response,
 * and the proposer's decision goes back as {@code Accept} (with the agreement as {@code result}) or
 * {@code Reject}.
 */
public final class AgreementService {
    public static final String NOTIFY_ACCEPTED = NotificationKind.AGREEMENT_ACCEPTED.wire();
    public static final String NOTIFY_DECLINED = NotificationKind.AGREEMENT_DECLINED.wire();

    private final Database db;
    private final Outbox outbox;
    private final LocalUrls urls;
    private final Clock clock;

    public AgreementService(Database db, Outbox outbox, LocalUrls urls, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * A local member offers to take up (or give to) a proposal from another Weft instance.
     *
     * @throws ConflictException {@code already_answered} when the member answered it already ({@link AnswerOnce}):
     *                           nothing is kept or sent
     */
    public ResponseEntity offer(String memberUsername, long proposalId, String message, BigDecimal quantity) {
        return db.inTransaction(s -> {
            ActorEntity member = ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(memberUsername))
                    .orElseThrow(() -> new NotFoundException("No member " + memberUsername));
            ProposalEntity p = s.find(ProposalEntity.class, proposalId);
            // A copy no longer held, held back by a moderator, or from an account or server the communities holding
            // it blocked, is not there to answer, as its page says.
            if (p == null || p.isDeleted() || p.isLocal() || p.getSource() != ProposalEntity.Source.WEFT
                    || p.isDetached() || p.isHeldByModerator() || BlockedCopies.blockedWhereHeld(s, p)) {
                throw new NotFoundException("No proposal from another Weft instance with id " + proposalId);
            }
            if (!p.getStatus().isActive()) {
                throw InvalidInputException.of("proposal_not_open", new DomainException.Term("status." + p.getStatus().wire()));
            }
            AnswerOnce.require(s, p, member);
            // Refused as a local response is: nothing kept, nothing sent.
            if (message == null || message.isBlank()) {
                throw InvalidInputException.field("text", "response_empty");
            }
            if (message.codePointCount(0, message.length()) > ResponseService.MAX_ANSWER) {
                throw InvalidInputException.field("text", "response_too_long", ResponseService.MAX_ANSWER);
            }
            Instant now = clock.instant();
            String content = PlainText.toHtml(message.strip());
            Quantity amount = quantity == null ? null : new Quantity(p.getUnit() == null ? "one" : p.getUnit(), quantity);
            AgreementOffer offer = new AgreementOffer(outbox.newActivityId(), member.getUri(), p.getAttributedTo().getUri(),
                    urls.base() + "/agreements/" + UUID.randomUUID(), p.getUri() + "#primary", p.getKind().action(),
                    amount, content, now);
            ResponseEntity sent = new ResponseEntity(offer.offerId(), p, member, ResponseEntity.Kind.AGREEMENT, false,
                    content == null ? "" : content, now);
            sent.setAgreementUri(offer.agreementId());
            s.persist(sent);
            outbox.send(s, member, offer.toActivity(), List.of(p.getAttributedTo()), false);
            return sent;
        });
    }

    /** What became of an Offer that arrived. */
    public enum Received {
        /** Kept as a response, its proposal's author notified. */
        KEPT,
        /** Changes nothing: not the sender's own, for no open proposal here, already known, or an id too long. */
        UNUSABLE,
        /** Dropped: the proposal's author or its community blocked the sender, or the community refuses its server. */
        BLOCKED
    }

    /** An Offer arrived from {@code sender} (the verified signer) for one of our proposals. */
    public Received offerReceived(AgreementOffer offer, ActorEntity sender) {
        if (!offer.actor().equals(sender.getUri()) || offer.offerId().length() > ResponseEntity.MAX_URI_LENGTH
                || offer.agreementId().length() > ResponseEntity.MAX_URI_LENGTH) {
            return Received.UNUSABLE;
        }
        return db.inTransaction(s -> {
            // Its sender's row first, as a message naming a conversation takes it (IncomingPosts.created): messages
            // that overtook this Offer are kept before it looks for them, or wait and then join its conversation.
            ActorEntity from = s.merge(sender);
            ActorRepository.lock(s, from);
            Optional<ProposalEntity> target = ProposalRepository.byUri(s, offer.proposalId())
                    .filter(p -> p.isLocal() && !p.isDeleted() && p.getStatus().isActive());
            boolean known = ResponseRepository.existsWithUri(s, offer.offerId());
            if (target.isEmpty() || known) {
                return Received.UNUSABLE;
            }
            // As a reply or a direct message from a blocked account is: nothing kept, nobody told, nothing sent back.
            if (AccountBlocks.blockedOn(s, target.get(), sender)) {
                return Received.BLOCKED;
            }
            ResponseEntity r = new ResponseEntity(offer.offerId(), target.get(), from, ResponseEntity.Kind.AGREEMENT,
                    false, RemoteTexts.html(offer.content()), clock.instant());
            // Kept here, for the proposer's Accept to name as its result whenever the decision comes.
            r.setAgreementUri(offer.agreementId());
            s.persist(r);
            s.persist(new NotificationEntity(target.get().getAuthor().getId(), ResponseService.NOTIFY_RESPONSE,
                    target.get().getId(), r.getId(), clock.instant()));
            // The responder's first messages may have come before the Offer: they belong to its conversation.
            OvertakenMessages.adopt(s, r);
            return Received.KEPT;
        });
    }

    /**
     * The proposer answered an Offer one of our members sent: the answer is decided, and she is notified unless she
     * blocked the proposer ({@link AccountBlocks#blockedInConversation}). Returns false when it is not about one.
     */
    public boolean answerReceived(AgreementAnswer answer) {
        return db.inTransaction(s -> {
            Optional<ResponseEntity> sent = ResponseRepository.sentAgreement(s, answer.offerId())
                    .filter(r -> r.getProposal().getAttributedTo().getUri().equals(answer.actor()));
            // One she took back since: her Undo is on its way there, which calls off what this decides.
            if (sent.isEmpty() || sent.get().getState() != ResponseEntity.State.NEW || sent.get().isTakenBack()) {
                return sent.isPresent();
            }
            ResponseEntity r = sent.get();
            r.decide(answer.accepted() ? ResponseEntity.State.ACCEPTED : ResponseEntity.State.DECLINED, clock.instant());
            // From an author the member blocked (or one blocked on the proposal here), the decision is kept, so both
            // servers agree on where her answer stands when she lifts the block, but it is no news to her: her block
            // says nothing of his reaches her, and he is not told of it.
            if (!AccountBlocks.blockedInConversation(s, r, r.getProposal().getAttributedTo())) {
                s.persist(new NotificationEntity(r.getResponder().getId(), answer.accepted() ? NOTIFY_ACCEPTED
                        : NOTIFY_DECLINED, r.getProposal().getId(), r.getId(), clock.instant()));
            }
            if (answer.accepted()) {
                // The proposer's Update (promised) may have come first and told the member their match is gone.
                NotificationRepository.retractMatchGone(s, r.getResponder().getId(), r.getProposal().getId());
            }
            return true;
        });
    }

    /** Sends the proposer's decision on an Offer received from elsewhere (inside the deciding transaction). */
    void answer(Session s, ResponseEntity r, boolean accepted) {
        if (r.getKind() != ResponseEntity.Kind.AGREEMENT || r.getResponder().isLocal() || r.getAgreementUri() == null) {
            return;
        }
        ActorEntity proposer = r.getProposal().getAttributedTo();
        AgreementAnswer answer = new AgreementAnswer(outbox.newActivityId(), proposer.getUri(), accepted, r.getUri(),
                r.getAgreementUri());
        outbox.send(s, proposer, answer.toActivity(r.getResponder().getUri()), List.of(r.getResponder()), false);
    }
}
