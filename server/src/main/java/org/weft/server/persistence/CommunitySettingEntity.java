package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

import org.weft.server.model.DecisionMajority;

/** A local community's settings kept beside its actor: its rules (plain text), which only its page
 * shows, whether its members may open polls, and the majority its decisions need (V74). */
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
    @Enumerated(EnumType.STRING)
    @Column(name = "decision_majority", nullable = false, length = 16)
    private DecisionMajority decisionMajority = DecisionMajority.SIMPLE;

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

    public DecisionMajority getDecisionMajority() {
        return decisionMajority;
    }

    public void setDecisionMajority(DecisionMajority majority, Instant now) {
        this.decisionMajority = majority;
        this.updatedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
