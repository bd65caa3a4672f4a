package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A local member's own choices (page language) and the operator's flag that makes them an admin. */
@Entity
@Table(name = "member_setting")
public class MemberSettingEntity {
    @Id
    @Column(name = "actor_id")
    private Long actorId;
    @Column(length = 8)
    private String language;
    @Column(name = "is_admin", nullable = false)
    private boolean admin;

    protected MemberSettingEntity() {
    }

    public MemberSettingEntity(Long actorId) {
        this.actorId = actorId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}
