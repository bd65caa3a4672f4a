package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's API token; only its SHA-256 is stored, so a database leak does not leak tokens. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "actor_id", nullable = false)
    private Long actorId;
    @Column(name = "token_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    private String tokenHash;
    @Column(nullable = false, length = 200)
    private String label;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(Long actorId, String tokenHash, String label, Instant createdAt) {
        this.actorId = actorId;
        this.tokenHash = tokenHash;
        this.label = label;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getLabel() {
        return label;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void touch(Instant when) {
        this.lastUsedAt = when;
    }
}
