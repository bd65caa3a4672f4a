package org.weft.server.domain.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.NotificationEntity;

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
        String unread = unreadOnly ? " and readAt is null" : "";
        return db.inTransaction(s -> s.createSelectionQuery("from NotificationEntity where memberId = :m" + unread
                        + " order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("m", memberId)
                .setFirstResult((page - 1) * pageSize).setMaxResults(pageSize).getResultList());
    }

    /** The words of the member's own direct messages among {@code messageIds}, as plain text, by message id. */
    public Map<Long, String> messageTexts(long memberId, Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(s -> s.createSelectionQuery("from MessageEntity where memberId = :m and id in (:ids)",
                        MessageEntity.class)
                .setParameter("m", memberId).setParameterList("ids", messageIds).getResultList().stream()
                .collect(Collectors.toMap(MessageEntity::getId, message -> HtmlSanitizer.toPlainText(message.getContent()))));
    }

    public long count(long memberId, boolean unreadOnly) {
        return db.inTransaction(s -> s.createSelectionQuery("select count(*) from NotificationEntity where memberId = :m"
                        + (unreadOnly ? " and readAt is null" : ""), Long.class)
                .setParameter("m", memberId).getSingleResult());
    }

    /**
     * Marks notifications read: the given ids, or all of the member's when {@code ids} is null. Ids of
     * other members' notifications are ignored. Returns how many changed.
     */
    public int markRead(long memberId, List<Long> ids) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction(s -> {
            var update = s.createMutationQuery("update NotificationEntity set readAt = :now"
                    + " where memberId = :m and readAt is null" + (ids == null ? "" : " and id in (:ids)"))
                    .setParameter("now", clock.instant()).setParameter("m", memberId);
            if (ids != null) {
                update.setParameterList("ids", ids);
            }
            return update.executeUpdate();
        });
    }
}
