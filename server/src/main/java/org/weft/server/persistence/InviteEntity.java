package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invite code for signing up, used at most once. */
@Entity
@Table(name = "invite")
public class InviteEntity {
    @Id
    @Column(length = 64)
    private String code;
    @Column(length = 200)
    private String note;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "used_by")
    private Long usedBy;

    protected InviteEntity() {
    }

    public InviteEntity(String code, String note, Instant createdAt, Instant expiresAt) {
        this.code = code;
        this.note = note;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getCode() {
        return code;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public Long getUsedBy() {
        return usedBy;
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    public void use(Long memberId, Instant when) {
        this.usedBy = memberId;
        this.usedAt = when;
    }
}
