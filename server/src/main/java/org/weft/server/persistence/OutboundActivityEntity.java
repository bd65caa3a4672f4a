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
 * An activity a local actor sent, serialised once; deliveries point at it. {@code objectUri} names what it is about
 * (the Note a Create carries, the post an Announce boosts), so the outbox can list only what still exists.
 */
@Entity
@Table(name = "outbound_activity")
public class OutboundActivityEntity {
    /** The longest object id the column holds; a longer one is not kept (the outbox then never lists it). */
    public static final int MAX_OBJECT_URI = 700;

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
    @Column(name = "object_uri", length = 700)
    private String objectUri;
    @Column(name = "is_public", nullable = false)
    private boolean publicActivity;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboundActivityEntity() {
    }

    public OutboundActivityEntity(String activityUri, ActorEntity actor, String activityType, String body,
                                  boolean publicActivity, Instant createdAt) {
        this(activityUri, actor, activityType, null, body, publicActivity, createdAt);
    }

    /** {@code objectUri}: the id of the activity's object, or null when it has none a column can hold. */
    public OutboundActivityEntity(String activityUri, ActorEntity actor, String activityType, String objectUri,
                                  String body, boolean publicActivity, Instant createdAt) {
        this.activityUri = activityUri;
        this.objectUri = objectUri;
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

    public String getObjectUri() {
        return objectUri;
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
