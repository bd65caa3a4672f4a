package org.weft.server.domain.moderation;

import java.time.Instant;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Turns down every post one account has waiting in one community, in the caller's transaction: each post as a single
 * "Keep off the board" leaves it (REJECTED, with the time of the decision, which the matcher's poll of decisions
 * reads), and the public log gets one line, "N posts from X turned down", rather than one line a post. A flood is
 * read and changed a batch at a time, each batch written and let go before the next, so 2,000 posts never sit in
 * the session together.
 */
public final class WaitingPostsTurnDown {
    /** How many posts are read, changed and written at a time. */
    static final int BATCH = 200;

    private final ModerationLog log;

    public WaitingPostsTurnDown(ModerationLog log) {
        this.log = log;
    }

    /** Returns how many posts it turned down (0: none waited, and nothing is logged). */
    public int turnDown(Session s, ActorEntity community, ActorEntity account, Long moderatorId, Instant when) {
        int count = 0;
        List<ProposalEntity> batch = ProposalRepository.waitingOf(s, community.getId(), account.getId(), BATCH);
        while (!batch.isEmpty()) {
            batch.forEach(p -> p.moderate(ProposalEntity.Moderation.REJECTED, when));
            s.flush();
            batch.forEach(s::detach);
            count += batch.size();
            batch = ProposalRepository.waitingOf(s, community.getId(), account.getId(), BATCH);
        }
        if (count > 0) {
            log.recordTurnedDown(s, community, account.getUri(), count, moderatorId, when);
        }
        return count;
    }
}
