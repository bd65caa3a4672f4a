package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Remembers a deleted local object so its URL answers 410 Gone instead of 404. */
@Entity
@Table(name = "tombstone")
public class TombstoneEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 700)
    private String uri;
    @Column(name = "former_type", nullable = false, length = 64)
    private String formerType;
    @Column(name = "deleted_at", nullable = false)
    private Instant deletedAt;

    protected TombstoneEntity() {
    }

    public TombstoneEntity(String uri, String formerType, Instant deletedAt) {
        this.uri = uri;
        this.formerType = formerType;
        this.deletedAt = deletedAt;
    }

    public String getUri() {
        return uri;
    }

    public String getFormerType() {
        return formerType;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
