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
 * A poll from another server, as its sender last sent it (see V77): the question as plain text, the counts it reported
 * (its options are {@link RemotePollOptionEntity} rows), and whether it is closed. Members' own votes are
 * {@link RemotePollVoteEntity} rows.
 */
@Entity
@Table(name = "remote_poll")
public class RemotePollEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 700)
    private String uri;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sender_id")
    private ActorEntity sender;
    @Column(nullable = false, length = 2000)
    private String question;
    @Column(nullable = false)
    private boolean multiple;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "voters_count", nullable = false)
    private long votersCount;
    @Column(name = "version_at")
    private Instant versionAt;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected RemotePollEntity() {
    }

    public RemotePollEntity(String uri, ActorEntity sender, Instant receivedAt) {
        this.uri = uri;
        this.sender = sender;
        this.receivedAt = receivedAt;
    }

    /** What the sender's latest Question says; {@code closedAt} stays once set (a later Question cannot reopen it). */
    public void take(String question, boolean multiple, Instant endsAt, Instant closedAt, long votersCount,
                     Instant versionAt, Instant now) {
        this.question = question;
        this.multiple = multiple;
        this.endsAt = endsAt;
        if (this.closedAt == null) {
            this.closedAt = closedAt;
        }
        this.votersCount = votersCount;
        this.versionAt = versionAt;
        this.receivedAt = now;
    }

    /** Whether a member may still vote at {@code now}: not closed, and its end time (if any) not reached. */
    public boolean isOpenAt(Instant now) {
        return closedAt == null && (endsAt == null || now.isBefore(endsAt));
    }

    public Long getId() {
        return id;
    }

    public String getUri() {
        return uri;
    }

    public ActorEntity getSender() {
        return sender;
    }

    public String getQuestion() {
        return question;
    }

    public boolean isMultiple() {
        return multiple;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getVotersCount() {
        return votersCount;
    }

    public Instant getVersionAt() {
        return versionAt;
    }
}
