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

/** An account blocked by a community (its moderators decided) or by a member for themselves (see V49). */
@Entity
@Table(name = "account_block")
public class AccountBlockEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blocker_id")
    private ActorEntity blocker;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blocked_id")
    private ActorEntity blocked;
    @Column(name = "blocked_by")
    private Long blockedBy;
    @Column(length = 1000)
    private String reason;
    /** The Block activity sent for a community's block (its Undo names it); null for a member's own block. */
    @Column(name = "activity_uri", length = 700)
    private String activityUri;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountBlockEntity() {
    }

    public AccountBlockEntity(ActorEntity blocker, ActorEntity blocked, Long blockedBy, String reason, Instant createdAt) {
        this.blocker = blocker;
        this.blocked = blocked;
        this.blockedBy = blockedBy;
        this.reason = reason == null || reason.isBlank() ? null : reason.strip().substring(0, Math.min(1000, reason.strip().length()));
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public ActorEntity getBlocker() {
        return blocker;
    }

    public ActorEntity getBlocked() {
        return blocked;
    }

    public Long getBlockedBy() {
        return blockedBy;
    }

    public String getReason() {
        return reason;
    }

    public String getActivityUri() {
        return activityUri;
    }

    public void setActivityUri(String activityUri) {
        this.activityUri = activityUri;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
