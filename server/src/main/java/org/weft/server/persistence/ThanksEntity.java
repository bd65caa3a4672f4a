package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One Like or emoji reaction on a local proposal, counted as thanks. Kept per activity, so that an Undo removes what it
 * undoes; counted per actor, so that nobody counts twice. Who thanked is never shown.
 */
@Entity
@Table(name = "proposal_thanks")
public class ThanksEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;
    @Column(name = "actor_id", nullable = false)
    private Long actorId;
    @Column(name = "activity_uri", nullable = false, length = 700)
    private String activityUri;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ThanksEntity() {
    }

    public ThanksEntity(Long proposalId, Long actorId, String activityUri, Instant createdAt) {
        this.proposalId = proposalId;
        this.actorId = actorId;
        this.activityUri = activityUri;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActivityUri() {
        return activityUri;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
