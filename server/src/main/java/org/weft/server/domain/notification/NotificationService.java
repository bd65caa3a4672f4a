package org.weft.server.domain.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.MessageRepository;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;

/**
 * A member's notifications (responses to their proposals, decisions on theirs, direct messages for them,
 * matches): listed newest first, and marked read. A member only ever sees or touches their own.
 */
public final class NotificationService {
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

    /** The words of the member's own direct messages among {@code messageIds}, as plain text, by message id. */
    public Map<Long, String> messageTexts(long memberId, Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(s -> MessageRepository.ofMember(s, memberId, messageIds).stream()
                .collect(Collectors.toMap(MessageEntity::getId, message -> HtmlSanitizer.toPlainText(message.getContent()))));
    }

    public long count(long memberId, boolean unreadOnly) {
        return db.inTransaction(s -> NotificationRepository.count(s, memberId, unreadOnly));
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
}
