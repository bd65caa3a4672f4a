package org.weft.server.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hibernate.Session;
import org.weft.server.model.NotificationKind;

/** Queries over members' notifications, inside the caller's transaction. */
public final class NotificationRepository {
    private NotificationRepository() {
    }

    /** One page of a member's notifications, newest first; {@code unreadOnly} leaves out the read ones. */
    public static List<NotificationEntity> page(Session s, long memberId, boolean unreadOnly, int page, int pageSize) {
        String unread = unreadOnly ? " and readAt is null" : "";
        return s.createSelectionQuery("from NotificationEntity where memberId = :m" + unread
                        + " order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("m", memberId)
                .setFirstResult((page - 1) * pageSize).setMaxResults(pageSize).getResultList();
    }

    /** The notifications of a direct message kept for a member. */
    public static List<NotificationEntity> ofMessage(Session s, long messageId) {
        return s.createSelectionQuery("from NotificationEntity where messageId = :m", NotificationEntity.class)
                .setParameter("m", messageId).getResultList();
    }

    /** A member's newest notifications. */
    public static List<NotificationEntity> newest(Session s, long memberId, int limit) {
        return s.createSelectionQuery(
                        "from NotificationEntity where memberId = :me order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("me", memberId).setMaxResults(limit).getResultList();
    }

    public static long count(Session s, long memberId, boolean unreadOnly) {
        return s.createSelectionQuery("select count(*) from NotificationEntity where memberId = :m"
                        + (unreadOnly ? " and readAt is null" : ""), Long.class)
                .setParameter("m", memberId).getSingleResult();
    }

    /** Marks a member's unread notifications read: those with these ids, or all when {@code ids} is null. */
    public static int markRead(Session s, long memberId, List<Long> ids, Instant now) {
        var update = s.createMutationQuery("update NotificationEntity set readAt = :now"
                        + " where memberId = :m and readAt is null" + (ids == null ? "" : " and id in (:ids)"))
                .setParameter("now", now).setParameter("m", memberId);
        if (ids != null) {
            update.setParameterList("ids", ids);
        }
        return update.executeUpdate();
    }

    /**
     * Marks read a member's unread notifications of these conversation messages, those a page has just shown them:
     * each that names one of them, once the page showed every message it counts. A conversation is shown in the order
     * its messages were written, and one that arrived late may be above those shown (on an earlier page, or above the
     * newest two under a response): it is still news, and so is its notification. Another member's notifications of
     * the same messages stay as they are.
     */
    public static int markMessagesRead(Session s, long memberId, Collection<Long> conversationMessageIds, Instant now) {
        if (conversationMessageIds.isEmpty()) {
            return 0;
        }
        Set<Long> shown = new HashSet<>(conversationMessageIds);
        int read = 0;
        for (NotificationEntity n : s.createSelectionQuery("from NotificationEntity where memberId = :m"
                        + " and readAt is null and conversationMessageId in (:ids)", NotificationEntity.class)
                .setParameter("m", memberId).setParameterList("ids", shown).getResultList()) {
            ConversationMessageEntity named = s.find(ConversationMessageEntity.class, n.getConversationMessageId());
            if (shown.containsAll(ConversationMessageRepository.idsArrivedSince(s, n.getResponseId(),
                    named.isAuthorSide(), n.getFirstMessageId()))) {
                n.markRead(now);
                read++;
            }
        }
        return read;
    }

    /**
     * Marks read a member's unread notifications of {@code kind} about any of these responses: those a page has just
     * shown them. Another member's, and other kinds about the same responses, stay as they are.
     */
    public static int markReadAbout(Session s, long memberId, String kind, Collection<Long> responseIds, Instant now) {
        if (responseIds.isEmpty()) {
            return 0;
        }
        return s.createMutationQuery("update NotificationEntity set readAt = :now where memberId = :m and kind = :k"
                        + " and readAt is null and responseId in (:ids)")
                .setParameter("now", now).setParameter("m", memberId).setParameter("k", kind)
                .setParameterList("ids", responseIds).executeUpdate();
    }

    /**
     * Marks read the member's unread notifications about what account {@code accountId} sent: its responses (and the
     * messages in their conversations), its messages in conversations, its direct messages, and what it did with its
     * proposals the member answered (its decision on her answer, its changes, its messages there). Read, not deleted:
     * lifting a block loses nothing.
     */
    public static int readAboutAccount(Session s, long memberId, long accountId, Instant now) {
        return s.createMutationQuery("update NotificationEntity n set n.readAt = :now where n.memberId = :m"
                        + " and n.readAt is null and (n.responseId in (select r.id from ResponseEntity r"
                        + " join r.proposal p where r.responder.id = :a"
                        + " or (r.responder.id = :m and p.attributedTo.id = :a))"
                        + " or n.conversationMessageId in (select c.id from"
                        + " ConversationMessageEntity c where c.sender.id = :a) or n.messageId in (select d.id from"
                        + " MessageEntity d where d.senderId = :a))")
                .setParameter("now", now).setParameter("m", memberId).setParameter("a", accountId).executeUpdate();
    }

    /**
     * Marks read every member's unread notifications about the responses account {@code accountId} sent to proposals
     * posted in community {@code communityId}, and about the messages in their conversations.
     */
    public static int readAboutAccountIn(Session s, long communityId, long accountId, Instant now) {
        return s.createMutationQuery("update NotificationEntity n set n.readAt = :now where n.readAt is null"
                        + " and n.responseId in (select r.id from ResponseEntity r join r.proposal p"
                        + " where r.responder.id = :a and p.group.id = :g)")
                .setParameter("now", now).setParameter("g", communityId).setParameter("a", accountId).executeUpdate();
    }

    /**
     * As {@link #readAboutAccountIn}, for every account of the server {@code domain} (as actors' {@code domain} holds
     * it), which community {@code communityId} now refuses.
     */
    public static int readAboutServerIn(Session s, long communityId, String domain, Instant now) {
        return s.createMutationQuery("update NotificationEntity n set n.readAt = :now where n.readAt is null"
                        + " and n.responseId in (select r.id from ResponseEntity r join r.proposal p join r.responder a"
                        + " where a.local = false and a.domain = :d and p.group.id = :g)")
                .setParameter("now", now).setParameter("g", communityId).setParameter("d", domain).executeUpdate();
    }

    /** A member's newest unread notification of {@code kind} about response {@code responseId}, if any. */
    public static Optional<NotificationEntity> unreadAbout(Session s, long memberId, String kind, long responseId) {
        return s.createSelectionQuery("from NotificationEntity where responseId = :r and memberId = :m and kind = :k"
                        + " and readAt is null order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("r", responseId).setParameter("m", memberId).setParameter("k", kind)
                .setMaxResults(1).uniqueResultOptional();
    }

    /** A member's newest notification of {@code kind} about a proposal made after {@code since} (a digest still open). */
    public static Optional<NotificationEntity> latestSince(Session s, long memberId, String kind, long proposalId,
                                                                     Instant since) {
        return s.createSelectionQuery("from NotificationEntity where proposalId = :p and memberId = :m and kind = :k"
                        + " and createdAt > :since order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("p", proposalId).setParameter("m", memberId).setParameter("k", kind)
                .setParameter("since", since).setMaxResults(1).uniqueResultOptional();
    }

    /**
     * Marks read the unread notices of one new match (a digest that counts only it) whose match is now withdrawn, among
     * the matches of these proposals: the news they bring is over. A digest that counts more stays as it is.
     */
    public static int readNoticesOfWithdrawnMatches(Session s, Collection<Long> proposalIds, Instant now) {
        if (proposalIds.isEmpty()) {
            return 0;
        }
        return s.createMutationQuery("update NotificationEntity n set n.readAt = :now where n.kind = :k"
                        + " and n.readAt is null and n.count = 1 and n.matchId in (select m.id from MatchEntity m"
                        + " where m.state = :w and (m.requestId in (:ids) or m.offerId in (:ids)))")
                .setParameter("now", now).setParameter("k", NotificationKind.MATCH.wire())
                .setParameter("w", MatchEntity.State.WITHDRAWN).setParameterList("ids", proposalIds).executeUpdate();
    }

    /**
     * Takes back the member's unread "match gone" notices about matches with proposal {@code otherId}: the news was
     * that it is no longer available, and it turned out to be promised to this member. Another server's Update of a
     * promised proposal can reach us before its Accept of the member's answer, and only the Accept says to whom.
     */
    public static int retractMatchGone(Session s, long memberId, long otherId) {
        return s.createMutationQuery("delete from NotificationEntity n where n.memberId = :member and n.kind = :k"
                        + " and n.readAt is null and n.matchId in (select m.id from MatchEntity m"
                        + " where m.requestId = :p or m.offerId = :p)")
                .setParameter("member", memberId).setParameter("k", NotificationKind.MATCH_GONE.wire())
                .setParameter("p", otherId).executeUpdate();
    }
}
