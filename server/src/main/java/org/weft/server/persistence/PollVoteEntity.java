package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One voter's choice of one option (see V65). Who voted is kept only so that each voter counts once (per option for
 * multiple choice); it is never shown to anyone nor sent anywhere.
 */
@Entity
@Table(name = "poll_vote")
public class PollVoteEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "poll_id", nullable = false)
    private Long pollId;
    @Column(name = "option_id", nullable = false)
    private Long optionId;
    @Column(name = "voter_id", nullable = false)
    private Long voterId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PollVoteEntity() {
    }

    public PollVoteEntity(Long pollId, Long optionId, Long voterId, Instant createdAt) {
        this.pollId = pollId;
        this.optionId = optionId;
        this.voterId = voterId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOptionId() {
        return optionId;
    }

    public Long getVoterId() {
        return voterId;
    }
}
