package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The fediverse account a local member linked to be told of new matches by direct message. Kept in a
 * table of its own (rather than a column on the member) so that matching adds to the schema without
 * changing the member's mapping.
 */
@Entity
@Table(name = "member_fediverse_account")
public class FediverseAccountEntity {
    @Id
    @Column(name = "member_id")
    private Long memberId;
    @Column(nullable = false, length = 300)
    private String account;
    @Column(name = "actor_uri", nullable = false, length = 700)
    private String actorUri;
    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected FediverseAccountEntity() {
    }

    public FediverseAccountEntity(Long memberId, String account, String actorUri, Instant linkedAt) {
        this.memberId = memberId;
        this.account = account;
        this.actorUri = actorUri;
        this.linkedAt = linkedAt;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getAccount() {
        return account;
    }

    public String getActorUri() {
        return actorUri;
    }

    public void relink(String newAccount, String newActorUri, Instant when) {
        this.account = newAccount;
        this.actorUri = newActorUri;
        this.linkedAt = when;
    }
}
