package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Claims a local username for one actor, so members and groups never share a handle. */
@Entity
@Table(name = "local_username")
public class LocalUsernameEntity {
    @Id
    @Column(length = 190)
    private String username;
    @Column(name = "actor_id", nullable = false)
    private Long actorId;

    protected LocalUsernameEntity() {
    }

    public LocalUsernameEntity(String username, Long actorId) {
        this.username = username;
        this.actorId = actorId;
    }

    public String getUsername() {
        return username;
    }

    public Long getActorId() {
        return actorId;
    }
}
