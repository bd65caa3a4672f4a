package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A direct message from elsewhere to one local member (sanitised HTML). */
@Entity
@Table(name = "message")
public class MessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 700)
    private String uri;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(name = "sender_id", nullable = false)
    private Long senderId;
    @Column(name = "proposal_id")
    private Long proposalId;
    @Column(nullable = false, length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String content;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "read_at")
    private Instant readAt;
    /** The {@code updated} of the last edit its sender made (null: never edited). */
    @Column(name = "updated_at")
    private Instant updatedAt;
    /**
     * The conversation its sender named ({@code context}: the response a Weft conversation follows), kept while that
     * response is unknown here, so the message joins the conversation when the response arrives (see V99); else null.
     */
    @Column(name = "context_uri", length = 700)
    private String contextUri;

    protected MessageEntity() {
    }

    public MessageEntity(String uri, Long memberId, Long senderId, Long proposalId, String content, Instant receivedAt) {
        this.uri = uri;
        this.memberId = memberId;
        this.senderId = senderId;
        this.proposalId = proposalId;
        this.content = content;
        this.receivedAt = receivedAt;
    }

    /** As above, in the conversation {@code contextUri} names (null: none). */
    public MessageEntity(String uri, Long memberId, Long senderId, Long proposalId, String content, Instant receivedAt,
                         String contextUri) {
        this(uri, memberId, senderId, proposalId, content, receivedAt);
        this.contextUri = contextUri;
    }

    public Long getId() {
        return id;
    }

    public String getUri() {
        return uri;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Long getSenderId() {
        return senderId;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public String getContent() {
        return content;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getContextUri() {
        return contextUri;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Its sender edited it: the new (sanitised) text, and the edit's own time. */
    public void edit(String newContent, Instant editedAt) {
        this.content = newContent;
        this.updatedAt = editedAt;
    }

    public void markRead(Instant when) {
        readAt = when;
    }
}
