package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A member who moderates one community (operators moderate every community without such a row). */
@Entity
@Table(name = "community_moderator")
public class ModeratorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    private ActorEntity community;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private ActorEntity member;
    /** Who chose the member: null when an operator did it from the command line. */
    @Column(name = "added_by")
    private Long addedBy;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ModeratorEntity() {
    }

    public ModeratorEntity(ActorEntity community, ActorEntity member, Long addedBy, Instant addedAt) {
        this.community = community;
        this.member = member;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() {
        return id;
    }

    public ActorEntity getCommunity() {
        return community;
    }

    public ActorEntity getMember() {
        return member;
    }

    public Long getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
