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

/** An activity a local actor sent, serialised once; deliveries point at it. */
@Entity
@Table(name = "outbound_activity")
public class OutboundActivityEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "activity_uri", nullable = false, length = 700)
    private String activityUri;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    private ActorEntity actor;
    @Column(name = "activity_type", nullable = false, length = 64)
    private String activityType;
    @Column(nullable = false, length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String body;
    @Column(name = "is_public", nullable = false)
    private boolean publicActivity;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboundActivityEntity() {
    }

    public OutboundActivityEntity(String activityUri, ActorEntity actor, String activityType, String body,
                                  boolean publicActivity, Instant createdAt) {
        this.activityUri = activityUri;
        this.actor = actor;
        this.activityType = activityType;
        this.body = body;
        this.publicActivity = publicActivity;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getActivityUri() {
        return activityUri;
    }

    public ActorEntity getActor() {
        return actor;
    }

    public String getActivityType() {
        return activityType;
    }

    public String getBody() {
        return body;
    }

    public boolean isPublicActivity() {
        return publicActivity;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
