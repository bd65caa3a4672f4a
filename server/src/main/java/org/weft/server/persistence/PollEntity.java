package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.weft.server.model.PollVoters;

/** A poll in a local community (see V65); its options are {@link PollOptionEntity} rows, its votes {@link PollVoteEntity}. */
@Entity
@Table(name = "poll")
public class PollEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 700)
    private String uri;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    private ActorEntity community;
    @Column(name = "author_id")
    private Long authorId;
    @Column(nullable = false, length = 1000)
    private String question;
    /** Longer text shown under the question and sent with it (a decision's proposed rules, V74); null for most. */
    @Column(length = 4000)
    private String details;
    @Column(nullable = false)
    private boolean multiple;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PollVoters voters;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_early", nullable = false)
    private boolean closedEarly;
    @Column(name = "results_due_at")
    private Instant resultsDueAt;
    @Column(name = "results_sent_at")
    private Instant resultsSentAt;

    protected PollEntity() {
    }

    public PollEntity(String uri, ActorEntity community, Long authorId, String question, boolean multiple,
                      PollVoters voters, Instant endsAt, Instant createdAt) {
        this.uri = uri;
        this.community = community;
        this.authorId = authorId;
        this.question = question;
        this.multiple = multiple;
        this.voters = voters;
        this.endsAt = endsAt;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUri() {
        return uri;
    }

    public ActorEntity getCommunity() {
        return community;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getQuestion() {
        return question;
    }

    public String getDetails() {
        return details;
    }

    /** Sets the text shown under the question; only before the poll is sent, as its Question carries it. */
    public void setDetails(String details) {
        this.details = details;
    }

    public boolean isMultiple() {
        return multiple;
    }

    public PollVoters getVoters() {
        return voters;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isClosedEarly() {
        return closedEarly;
    }

    /** Final: closed by the job at its end time or early by a moderator. */
    public boolean isClosed() {
        return closedAt != null;
    }

    /** Whether votes are still taken at {@code now}: not closed and its end time not reached. */
    public boolean isOpenAt(Instant now) {
        return closedAt == null && now.isBefore(endsAt);
    }

    public void close(Instant when, boolean early) {
        this.closedAt = when;
        this.closedEarly = early;
    }

    public Instant getResultsDueAt() {
        return resultsDueAt;
    }

    public Instant getResultsSentAt() {
        return resultsSentAt;
    }

    /** The counts changed: an Update is owed to followers, at {@code due} at the earliest (kept if already owed). */
    public void resultsChanged(Instant due) {
        if (resultsDueAt == null) {
            resultsDueAt = due;
        }
    }

    public void resultsSent(Instant when) {
        this.resultsDueAt = null;
        this.resultsSentAt = when;
    }
}
