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

/**
 * One actor following another; pending until the followee accepts. A follower of a community may also be approved
 * (by a moderator), which lets it receive the community's posts that are not public.
 */
@Entity
@Table(name = "follow")
public class FollowEntity {
    /** Where a follow stands. */
    public enum State { PENDING, ACCEPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "follower_id")
    private ActorEntity follower;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "followee_id")
    private ActorEntity followee;
    @Column(name = "activity_uri", nullable = false, length = 700)
    private String activityUri;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    /** When a moderator (or the member followed) approved the follower: then it also receives what is not public. */
    @Column(name = "approved_at")
    private Instant approvedAt;

    protected FollowEntity() {
    }

    public FollowEntity(ActorEntity follower, ActorEntity followee, String activityUri, Instant createdAt) {
        this.follower = follower;
        this.followee = followee;
        this.activityUri = activityUri;
        this.state = State.PENDING;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public ActorEntity getFollower() {
        return follower;
    }

    public ActorEntity getFollowee() {
        return followee;
    }

    public String getActivityUri() {
        return activityUri;
    }

    /** A repeated Follow from the same actor replaces the activity id that an Accept must refer to. */
    public void setActivityUri(String activityUri) {
        this.activityUri = activityUri;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public void accept(Instant when) {
        this.state = State.ACCEPTED;
        this.acceptedAt = when;
    }

    public boolean isAccepted() {
        return state == State.ACCEPTED;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    /** Accepted, and approved by someone who decides for the followee. */
    public void approve(Instant when) {
        accept(acceptedAt == null ? when : acceptedAt);
        this.approvedAt = when;
    }

    /** Whether someone approved this follower explicitly (see FollowRepository for approval by a link). */
    public boolean isApprovedExplicitly() {
        return approvedAt != null;
    }
}
