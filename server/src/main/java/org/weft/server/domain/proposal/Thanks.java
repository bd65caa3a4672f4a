package org.weft.server.domain.proposal;

import java.time.Clock;
import java.util.Optional;

import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ThanksEntity;
import org.weft.server.persistence.ThanksRepository;

/**
 * Likes and emoji reactions on local proposals, from anywhere, kept as thanks: a proposal's page shows how many
 * people thanked it, never who, and nothing ranks people by it. Each activity is kept once (a redelivery changes
 * nothing) and an {@code Undo} by the same actor takes it back; someone who likes and reacts counts once.
 */
public final class Thanks {
    private final Database db;
    private final Clock clock;

    public Thanks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A Like or reaction {@code activityId} by {@code actor} (already verified as the signer) of {@code objectUri}.
     * Returns whether it was kept: false when the object is not a proposal here that is still listed, or the
     * activity is kept already.
     */
    public boolean received(String activityId, ActorEntity actor, String objectUri) {
        return db.inTransaction(s -> {
            Optional<ProposalEntity> proposal = ProposalRepository.localByUri(s, objectUri)
                    .filter(p -> !p.isDeleted() && p.getStatus() != ProposalStatus.WITHDRAWN);
            if (proposal.isEmpty() || actor.isDeleted() || ThanksRepository.exists(s, activityId)) {
                return false;
            }
            s.persist(new ThanksEntity(proposal.get().getId(), actor.getId(), activityId, clock.instant()));
            return true;
        });
    }

    /** {@code actorUri} takes back its Like or reaction {@code activityId}; returns whether one was kept. */
    public boolean undone(String activityId, String actorUri) {
        return db.inTransaction(s -> {
            Optional<ActorEntity> actor = ActorRepository.byUri(s, actorUri);
            return actor.isPresent() && ThanksRepository.deleteByActivity(s, activityId, actor.get().getId());
        });
    }

    /** How many people thanked a proposal. */
    public long count(long proposalId) {
        return db.inTransaction(s -> ThanksRepository.count(s, proposalId));
    }
}
