package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.weft.server.model.ModerationActionKind;

/** One line of the public moderation log (see V50). */
@Entity
@Table(name = "moderation_action")
public class ModerationActionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "community_id")
    private Long communityId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ModerationActionKind kind;
    @Column(nullable = false, length = 700)
    private String target;
    @Column(length = 1000)
    private String reason;
    @Column(name = "moderator_id")
    private Long moderatorId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** How many posts a {@link ModerationActionKind#POSTS_TURNED_DOWN} turned down; null for the other kinds. */
    @Column(name = "post_count")
    private Integer postCount;

    protected ModerationActionEntity() {
    }

    public ModerationActionEntity(Long communityId, ModerationActionKind kind, String target, String reason,
                                  Long moderatorId, Instant createdAt) {
        this.communityId = communityId;
        this.kind = kind;
        this.target = target.length() > 700 ? target.substring(0, 700) : target;
        this.reason = reason == null || reason.isBlank() ? null : reason.strip().substring(0, Math.min(1000, reason.strip().length()));
        this.moderatorId = moderatorId;
        this.createdAt = createdAt;
    }

    /** An action on {@code postCount} posts at once, logged as one line. */
    public ModerationActionEntity(Long communityId, ModerationActionKind kind, String target, String reason,
                                  Long moderatorId, Instant createdAt, int postCount) {
        this(communityId, kind, target, reason, moderatorId, createdAt);
        this.postCount = postCount;
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public ModerationActionKind getKind() {
        return kind;
    }

    public String getTarget() {
        return target;
    }

    public String getReason() {
        return reason;
    }

    public Long getModeratorId() {
        return moderatorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Integer getPostCount() {
        return postCount;
    }
}
