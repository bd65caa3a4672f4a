package org.weft.server.domain.moderation;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

import org.hibernate.Session;
import org.weft.server.domain.ConflictException;
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
 * Posts that wait for a moderator (from people who do not follow a community, posts the classifier was unsure of,
 * proposals from actors nobody here follows, posts past one account's hourly board limit) wait here until a moderator
 * lets them onto the board (then the community boosts the public ones, as it does for followers' posts, and they
 * match like any other) or turns them away. The time of each decision is kept, so a server process that did not take
 * it hears of it too.
 */
public final class ModerationService {
    private final Database db;
    private final CommunityBoosts boosts;
    private final ProposalListener listener;
    private final Clock clock;

    public ModerationService(Database db, CommunityBoosts boosts, Clock clock) {
        this(db, boosts, ProposalListener.NONE, clock);
    }

    /** {@code listener} hears of proposals a moderator lets onto the board, after commit. */
    public ModerationService(Database db, CommunityBoosts boosts, ProposalListener listener, Clock clock) {
        this.db = db;
        this.boosts = boosts;
        this.listener = listener;
        this.clock = clock;
    }

    public List<ProposalEntity> pending(String community) {
        return db.inTransaction(s -> {
            ActorEntity group = ActorRepository.local(s, ActorKind.GROUP, community)
                    .orElseThrow(() -> new NotFoundException("No community " + community));
            return ProposalRepository.waitingForModerator(s, group);
        });
    }

    public ProposalEntity approve(long proposalId) {
        return approve(proposalId, (s, p) -> { });
    }

    /**
     * As {@link #approve(long)}, with {@code choice} first checking and setting what the moderator chose (who may
     * choose, and which of the classifier's readings) in the same transaction: when it throws, nothing changes.
     */
    public ProposalEntity approve(long proposalId, BiConsumer<Session, ProposalEntity> choice) {
        return db.inTransaction(s -> {
            ProposalEntity p = waiting(s, proposalId);
            choice.accept(s, p);
            p.moderate(ProposalEntity.Moderation.VISIBLE, clock.instant());
            if (p.getAudience() == Audience.PUBLIC) {
                boosts.boost(s, p.getGroup(), p.getUri());
            }
            ProposalEvents.afterCommit(s, p, listener);
            return p;
        });
    }

    public ProposalEntity reject(long proposalId) {
        return reject(proposalId, (s, p) -> { });
    }

    /** As {@link #reject(long)}, after {@code check} (who may decide) in the same transaction. */
    public ProposalEntity reject(long proposalId, BiConsumer<Session, ProposalEntity> check) {
        return db.inTransaction(s -> {
            ProposalEntity p = waiting(s, proposalId);
            check.accept(s, p);
            p.moderate(ProposalEntity.Moderation.REJECTED, clock.instant());
            return p;
        });
    }

    private static ProposalEntity waiting(Session s, long proposalId) {
        ProposalEntity p = s.find(ProposalEntity.class, proposalId);
        if (p == null || p.isDeleted()) {
            throw new NotFoundException("No post " + proposalId);
        }
        if (p.getModeration() != ProposalEntity.Moderation.PENDING) {
            // Another moderator decided first (or the CLI did): the page says so rather than deciding twice.
            throw new ConflictException("post_not_waiting", "moderation.notWaiting");
        }
        return p;
    }
}
