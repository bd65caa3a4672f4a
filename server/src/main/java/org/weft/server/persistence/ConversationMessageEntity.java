package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One message of the conversation that follows a response, between the proposal's author side and the responder
 * (sanitised HTML). Seen by those two sides only, and by nobody once a moderator hid it.
 */
@Entity
@Table(name = "conversation_message")
public class ConversationMessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "response_id")
    private ResponseEntity response;
    @Column(nullable = false, length = 700)
    private String uri;
    @Column(name = "author_side", nullable = false)
    private boolean authorSide;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sender_id")
    private ActorEntity sender;
    @Column(name = "writer_id")
    private Long writerId;
    @Column(nullable = false, length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String content;
    /** When it arrived here (written here: when it was written); its id follows the same order. */
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /**
     * When it was written, the order a conversation is shown in (see V100): for a message from another server its
     * sender's {@code published}, kept between the conversation's start (or the message it replies to) and its
     * arrival.
     */
    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;
    /** The {@code updated} of the last edit its sender made on another server (null: never edited). */
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** When a moderator hid it (null: shown); its words are then shown to nobody (see V95). */
    @Column(name = "hidden_at")
    private Instant hiddenAt;

    protected ConversationMessageEntity() {
    }

    /**
     * @param authorSide whether the proposal's side wrote it (else the responder)
     * @param sender     the actor it is from on the wire
     * @param writerId   the local member who wrote it, or null when it came from another server
     * @param createdAt  when it arrived here, or was written here
     * @param writtenAt  when it was written, as far as this instance can tell (see {@link #getWrittenAt()})
     */
    public ConversationMessageEntity(ResponseEntity response, String uri, boolean authorSide, ActorEntity sender,
                                     Long writerId, String content, Instant createdAt, Instant writtenAt) {
        this.response = response;
        this.uri = uri;
        this.authorSide = authorSide;
        this.sender = sender;
        this.writerId = writerId;
        this.content = content;
        this.createdAt = createdAt;
        this.writtenAt = writtenAt;
    }

    public Long getId() {
        return id;
    }

    public ResponseEntity getResponse() {
        return response;
    }

    public String getUri() {
        return uri;
    }

    public boolean isAuthorSide() {
        return authorSide;
    }

    public ActorEntity getSender() {
        return sender;
    }

    public Long getWriterId() {
        return writerId;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Its sender edited it on their server: the new (sanitised) words, and the edit's own time. */
    public void edit(String newContent, Instant editedAt) {
        this.content = newContent;
        this.updatedAt = editedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * When it was written: the time a conversation is ordered and shown by (ties by arrival, the id). Unread news
     * is counted by arrival ({@link #getCreatedAt()}, the id): a message written earlier that arrives late is news.
     */
    public Instant getWrittenAt() {
        return writtenAt;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    /** A moderator hid it from a report: both sides see that it was removed, not what it said. */
    public void hide(Instant when) {
        this.hiddenAt = when;
    }
}
