package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local community's settings kept beside its actor: its rules (plain text), which only its page shows. */
@Entity
@Table(name = "community_setting")
public class CommunitySettingEntity {
    @Id
    @Column(name = "actor_id")
    private Long actorId;
    @Column(length = 4000)
    private String rules;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CommunitySettingEntity() {
    }

    public CommunitySettingEntity(Long actorId) {
        this.actorId = actorId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getRules() {
        return rules;
    }

    public void setRules(String rules, Instant now) {
        this.rules = rules;
        this.updatedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
