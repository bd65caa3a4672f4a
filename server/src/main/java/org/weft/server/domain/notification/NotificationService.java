package org.weft.server.domain.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * A member's notifications (responses to their proposals, decisions on theirs, direct messages and conversation
 * messages for them, matches): listed newest first with what each is about, opened, and marked read. A member only
 * ever sees or touches their own.
 */
public final class NotificationService {
    /**
     * How long before an author's account went its promises may have been called off by the same departure: at once
     * here; on another server, its Deletes of the author's posts go out before the Delete of the author, and a
     * receiver that was down gets them on retry, minutes apart.
     */
    static final Duration DEPARTURE_SPREAD = Duration.ofHours(1);

    private final Database db;
    private final Clock clock;

    public NotificationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One page of a member's notifications, newest first; {@code unreadOnly} leaves out the read ones. */
    public List<NotificationEntity> forMember(long memberId, boolean unreadOnly, int page, int pageSize) {
        return db.inTransaction(s -> NotificationRepository.page(s, memberId, unreadOnly, page, pageSize));
    }

    /** As {@link #forMember}, each with what it is about. */
    public List<NotificationDetail> details(long memberId, boolean unreadOnly, int page, int pageSize) {
        return db.inTransaction(s -> NotificationRepository.page(s, memberId, unreadOnly, page, pageSize).stream()
                .map(n -> detail(s, n, memberId)).toList());
    }

    /** Opens one of the member's notifications: marks it read and says what it is about. Empty when it is not theirs. */
    public Optional<NotificationDetail> open(long memberId, long notificationId) {
        return db.inTransaction(s -> {
            NotificationEntity n = s.find(NotificationEntity.class, notificationId);
            if (n == null || n.getMemberId() != memberId) {
                return Optional.empty();
            }
            if (n.getReadAt() == null) {
                n.markRead(clock.instant());
            }
            return Optional.of(detail(s, n, memberId));
        });
    }

    public long count(long memberId, boolean unreadOnly) {
        return db.inTransaction(s -> count(s, memberId, unreadOnly));
    }

    /** {@link #count(long, boolean)} inside the caller's transaction {@code s}, for a page rendered there. */
    public long count(Session s, long memberId, boolean unreadOnly) {
        return NotificationRepository.count(s, memberId, unreadOnly);
    }

    /**
     * Marks notifications read: the given ids, or all of the member's when {@code ids} is null. Ids of
     * other members' notifications are ignored. Returns how many changed.
     */
    public int markRead(long memberId, List<Long> ids) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction(s -> NotificationRepository.markRead(s, memberId, ids, clock.instant()));
    }

    /**
     * Marks read the member's notifications of new responses among {@code responseIds}, once a page has shown them those
     * responses (their proposal's page, to its author): read there, they are not news in the menu any more.
     */
    public int markResponsesRead(long memberId, List<Long> responseIds) {
        if (responseIds.isEmpty()) {
            return 0;
        }
        return db.inTransaction(s -> markResponsesRead(s, memberId, responseIds));
    }

    /**
     * {@link #markResponsesRead(long, List)} inside the caller's transaction {@code s}: a page that loads and renders in
     * one transaction marks there, since a second transaction would hold a second pooled connection while the first
     * waits (enough page views at once would take the whole pool and wait for ever).
     */
    public int markResponsesRead(Session s, long memberId, List<Long> responseIds) {
        if (responseIds.isEmpty()) {
            return 0;
        }
        return NotificationRepository.markReadAbout(s, memberId, NotificationKind.RESPONSE.wire(), responseIds,
                clock.instant());
    }

    /**
     * Marks read the member's notifications of these conversation messages, once a page has shown them those messages
     * (a proposal's page, under a response or under their own; a conversation's page): read there, they are not news.
     */
    public int markMessagesRead(long memberId, List<Long> conversationMessageIds) {
        if (conversationMessageIds.isEmpty()) {
            return 0;
        }
        return db.inTransaction(s -> markMessagesRead(s, memberId, conversationMessageIds));
    }

    /** {@link #markMessagesRead(long, List)} inside the caller's transaction {@code s} (see {@link #markResponsesRead(Session, long, List)}). */
    public int markMessagesRead(Session s, long memberId, List<Long> conversationMessageIds) {
        if (conversationMessageIds.isEmpty()) {
            return 0;
        }
        return NotificationRepository.markMessagesRead(s, memberId, conversationMessageIds, clock.instant());
    }

    private static NotificationDetail detail(Session s, NotificationEntity n, long memberId) {
        ProposalEntity p = n.getProposalId() == null ? null : s.find(ProposalEntity.class, n.getProposalId());
        boolean exists = p != null && !p.isDeleted();
        // A post a moderator hid opens for its author and its moderators only: anyone else is led to the conversation's
        // own page, not to a page that answers 404.
        boolean onPage = exists && p.isLocal() && p.getStatus() != ProposalStatus.WITHDRAWN
                && (!p.isHeldByModerator() || ProposalReaders.mayOpen(s, Optional.of(memberId), p));
        String community = p == null || p.getGroup() == null ? null : p.getGroup().getDisplayName();
        String text = null;
        String from = null;
        if (n.getMessageId() != null) {
            MessageEntity message = s.find(MessageEntity.class, n.getMessageId());
            if (message != null && message.getMemberId() == memberId) {
                text = PlainText.ofMessage(message.getContent());
                ActorEntity sender = s.find(ActorEntity.class, message.getSenderId());
                from = sender == null ? null : sender.getDisplayName() == null ? sender.getUsername() : sender.getDisplayName();
            }
        }
        if (n.getConversationMessageId() != null) {
            ConversationMessageEntity message = s.find(ConversationMessageEntity.class, n.getConversationMessageId());
            if (message != null) {
                text = ConversationService.shownText(message);
                from = ConversationService.shownSender(message);
            }
        }
        NotificationKind kind = NotificationKind.fromWire(n.getKind()).orElse(null);
        if ((kind == NotificationKind.ANSWER_TAKEN_BACK || kind == NotificationKind.PROMISE_TAKEN_BACK)
                && n.getResponseId() != null) {
            // Who took their answer back: the author saw their name on it.
            ResponseEntity r = s.find(ResponseEntity.class, n.getResponseId());
            ActorEntity responder = r == null ? null : r.getResponder();
            from = responder == null ? null : responder.getDisplayName() == null || responder.getDisplayName().isBlank()
                    ? responder.getUsername() : responder.getDisplayName();
        }
        // Every notice of the member's own exchange (accepted, called off, a message, changed, open again) names the
        // proposal, deleted or not: their conversation shows them its title too, and without it they could not tell
        // which arrangement is off, nor several "your response was accepted" apart.
        String title = exists || p != null && n.getResponseId() != null ? p.getTitle() : null;
        // Read when shown, not when told: the author's proposals are deleted (and their promises called off) just
        // before their account is, and on another server the owner's Deletes of its proposals come before its own.
        // Only a notice from about then says they left: one from a withdrawal or a moderator's hide before it keeps
        // its own reason (the member's history must not be rewritten by what happened later).
        ActorEntity author = p == null ? null : p.isLocal() ? p.getAuthor() : p.getAttributedTo();
        boolean authorLeft = author != null && author.isDeleted()
                && !n.getCreatedAt().isBefore(author.getDeletedAt().minus(DEPARTURE_SPREAD));
        // A withdrawal is the reason even when a deletion followed (the notice came with the withdrawal).
        boolean deletedOpen = p != null && p.isDeleted() && p.getStatus() != ProposalStatus.WITHDRAWN;
        return new NotificationDetail(n.getId(), kind, n.getCreatedAt(),
                n.getReadAt() != null, n.getProposalId(), title, p == null ? null : p.getUri(), onPage,
                community, n.getResponseId(), n.getMatchId(), text, from, n.getCount(), authorLeft, deletedOpen);
    }
}
