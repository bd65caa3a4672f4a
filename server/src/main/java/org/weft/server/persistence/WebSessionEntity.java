package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's login session. The id is the SHA-256 of the cookie secret, so the table alone logs nobody in. */
@Entity
@Table(name = "web_session")
public class WebSessionEntity {
    @Id
    @Column(length = 64)
    private String id;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(name = "csrf_token", nullable = false, length = 64)
    private String csrfToken;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected WebSessionEntity() {
    }

    public WebSessionEntity(String id, Long memberId, String csrfToken, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.memberId = memberId;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getId() {
        return id;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
