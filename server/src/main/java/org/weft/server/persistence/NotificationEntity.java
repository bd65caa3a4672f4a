package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something a local member should know about: a response to their proposal, a decision on theirs, a direct message
 * for them ({@code messageId}), a message in one of their conversations ({@code conversationMessageId}), new
 * matches ({@code matchId}, the first of them). {@code kind} is a {@link org.weft.server.model.NotificationKind}'s
 * wire name. A match notification is a digest: one row for a proposal's matches within an hour, with their number in
 * {@code count}. So is a conversation's: one unread row for the new messages of one conversation, naming the newest.
 */
@Entity
@Table(name = "notification")
public class NotificationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(nullable = false, length = 32)
    private String kind;
    @Column(name = "proposal_id")
    private Long proposalId;
    @Column(name = "response_id")
    private Long responseId;
    @Column(name = "message_id")
    private Long messageId;
    @Column(name = "conversation_message_id")
    private Long conversationMessageId;
    /**
     * For a conversation's: the first of the messages it counts to arrive (the others arrived after it, so have
     * greater ids). What it counts is news until a page has shown every one of them (see V100).
     */
    @Column(name = "first_message_id")
    private Long firstMessageId;
    @Column(name = "match_id")
    private Long matchId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;
    @Column(name = "item_count", nullable = false)
    private int count = 1;

    protected NotificationEntity() {
    }

    public NotificationEntity(Long memberId, String kind, Long proposalId, Long responseId, Instant createdAt) {
        this.memberId = memberId;
        this.kind = kind;
        this.proposalId = proposalId;
        this.responseId = responseId;
        this.createdAt = createdAt;
    }

    /** A notification of a direct message kept for the member. */
    public static NotificationEntity ofMessage(Long memberId, String kind, Long proposalId, Long messageId, Instant createdAt) {
        NotificationEntity n = new NotificationEntity(memberId, kind, proposalId, null, createdAt);
        n.messageId = messageId;
        return n;
    }

    /** A notification of a new message in a conversation, for the side that did not write it. */
    public static NotificationEntity ofConversation(Long memberId, String kind, Long proposalId, Long responseId,
                                                    Long conversationMessageId, Instant createdAt) {
        NotificationEntity n = new NotificationEntity(memberId, kind, proposalId, responseId, createdAt);
        n.conversationMessageId = conversationMessageId;
        n.firstMessageId = conversationMessageId;
        return n;
    }

    /** A notification of a new match for one of the member's proposals ({@code proposalId}). */
    public static NotificationEntity ofMatch(Long memberId, String kind, Long proposalId, Long matchId, Instant createdAt) {
        NotificationEntity n = new NotificationEntity(memberId, kind, proposalId, null, createdAt);
        n.matchId = matchId;
        return n;
    }

    /**
     * The direct message this notification told of is now a message of a conversation (it had arrived before the
     * response that conversation follows): the notification tells of that, and keeps its time and whether it was read.
     */
    public void movedToConversation(String conversationKind, Long proposalId, Long responseId, Long conversationMessageId) {
        this.kind = conversationKind;
        this.proposalId = proposalId;
        this.responseId = responseId;
        this.messageId = null;
        this.conversationMessageId = conversationMessageId;
        this.firstMessageId = conversationMessageId;
    }

    public Long getId() {
        return id;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getKind() {
        return kind;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public Long getResponseId() {
        return responseId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getConversationMessageId() {
        return conversationMessageId;
    }

    /**
     * The first of the messages a conversation's notification counts to arrive: it and every later message from the
     * same side are its news. Null for other kinds.
     */
    public Long getFirstMessageId() {
        // Kept since V100; one made before counts from the message it names, as it did then.
        return firstMessageId != null ? firstMessageId : conversationMessageId;
    }

    public Long getMatchId() {
        return matchId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    /** How many things this notification stands for (new matches or messages in a digest; 1 otherwise). */
    public int getCount() {
        return count;
    }

    /**
     * One more new message in the conversation this unread notification tells of: it counts it and comes back to the
     * top of the list, as a new one would; it names it ({@code newest}) when it was written after the one named so
     * far, so that a message written long ago which arrives late is counted, not shown as the newest.
     */
    public void oneMoreMessage(Long conversationMessageId, boolean newest, Instant when) {
        if (newest) {
            this.conversationMessageId = conversationMessageId;
        }
        this.createdAt = when;
        count++;
    }

    public void markRead(Instant when) {
        this.readAt = when;
    }

    /**
     * One more of what this digest counts. Unread, it counts on; already read, it is new again and counts only what
     * came since.
     */
    public void countOneMore() {
        if (readAt != null) {
            readAt = null;
            count = 1;
        } else {
            count++;
        }
    }
}
