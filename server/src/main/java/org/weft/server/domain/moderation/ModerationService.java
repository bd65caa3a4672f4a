package org.weft.server.domain.moderation;

import java.util.List;

import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.proposal.ProposalEvents;
import org.weft.server.domain.proposal.ProposalListener;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Posts from people who do not follow a community, and posts the classifier was unsure of, wait here until a
 * moderator lets them onto its board (then the community boosts the public ones, as it does for followers' posts)
 * or turns them away.
 */
public final class ModerationService {
    private final Database db;
    private final CommunityBoosts boosts;
    private final ProposalListener listener;

    public ModerationService(Database db, CommunityBoosts boosts) {
        this(db, boosts, ProposalListener.NONE);
    }

    /** {@code listener} hears of proposals a moderator lets onto the board, after commit. */
    public ModerationService(Database db, CommunityBoosts boosts, ProposalListener listener) {
        this.db = db;
        this.boosts = boosts;
        this.listener = listener;
    }

    public List<ProposalEntity> pending(String community) {
        return db.inTransaction(s -> {
            ActorEntity group = ActorRepository.local(s, ActorKind.GROUP, community)
                    .orElseThrow(() -> new NotFoundException("No community " + community));
            return ProposalRepository.waitingForModerator(s, group);
        });
    }

    public ProposalEntity approve(long proposalId) {
        return db.inTransaction(s -> {
            ProposalEntity p = waiting(s, proposalId);
            p.setModeration(ProposalEntity.Moderation.VISIBLE);
            if (p.getAudience() == Audience.PUBLIC) {
                boosts.boost(s, p.getGroup(), p.getUri());
            }
            ProposalEvents.afterCommit(s, p, listener);
            return p;
        });
    }

    public ProposalEntity reject(long proposalId) {
        return db.inTransaction(s -> {
            ProposalEntity p = waiting(s, proposalId);
            p.setModeration(ProposalEntity.Moderation.REJECTED);
            return p;
        });
    }

    private static ProposalEntity waiting(org.hibernate.Session s, long proposalId) {
        ProposalEntity p = s.find(ProposalEntity.class, proposalId);
        if (p == null || p.getModeration() != ProposalEntity.Moderation.PENDING) {
            throw new NotFoundException("No post " + proposalId + " is waiting for a moderator");
        }
        return p;
    }
}
