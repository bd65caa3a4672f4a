package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A browser a member has signed in from. The id is the SHA-256 of the member id and the browser's device-cookie
 * secret, so the table alone names no cookie.
 */
@Entity
@Table(name = "login_device")
public class LoginDeviceEntity {
    @Id
    @Column(length = 64)
    private String id;
    @Column(name = "member_id", nullable = false)
    private Long memberId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    protected LoginDeviceEntity() {
    }

    public LoginDeviceEntity(String id, Long memberId, Instant createdAt) {
        this.id = id;
        this.memberId = memberId;
        this.createdAt = createdAt;
        this.lastUsedAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void used(Instant when) {
        this.lastUsedAt = when;
    }
}
