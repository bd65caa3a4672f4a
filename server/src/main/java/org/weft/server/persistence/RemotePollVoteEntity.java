package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member's choice of one option in a poll from another server (see V77): kept so that a member votes once from any
 * device and is shown their own choice; shown to nobody else.
 */
@Entity
@Table(name = "remote_poll_vote")
public class RemotePollVoteEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "poll_id", nullable = false)
    private Long pollId;
    @Column(name = "option_id", nullable = false)
    private Long optionId;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RemotePollVoteEntity() {
    }

    public RemotePollVoteEntity(Long pollId, Long optionId, Long memberId, Instant createdAt) {
        this.pollId = pollId;
        this.optionId = optionId;
        this.memberId = memberId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }
}
