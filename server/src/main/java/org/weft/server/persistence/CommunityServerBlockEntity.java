package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Another server a community refuses, its moderators decided (V92); not the operator's instance-wide block
 * ({@link DomainBlockEntity}).
 */
@Entity
@Table(name = "community_server_block")
public class CommunityServerBlockEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "community_id", nullable = false)
    private long communityId;
    /** Host, or host:port, as actors' {@code domain} holds it. */
    @Column(nullable = false, length = 255)
    private String domain;
    @Column(name = "blocked_by")
    private Long blockedBy;
    @Column(length = 1000)
    private String reason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CommunityServerBlockEntity() {
    }

    public CommunityServerBlockEntity(long communityId, String domain, Long blockedBy, String reason, Instant createdAt) {
        this.communityId = communityId;
        this.domain = domain;
        this.blockedBy = blockedBy;
        this.reason = reason == null || reason.isBlank() ? null
                : reason.strip().substring(0, Math.min(1000, reason.strip().length()));
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getCommunityId() {
        return communityId;
    }

    public String getDomain() {
        return domain;
    }

    public Long getBlockedBy() {
        return blockedBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
