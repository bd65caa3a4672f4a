package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.domain.RemoteEdit;
import org.weft.server.domain.RemoteTexts;
import org.weft.server.model.ActorKind;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.MessageRepository;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * Where a direct message for a local member ends up, wherever it came from: kept for that member alone to read, and
 * the member notified. A message from another server arrives through the inbox; one from a local actor (a local
 * author's hand-off to a local responder) is put here directly by {@link DirectMessages}, in the sender's transaction.
 */
public final class MessageInbox {
    public static final String NOTIFY_MESSAGE = NotificationKind.MESSAGE.wire();

    private final Clock clock;

    public MessageInbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps {@code html} (sanitised here) from {@code sender} for {@code recipient}, about {@code proposalId} (may be
     * null), and notifies the recipient. Returns false, keeping nothing, when the recipient is not a member of this
     * instance (deleted members and communities read no messages) or already has this message ({@code uri}): a
     * redelivery changes nothing.
     */
    public boolean keep(Session s, String uri, ActorEntity sender, ActorEntity recipient, Long proposalId, String html) {
        return keep(s, uri, sender, recipient, proposalId, html, null);
    }

    /**
     * As {@link #keep(Session, String, ActorEntity, ActorEntity, Long, String)}, remembering the conversation the
     * message names as its {@code context} (null: none, or an id too long to keep), so it can join that conversation
     * if the response it follows arrives later ({@link OvertakenMessages}).
     *
     * <p>A community reads no messages, but is the recipient of every message to its community-only and anonymous
     * proposals: one that names a conversation is kept for it, unseen and told to nobody, until the response it
     * follows arrives and takes it into its conversation, or {@code MessagesAhead} removes it.
     */
    public boolean keep(Session s, String uri, ActorEntity sender, ActorEntity recipient, Long proposalId, String html,
                        String context) {
        boolean usableContext = context != null && context.length() <= ResponseEntity.MAX_URI_LENGTH;
        boolean forMember = recipient.getKind() == ActorKind.PERSON;
        boolean aheadForCommunity = recipient.getKind() == ActorKind.GROUP && usableContext;
        if (!recipient.isLocal() || recipient.isDeleted() || !(forMember || aheadForCommunity)) {
            return false;
        }
        if (MessageRepository.isKept(s, uri, recipient.getId())) {
            return false;
        }
        Instant now = clock.instant();
        MessageEntity message = new MessageEntity(uri, recipient.getId(), sender.getId(), proposalId,
                RemoteTexts.html(html), now, usableContext ? context : null);
        s.persist(message);
        if (forMember) {
            s.persist(NotificationEntity.ofMessage(recipient.getId(), NOTIFY_MESSAGE, proposalId, message.getId(), now));
        }
        return true;
    }

    /**
     * Applies its sender's edit of a direct message kept here (every member's copy of it, but the copies of those who
     * blocked the sender since). Only the sender's own edits count, and an edit older than the version kept never wins.
     */
    public RemoteEdit edited(Session s, String uri, ActorEntity sender, Instant updated, String html) {
        List<MessageEntity> copies = MessageRepository.byUri(s, uri);
        if (copies.isEmpty()) {
            return RemoteEdit.NOT_KEPT;
        }
        if (copies.stream().anyMatch(m -> !m.getSenderId().equals(sender.getId()))) {
            return RemoteEdit.NOT_OWNER;
        }
        if (copies.stream().anyMatch(m -> RemoteEdit.isStale(m.getUpdatedAt(), updated))) {
            return RemoteEdit.STALE;
        }
        // A member who blocked the sender since keeps the words she was sent (an edit could turn them into anything);
        // the others read the new ones.
        List<MessageEntity> open = copies.stream()
                .filter(m -> !AccountBlockRepository.anyBlocks(s, List.of(m.getMemberId()), sender.getId())).toList();
        if (open.isEmpty()) {
            return RemoteEdit.BLOCKED;
        }
        String content = RemoteTexts.html(html);
        open.forEach(m -> m.edit(content, updated));
        return RemoteEdit.APPLIED;
    }
}
