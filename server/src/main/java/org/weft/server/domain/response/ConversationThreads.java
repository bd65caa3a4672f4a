package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.server.domain.RemoteEdit;
import org.weft.server.domain.RemoteTexts;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * Posts from other servers that belong to a conversation. A post joins the conversation of a response when its
 * {@code inReplyTo} is one of that conversation's messages, or the response itself, or its {@code context} is the
 * response (how a message that overtook the one it replies to still finds its place), and its sender is the
 * conversation's other side: the responder, for a response to a proposal of this instance; the proposal's actor, for
 * a member's response to a proposal on another server (which may also answer that proposal itself, addressing the
 * member, as earlier Weft versions sent the hand-off). A later answer of the responder to the same proposal, a reply
 * to it or a direct message about it, continues their open conversation rather than opening another. Nobody else adds
 * to a conversation: a post from another actor in reply to one of its messages is refused, and kept nowhere.
 */
public final class ConversationThreads {
    /** What became of a post. */
    public enum Outcome {
        /** It is in a conversation now (or already was: a redelivery). */
        JOINED,
        /** It names no conversation: it may be a response, a message, a post for a board. */
        NOT_A_CONVERSATION,
        /** It names a conversation it may not join (see {@link Threaded#reason()}); keep it nowhere. */
        REFUSED
    }

    /** An outcome and, when refused, why (for the operator's log of inbound activities). */
    public record Threaded(Outcome outcome, String reason) {
        static final Threaded JOINED = new Threaded(Outcome.JOINED, null);
        static final Threaded NOT_A_CONVERSATION = new Threaded(Outcome.NOT_A_CONVERSATION, null);

        static Threaded refused(String reason) {
            return new Threaded(Outcome.REFUSED, reason);
        }
    }

    private final Clock clock;

    public ConversationThreads(Clock clock) {
        this.clock = clock;
    }

    /** A post created by {@code sender} (the verified signer), inside the caller's transaction. */
    public Threaded received(Session s, IncomingNote note, ActorEntity sender) {
        if (note.inReplyTo() == null && note.context() == null) {
            return Threaded.NOT_A_CONVERSATION;
        }
        Optional<ConversationMessageEntity> parent = Optional.ofNullable(note.inReplyTo())
                .flatMap(id -> ConversationMessageRepository.byUri(s, id));
        Optional<ResponseEntity> response = parent.map(ConversationMessageEntity::getResponse)
                .or(() -> Optional.ofNullable(note.inReplyTo()).flatMap(id -> ResponseRepository.byUri(s, id)))
                .or(() -> namedInContext(s, note, sender))
                .or(() -> answeredProposal(s, note, sender))
                .or(() -> earlierAnswer(s, note, sender));
        if (response.isEmpty()) {
            return Threaded.NOT_A_CONVERSATION;
        }
        return join(s, note, sender, response.get(), parent.orElse(null));
    }

    /**
     * The response a post names as its {@code context} (Weft's messages name the response their conversation follows),
     * when the sender is that conversation's other side. Deliveries run side by side, so a message may arrive before the
     * one it replies to: its {@code inReplyTo} is then unknown here, and the context still says where it belongs. A
     * context from anyone else says nothing here (the post goes the other ways).
     */
    private static Optional<ResponseEntity> namedInContext(Session s, IncomingNote note, ActorEntity sender) {
        if (note.context() == null) {
            return Optional.empty();
        }
        return ResponseRepository.byUri(s, note.context()).filter(r -> {
            ActorEntity otherSide = otherSide(r);
            return otherSide != null && otherSide.getId().equals(sender.getId());
        });
    }

    /**
     * A direct message that answers no proposal here by its {@code inReplyTo}, which the caller places under
     * {@code proposal} (the proposal of this instance it links to, else, when it replies to nothing, its recipient's
     * newest): from someone whose answer to that proposal is still open, it is said in that answer's conversation, as
     * a reply to the proposal would be ({@link #earlierAnswer}). So a public reply and a direct message from one person
     * come to the same, one answer with a message, whichever arrives first; before, a direct message that came second
     * was a second answer.
     */
    public Threaded receivedAbout(Session s, IncomingNote note, ActorEntity sender, ProposalEntity proposal) {
        return openAnswer(s, note, sender, proposal).map(r -> join(s, note, sender, r, null))
                .orElse(Threaded.NOT_A_CONVERSATION);
    }

    /**
     * Adds the post to the conversation of {@code r} if its sender is the conversation's other side and the
     * conversation takes it; {@code parent}: the conversation's message it replies to, or null.
     */
    private Threaded join(Session s, IncomingNote note, ActorEntity sender, ResponseEntity r,
                          ConversationMessageEntity parent) {
        // Asks the member who answered a proposal elsewhere too: the author she blocked is refused as any blocked
        // account is, kept nowhere and not told.
        if (AccountBlocks.blockedInConversation(s, r, sender)) {
            return Threaded.refused(sender.getUri() + " is blocked by the author or the community of "
                    + r.getProposal().getUri() + ", or by the member who answered it");
        }
        ActorEntity otherSide = otherSide(r);
        if (otherSide == null || !otherSide.getId().equals(sender.getId())) {
            // Only a reply to a message of the conversation is the conversation's business; a reply to the response
            // by someone else (a public thread under a public reply) is left to the other rules.
            return parent != null ? Threaded.refused(sender.getUri() + " is not part of the conversation of "
                    + note.inReplyTo()) : Threaded.NOT_A_CONVERSATION;
        }
        // Before anything is written: the conversation's messages from other servers are kept one at a time.
        ResponseRepository.lock(s, r);
        if (ConversationMessageRepository.existsWithUri(s, note.id())) {
            return Threaded.JOINED;
        }
        String closed = ConversationRules.closedKey(s, r);
        if (closed != null) {
            return Threaded.refused("the conversation of response " + r.getId() + " is closed (" + closed + ")");
        }
        if (ConversationMessageRepository.count(s, r) >= ConversationRules.MAX_MESSAGES) {
            return Threaded.refused("the conversation of response " + r.getId() + " is full");
        }
        String html = RemoteTexts.html(note.content());
        int length = ConversationRules.length(ConversationRules.plain(html).strip());
        if (length == 0 || length > ConversationRules.MAX_REMOTE_LENGTH) {
            return Threaded.refused("a conversation message of " + length + " characters (1 to "
                    + ConversationRules.MAX_REMOTE_LENGTH + " are kept)");
        }
        boolean authorSide = !r.getProposal().isLocal();
        Instant now = clock.instant();
        ConversationMessageEntity message = new ConversationMessageEntity(r, note.id(), authorSide, sender, null, html,
                now, ConversationRules.writtenAt(r, parent, note.published(), now));
        s.persist(message);
        ConversationRules.notifyOf(s, authorSide ? r.getResponder() : r.getProposal().getAuthor(), r, message, now);
        return Threaded.JOINED;
    }

    /**
     * The sender edited one of their messages: its new words replace the old. Only the sender's own edits count, an
     * edit older than the version kept never wins, and an edit that leaves it empty or too long, or comes while the
     * sender is blocked in the conversation ({@link AccountBlocks#blockedInConversation}), changes nothing.
     */
    public RemoteEdit edited(Session s, IncomingNote note, ActorEntity sender) {
        Optional<ConversationMessageEntity> kept = ConversationMessageRepository.byUri(s, note.id());
        if (kept.isEmpty()) {
            return RemoteEdit.NOT_KEPT;
        }
        if (!kept.get().getSender().getId().equals(sender.getId())) {
            return RemoteEdit.NOT_OWNER;
        }
        if (AccountBlocks.blockedInConversation(s, kept.get().getResponse(), sender)) {
            // What was said before the block stays as it was said: an edit could turn it into anything.
            return RemoteEdit.BLOCKED;
        }
        if (RemoteEdit.isStale(kept.get().getUpdatedAt(), note.updated())) {
            return RemoteEdit.STALE;
        }
        String html = RemoteTexts.html(note.content());
        int length = ConversationRules.length(ConversationRules.plain(html).strip());
        if (length == 0 || length > ConversationRules.MAX_REMOTE_LENGTH) {
            return RemoteEdit.UNUSABLE;
        }
        kept.get().edit(html, note.updated());
        return RemoteEdit.APPLIED;
    }

    /** The sender deleted one of their messages: it goes, with the notification about it. */
    public boolean deleted(Session s, String objectId, ActorEntity sender) {
        return ConversationMessageRepository.deleteSentBy(s, objectId, sender);
    }

    /**
     * The conversation's side on another server, the only actor who may add to it from there: the responder of a
     * response to a proposal here, the proposal's actor for a member's response to a proposal elsewhere; null when
     * both sides are here.
     */
    private static ActorEntity otherSide(ResponseEntity r) {
        ActorEntity other = r.getProposal().isLocal() ? r.getResponder() : r.getProposal().getAttributedTo();
        return other.isLocal() ? null : other;
    }

    /**
     * A further reply to a proposal here from someone whose answer to it is still open: it is said in that answer's
     * conversation. Its author then sees one answer from them with what they added, not a new answer each time, and a
     * flood of replies from one account meets the conversation's limit. Not for a redelivery of the answer itself, nor
     * once that answer is declined or closed (a new reply is then a new answer, as before).
     */
    private static Optional<ResponseEntity> earlierAnswer(Session s, IncomingNote note, ActorEntity sender) {
        if (note.inReplyTo() == null) {
            return Optional.empty();
        }
        return ProposalRepository.byUri(s, note.inReplyTo()).filter(p -> p.isLocal() && !p.isDeleted())
                .flatMap(p -> openAnswer(s, note, sender, p));
    }

    /**
     * The sender's answer to {@code proposal} that is still open, which a further post of theirs about it continues
     * (a reply to it, or a direct message placed under it); none for a redelivery of the post that was the answer.
     */
    private static Optional<ResponseEntity> openAnswer(Session s, IncomingNote note, ActorEntity sender,
                                                       ProposalEntity proposal) {
        if (ResponseRepository.existsWithUri(s, note.id())) {
            return Optional.empty();
        }
        return ResponseRepository.byMemberTo(s, proposal, sender.getId()).stream().findFirst()
                .filter(r -> ConversationRules.closedKey(s, r) == null);
    }

    /**
     * A reply to a proposal on another server, from that proposal's actor, to a member here who responded to it: it
     * belongs to that member's newest response (the way earlier Weft versions sent the hand-off).
     */
    private static Optional<ResponseEntity> answeredProposal(Session s, IncomingNote note, ActorEntity sender) {
        if (note.inReplyTo() == null) {
            return Optional.empty();
        }
        Optional<ProposalEntity> proposal = ProposalRepository.byUri(s, note.inReplyTo())
                .filter(p -> !p.isLocal() && p.getAttributedTo().getId().equals(sender.getId()));
        if (proposal.isEmpty()) {
            return Optional.empty();
        }
        for (String addressee : note.to()) {
            Optional<ActorEntity> member = ActorRepository.byUri(s, addressee).filter(ActorEntity::isLocal);
            if (member.isPresent()) {
                Optional<ResponseEntity> newest = ResponseRepository.byMemberTo(s, proposal.get(), member.get().getId())
                        .stream().findFirst();
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Optional.empty();
    }
}
