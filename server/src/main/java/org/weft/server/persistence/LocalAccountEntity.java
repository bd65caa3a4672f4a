package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The secrets of a local actor: its private key and, for members, a password hash. */
@Entity
@Table(name = "local_account")
public class LocalAccountEntity {
    @Id
    @Column(name = "actor_id")
    private Long actorId;
    @Column(name = "private_key_pem", nullable = false, length = 4000)
    private String privateKeyPem;
    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    protected LocalAccountEntity() {
    }

    public LocalAccountEntity(Long actorId, String privateKeyPem) {
        this.actorId = actorId;
        this.privateKeyPem = privateKeyPem;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getPrivateKeyPem() {
        return privateKeyPem;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
