package org.weft.server.domain.response;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.activitypub.vocab.Visibility;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.RemoteEdit;
import org.weft.server.domain.RemoteTexts;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * Answers to local proposals: stored from replies and direct messages (and shown to the proposal's
 * author), then accepted or declined by the author. Accepting promises the proposal and writes the
 * hand-off details as the first message of the response's conversation after the accept (for a responder on
 * another server, a direct message to them alone); a responder who is a member here is also notified of the
 * decision (one on another server learns it from the message, or from the agreement's Accept).
 */
public final class ResponseService {
    public static final String NOTIFY_RESPONSE = NotificationKind.RESPONSE.wire();
    public static final String NOTIFY_ACCEPTED = NotificationKind.ACCEPTED.wire();
    /** A hand-off note is the conversation's first message, so it has a message's limit (where, when: not a document). */
    public static final int MAX_HAND_OFF = ConversationRules.MAX_LENGTH;
    /** The longest answer a member here may write to a proposal here, in characters. */
    public static final int MAX_ANSWER = 5000;

    private final Database db;
    private final ProposalService proposals;
    private final AgreementService agreements;
    private final ConversationService conversations;
    private final TakenBackAnswers takenBack;
    private final LocalUrls urls;
    private final Clock clock;

    public ResponseService(Database db, ProposalService proposals, AgreementService agreements,
                           ConversationService conversations, TakenBackAnswers takenBack, LocalUrls urls,
                           Clock clock) {
        this.db = db;
        this.proposals = proposals;
        this.agreements = agreements;
        this.conversations = conversations;
        this.takenBack = takenBack;
        this.urls = urls;
        this.clock = clock;
    }

    /** Threads a post under a local proposal and tells its author. Private posts stay private. */
    public ResponseEntity record(Session s, IncomingNote note, ActorEntity responder, ProposalEntity proposal) {
        Visibility visibility = note.visibility();
        boolean isPublic = visibility == Visibility.PUBLIC || visibility == Visibility.UNLISTED;
        ResponseEntity response = new ResponseEntity(note.id(), proposal, responder,
                visibility == Visibility.DIRECT ? ResponseEntity.Kind.DIRECT : ResponseEntity.Kind.REPLY,
                isPublic, RemoteTexts.html(note.content()), clock.instant());
        s.persist(response);
        s.persist(new NotificationEntity(proposal.getAuthor().getId(), NOTIFY_RESPONSE, proposal.getId(),
                response.getId(), clock.instant()));
        return response;
    }

    /**
     * Applies its sender's edit of a response (a Mastodon user editing a reply): the author then reads the new words.
     * Only the responder's own edits count, an edit older than the version kept never wins, and none counts while the
     * sender is blocked on the proposal ({@link AccountBlocks#blockedOn}).
     */
    public RemoteEdit edited(Session s, IncomingNote note, ActorEntity sender) {
        Optional<ResponseEntity> kept = ResponseRepository.byUri(s, note.id());
        if (kept.isEmpty()) {
            return RemoteEdit.NOT_KEPT;
        }
        ResponseEntity r = kept.get();
        if (!r.getResponder().getId().equals(sender.getId())) {
            return RemoteEdit.NOT_OWNER;
        }
        if (r.isTakenBack()) {
            // Taken back (its reply deleted): nothing is shown of it any more, so a late edit has nothing to change.
            return RemoteEdit.NOT_KEPT;
        }
        if (AccountBlocks.blockedOn(s, r.getProposal(), sender)) {
            // An answer accepted before the block stays listed: as it was written, not as the sender rewrites it.
            return RemoteEdit.BLOCKED;
        }
        if (RemoteEdit.isStale(r.getUpdatedAt(), note.updated())) {
            return RemoteEdit.STALE;
        }
        r.edit(RemoteTexts.html(note.content()), note.updated());
        return RemoteEdit.APPLIED;
    }

    /**
     * Its sender deleted a response (a Mastodon user deleting their reply): it is taken back, as by a member here, so
     * the author is told the same way ({@link TakenBackAnswers}), and its words are gone. Returns whether the sender
     * had one with that id.
     */
    public boolean deleted(Session s, String uri, ActorEntity sender) {
        Optional<ResponseEntity> kept = ResponseRepository.byUri(s, uri)
                .filter(r -> r.getResponder().getId().equals(sender.getId()));
        if (kept.isEmpty()) {
            return false;
        }
        ResponseEntity r = kept.get();
        ResponseRepository.lock(s, r);
        takenBack.withdraw(s, r);
        r.edit("", clock.instant());
        return true;
    }

    /**
     * A member of this instance answers a proposal of this instance (its page's respond form). Both people are here,
     * so nothing goes out to other servers: the answer is kept privately (only the author sees it) and the author is
     * notified, exactly as for an answer arriving from Mastodon by direct message.
     *
     * @throws NotFoundException        no such member, or no such proposal here (or one a moderator holds back)
     * @throws InvalidInputException   {@code cannot_respond} for one's own proposal or one no longer open or promised;
     *                                  {@code response_empty} or {@code response_too_long} (over {@value #MAX_ANSWER}
     *                                  characters) on {@code text}
     * @throws ConflictException        {@code already_answered} when the member answered it already ({@link AnswerOnce})
     */
    public ResponseEntity respond(String memberUsername, long proposalId, String text) {
        return db.inTransaction(s -> {
            ActorEntity responder = ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(memberUsername))
                    .orElseThrow(() -> new NotFoundException("No member " + memberUsername));
            ProposalEntity proposal = s.find(ProposalEntity.class, proposalId);
            // One a moderator hid (or holds for review) is not there for a responder, as its page says.
            if (proposal == null || !proposal.isLocal() || proposal.isDeleted() || proposal.isHeldByModerator()) {
                throw new NotFoundException("No proposal " + proposalId);
            }
            if (proposal.getAuthor().getId().equals(responder.getId()) || !proposal.getStatus().isActive()) {
                throw InvalidInputException.of("cannot_respond");
            }
            AnswerOnce.require(s, proposal, responder);
            if (text == null || text.isBlank()) {
                throw InvalidInputException.field("text", "response_empty");
            }
            if (text.codePointCount(0, text.length()) > MAX_ANSWER) {
                throw InvalidInputException.field("text", "response_too_long", MAX_ANSWER);
            }
            ResponseEntity response = new ResponseEntity(urls.base() + "/responses/" + UUID.randomUUID(), proposal,
                    responder, ResponseEntity.Kind.DIRECT, false, PlainText.toHtml(text.strip()), clock.instant());
            s.persist(response);
            s.persist(new NotificationEntity(proposal.getAuthor().getId(), NOTIFY_RESPONSE, proposal.getId(),
                    response.getId(), clock.instant()));
            return response;
        });
    }

    /**
     * Responses to one of the member's proposals, oldest first; not those still waiting from an account blocked on it
     * ({@link BlockedResponses}), as its page leaves them out.
     */
    public List<ResponseEntity> forProposal(String memberUsername, long proposalId) {
        return db.inTransaction(s -> {
            ProposalEntity p = proposals.own(s, memberUsername, proposalId);
            return BlockedResponses.shown(s, ResponseRepository.toProposal(s, p));
        });
    }

    /**
     * The author accepts a response: the proposal becomes promised (everyone is told), a local responder
     * is notified, and {@code handOff} (where and when) is written in the response's conversation, which takes it
     * to the responder alone, whether they are on another server (a direct message) or here. The page and the API
     * both come through here. Accepting a response already accepted changes nothing and sends nothing again.
     */
    public ResponseEntity accept(String memberUsername, long responseId, String handOff) {
        if (handOff != null && handOff.codePointCount(0, handOff.length()) > MAX_HAND_OFF) {
            throw InvalidInputException.field("handOff", "hand_off_too_long", MAX_HAND_OFF);
        }
        return db.inTransaction(s -> {
            ResponseEntity r = ownResponse(s, memberUsername, responseId);
            if (r.getState() == ResponseEntity.State.ACCEPTED && !r.isTakenBack()) {
                return r; // the same decision again (a second tap): nothing changes, nothing is sent again
            }
            ResponseDecisions.require(s, ResponseDecisions.Decision.ACCEPT, r);
            r.decide(ResponseEntity.State.ACCEPTED, clock.instant());
            proposals.changeStatus(s, r.getProposal(), ProposalStatus.PROMISED);
            agreements.answer(s, r, true);
            if (r.getResponder().isLocal()) {
                s.persist(new NotificationEntity(r.getResponder().getId(), NOTIFY_ACCEPTED, r.getProposal().getId(),
                        r.getId(), clock.instant()));
            }
            if (handOff != null && !handOff.isBlank()) {
                conversations.postForAuthor(s, r, r.getProposal().getAuthor(), handOff);
            }
            return r;
        });
    }

    public ResponseEntity decline(String memberUsername, long responseId) {
        return db.inTransaction(s -> {
            ResponseEntity r = ownResponse(s, memberUsername, responseId);
            if (r.getState() == ResponseEntity.State.DECLINED && !r.isTakenBack()) {
                return r; // the same decision again (a second tap): nothing changes, nothing is sent again
            }
            ResponseDecisions.require(s, ResponseDecisions.Decision.DECLINE, r);
            r.decide(ResponseEntity.State.DECLINED, clock.instant());
            agreements.answer(s, r, false);
            return r;
        });
    }

    private ResponseEntity ownResponse(Session s, String memberUsername, long responseId) {
        ResponseEntity r = s.find(ResponseEntity.class, responseId);
        if (r == null) {
            throw new NotFoundException("No response " + responseId);
        }
        try {
            proposals.own(s, memberUsername, r.getProposal().getId());
        } catch (NotFoundException | ForbiddenException e) {
            throw new NotFoundException("No response " + responseId);
        }
        return r;
    }
}
