package org.weft.server.persistence;

import java.util.Collection;
import java.util.List;

import org.hibernate.Session;

/** Queries over the direct messages kept for members, inside the caller's transaction. */
public final class MessageRepository {
    private MessageRepository() {
    }

    /** Whether this message is kept for this member already. */
    public static boolean isKept(Session s, String uri, long memberId) {
        return s.createSelectionQuery("select count(*) from MessageEntity where uri = :u and memberId = :m",
                        Long.class)
                .setParameter("u", uri).setParameter("m", memberId).getSingleResult() > 0;
    }

    /** The member's own messages among these ids (others' are left out). */
    public static List<MessageEntity> ofMember(Session s, long memberId, Collection<Long> messageIds) {
        return s.createSelectionQuery("from MessageEntity where memberId = :m and id in (:ids)",
                        MessageEntity.class)
                .setParameter("m", memberId).setParameterList("ids", messageIds).getResultList();
    }

    /** The copies (one per member it reached) of a message, by its ActivityPub id. */
    public static List<MessageEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from MessageEntity where uri = :u", MessageEntity.class)
                .setParameter("u", uri).getResultList();
    }

    /**
     * The messages {@code senderId} sent {@code memberId} in the conversation {@code contextUri} names, oldest first:
     * those that arrived before the response that conversation follows.
     */
    public static List<MessageEntity> inContext(Session s, String contextUri, long senderId, long memberId) {
        return s.createSelectionQuery("from MessageEntity where contextUri = :c and senderId = :a and memberId = :m"
                        + " order by receivedAt, id", MessageEntity.class)
                .setParameter("c", contextUri).setParameter("a", senderId).setParameter("m", memberId).getResultList();
    }

    /** The actors of other servers that sent the member a direct message kept here. */
    public static List<ActorEntity> remoteSendersTo(Session s, long memberId) {
        return s.createSelectionQuery("from ActorEntity a where a.local = false and a.id in"
                + " (select m.senderId from MessageEntity m where m.memberId = :m)", ActorEntity.class)
                .setParameter("m", memberId).getResultList();
    }

    /**
     * Deletes every member's copy of the message {@code uri} if {@code senderId} sent it (its sender deleted it; the
     * notifications of it go with it, ON DELETE CASCADE); returns how many.
     */
    public static int deleteSentBy(Session s, String uri, long senderId) {
        return s.createMutationQuery("delete from MessageEntity where uri = :u and senderId = :a")
                .setParameter("u", uri).setParameter("a", senderId).executeUpdate();
    }

    /** Deletes every message an actor sent (the actor was deleted); returns how many. */
    public static int deleteAllFrom(Session s, long senderId) {
        return s.createMutationQuery("delete from MessageEntity where senderId = :a").setParameter("a", senderId)
                .executeUpdate();
    }
}
