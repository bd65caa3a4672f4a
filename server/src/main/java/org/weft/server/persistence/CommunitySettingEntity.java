package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local community's settings kept beside its actor: its rules (plain text), which only its page
 * shows, and whether its members may open polls. */
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
    @Column(name = "members_open_polls", nullable = false)
    private boolean membersOpenPolls;

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

    /** Whether any member may open a poll in the community (otherwise only its moderators). */
    public boolean isMembersOpenPolls() {
        return membersOpenPolls;
    }

    public void setMembersOpenPolls(boolean membersOpenPolls, Instant now) {
        this.membersOpenPolls = membersOpenPolls;
        this.updatedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
