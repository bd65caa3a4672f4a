package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/** Queries over the messages of responses' conversations, inside the caller's transaction. */
public final class ConversationMessageRepository {
    private ConversationMessageRepository() {
    }

    /** The message with this ActivityPub id, with its response, the response's responder and proposal. */
    public static Optional<ConversationMessageEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from ConversationMessageEntity m join fetch m.response r join fetch r.responder"
                        + " join fetch r.proposal where m.uri = :u", ConversationMessageEntity.class)
                .setParameter("u", uri).uniqueResultOptional();
    }

    public static boolean existsWithUri(Session s, String uri) {
        return s.createSelectionQuery("select count(*) from ConversationMessageEntity where uri = :u", Long.class)
                .setParameter("u", uri).getSingleResult() > 0;
    }

    public static long count(Session s, ResponseEntity response) {
        return s.createSelectionQuery("select count(*) from ConversationMessageEntity where response = :r", Long.class)
                .setParameter("r", response).getSingleResult();
    }

    /**
     * The newest {@code limit} messages of a conversation after skipping {@code skip} newer ones, oldest first: in the
     * order they were written, those written at the same time in the order they arrived. Not the order of arrival
     * alone: after an outage of the other side's server, its messages may come in any order.
     */
    public static List<ConversationMessageEntity> newest(Session s, ResponseEntity response, int skip, int limit) {
        List<ConversationMessageEntity> newestFirst = s.createSelectionQuery("from ConversationMessageEntity m"
                        + " join fetch m.sender where m.response = :r order by m.writtenAt desc, m.id desc",
                        ConversationMessageEntity.class)
                .setParameter("r", response).setFirstResult(skip).setMaxResults(limit).getResultList();
        return newestFirst.reversed();
    }

    /** The newest message of a conversation (the last written), if it has any. */
    public static Optional<ConversationMessageEntity> last(Session s, ResponseEntity response) {
        return newest(s, response, 0, 1).stream().findFirst();
    }

    /**
     * The ids of the messages of one side of a conversation ({@code authorSide}: the proposal's) that arrived since
     * the one with id {@code fromId}, that one included: the news an unread notification counts.
     */
    public static List<Long> idsArrivedSince(Session s, long responseId, boolean authorSide, long fromId) {
        return s.createSelectionQuery("select id from ConversationMessageEntity where response.id = :r"
                        + " and authorSide = :side and id >= :from", Long.class)
                .setParameter("r", responseId).setParameter("side", authorSide).setParameter("from", fromId)
                .getResultList();
    }

    /** Deletes the message with this id if {@code sender} sent it; returns whether one was deleted. */
    public static boolean deleteSentBy(Session s, String uri, ActorEntity sender) {
        return s.createMutationQuery("delete from ConversationMessageEntity where uri = :u and sender = :a")
                .setParameter("u", uri).setParameter("a", sender).executeUpdate() > 0;
    }

    /** Deletes every message an actor sent, in any conversation (the actor was deleted); returns how many. */
    public static int deleteAllFrom(Session s, ActorEntity sender) {
        return s.createMutationQuery("delete from ConversationMessageEntity where sender = :a").setParameter("a", sender)
                .executeUpdate();
    }
}
