package org.weft.server.domain.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.domain.PlainText;
import org.weft.server.model.Audience;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ModerationActionRepository;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * What the conversation services share: when a conversation is closed, how its two sides are named, how a message
 * reads as plain text, and telling the local side of a new message.
 */
final class ConversationRules {
    /** A message is a few lines (where, when, a question), not a letter: what a member here may write. */
    static final int MAX_LENGTH = 2_000;
    /** Other servers allow longer posts than this instance does; a longer one is refused, not cut. */
    static final int MAX_REMOTE_LENGTH = 5_000;
    /** A conversation takes no more than this many messages: a flood from another server stops here. */
    static final int MAX_MESSAGES = 500;

    private ConversationRules() {
    }

    /**
     * Why a conversation takes no more messages, as a message key, or null while it is open. It closes for good when
     * the proposal is withdrawn or deleted (here or by its owner elsewhere), when the responder takes their answer
     * back ({@link TakenBackAnswers}), when the author declines the response,
     * or when one of the two people deleted their account. Expired and fulfilled proposals keep it open: people may
     * still need to talk (renewing, a late change of plan, thanks). It closes too when a moderator hid a proposal of
     * this instance that a responder answered from another Weft instance: hiding sent that server a {@code Delete},
     * which closed the conversation there, and showing it again sends nothing, so messages would no longer reach them.
     * And it closes while the proposal's community or author blocks the account on the other side, or the community
     * refuses its server, or the member who answered a proposal of another server blocks its author: what that account
     * sends is refused here, so writing to it would be talking to a wall.
     */
    static String closedKey(Session s, ResponseEntity r) {
        ProposalEntity p = r.getProposal();
        // The likeliest cause first: an author who leaves has their proposals deleted on the way out, and a proposal
        // withdrawn is deleted by its server afterwards; "deleted" would then hide what the person did.
        if (r.getResponder().isDeleted() || p.getAttributedTo().isDeleted() || p.isLocal() && p.getAuthor().isDeleted()) {
            return "conversation.closedLeft";
        }
        // The responder's own act: said before what happened to the proposal since (or before).
        if (r.isTakenBack()) {
            return "conversation.closedTakenBack";
        }
        if (p.getStatus() == ProposalStatus.WITHDRAWN) {
            return "conversation.closedWithdrawn";
        }
        if (p.isDeleted()) {
            return "conversation.closedDeleted";
        }
        if (r.getState() == ResponseEntity.State.DECLINED) {
            return "conversation.closedDeclined";
        }
        if (toldGoneElsewhere(s, r)) {
            return "conversation.closedUnreachable";
        }
        return blockedKey(s, r);
    }

    /**
     * Whether the responder's server was sent a {@code Delete} of the proposal by a moderator's hide and dropped the
     * conversation with it. Only an answer offered from another Weft instance ({@link ResponseEntity.Kind#AGREEMENT})
     * lives in a conversation tied to the proposal there; a Mastodon responder gets direct messages, which still arrive.
     * The public log's line of the hide outlasts "Show it again", which does not bring the copies back.
     */
    private static boolean toldGoneElsewhere(Session s, ResponseEntity r) {
        ProposalEntity p = r.getProposal();
        return p.isLocal() && r.getKind() == ResponseEntity.Kind.AGREEMENT && !r.getResponder().isLocal()
                && ModerationActionRepository.has(s, ModerationActionKind.POST_HIDDEN, p.getUri());
    }

    /**
     * Whether the conversation's other side, an account of another server, is blocked here, as the key saying so, else
     * null: by the proposal's author or community, or the community refuses that server ({@code closedBlocked}); or by
     * the responder, a member here who answered a proposal of another server and blocked its author
     * ({@code closedYouBlocked}: only she reads this conversation here, and the author and community are the other
     * server's). The rule by which its messages are refused on arrival ({@code AccountBlocks.blockedInConversation}),
     * so that this side stops writing too and is told why. Nothing is sent to the blocked side, as Mastodon tells no
     * one of a block. One indexed statement, asked only of a conversation with another server (it runs for every
     * conversation a list shows), and a second only when it is blocked; a local other side is never blocked this way.
     */
    private static String blockedKey(Session s, ResponseEntity r) {
        ProposalEntity p = r.getProposal();
        ActorEntity other = p.isLocal() ? r.getResponder() : p.getAttributedTo();
        if (other.isLocal()) {
            return null;
        }
        List<Long> onProposal = Arrays.asList(p.getAuthor().getId(),
                p.getGroup() == null ? null : p.getGroup().getId());
        ActorEntity responder = r.getResponder();
        List<Long> blockers = new ArrayList<>(onProposal);
        blockers.add(responder.isLocal() ? responder.getId() : null);
        if (!AccountBlockRepository.anyBlocks(s, blockers, other.getId())) {
            return null;
        }
        // Said as the community's or author's when theirs: lifting her own block would not open it.
        return responder.isLocal() && !AccountBlockRepository.anyBlocks(s, onProposal, other.getId())
                ? "conversation.closedYouBlocked" : "conversation.closedBlocked";
    }

    /** The proposal's side as the responder sees it: the member only for a public proposal, else the community. */
    static String authorSideName(ProposalEntity p) {
        if (p.isLocal() && p.getAudience() == Audience.PUBLIC) {
            return name(p.getAuthor());
        }
        return name(p.getAttributedTo());
    }

    static String name(ActorEntity a) {
        return a.getDisplayName() == null || a.getDisplayName().isBlank() ? a.getUsername() : a.getDisplayName();
    }

    /** A message's words as plain text, without the mention a direct message opens with. */
    static String plain(String html) {
        return PlainText.ofMessage(html);
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * When a message from another server in the conversation of {@code r} was written, as far as this instance can
     * tell: its sender's {@code published}, but never later than it {@code arrived} nor earlier than the conversation's
     * start (the response arriving or being written here), or than the message of the conversation it replies to
     * ({@code repliesTo}, or null), which it answers. A sender's clock can be wrong, or lie: a {@code published} in
     * 1970 or in 2099 must not carry a message to either end of the thread, nor a clock that is behind put an answer
     * above its question. Without one, when it arrived. A message that came before the response itself
     * ({@link OvertakenMessages}) is at the conversation's start.
     */
    static Instant writtenAt(ResponseEntity r, ConversationMessageEntity repliesTo, Instant published,
                             Instant arrived) {
        Instant written = published == null || published.isAfter(arrived) ? arrived : published;
        Instant earliest = repliesTo == null || repliesTo.getWrittenAt().isBefore(r.getCreatedAt()) ? r.getCreatedAt()
                : repliesTo.getWrittenAt();
        return written.isBefore(earliest) ? earliest : written;
    }

    /** Whether {@code a} comes after {@code b} where a conversation is shown: written later, else arrived later. */
    static boolean shownAfter(ConversationMessageEntity a, ConversationMessageEntity b) {
        int written = a.getWrittenAt().compareTo(b.getWrittenAt());
        return written != 0 ? written > 0 : a.getId() > b.getId();
    }

    /**
     * Tells {@code member} (a member of this instance) of a new message in the conversation of {@code r}. While they
     * have not read their notification of that conversation's messages, the new one is counted on it ("5 new
     * messages"), which moves to the top: forty messages sent in a minute are one notification, not forty pushing the
     * member's others out of sight. Once read, the next message makes a new one. Counted as it arrives: one written
     * before those already shown, which came late, is news too. The notification shows the newest written of those it
     * counts.
     */
    static void notifyOf(Session s, ActorEntity member, ResponseEntity r, ConversationMessageEntity message, Instant now) {
        if (!member.isLocal() || member.isDeleted()) {
            return;
        }
        String kind = NotificationKind.CONVERSATION.wire();
        Optional<NotificationEntity> unread = NotificationRepository.unreadAbout(s, member.getId(), kind, r.getId());
        if (unread.isPresent()) {
            Long namedId = unread.get().getConversationMessageId();
            ConversationMessageEntity named = namedId == null ? null : s.find(ConversationMessageEntity.class, namedId);
            unread.get().oneMoreMessage(message.getId(), named == null || shownAfter(message, named), now);
            return;
        }
        s.persist(NotificationEntity.ofConversation(member.getId(), kind, r.getProposal().getId(), r.getId(),
                message.getId(), now));
    }
}
