package org.weft.server.domain.moderation;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Turns down every post one account, or every account of one server, has waiting in one community, in the caller's
 * transaction: each post as a single "Keep off the board" leaves it (REJECTED, with the time of the decision, which
 * the matcher's poll of decisions reads), and the public log gets one line, "N posts turned down" on the account's
 * address or the server's name, rather than one line a post. A flood is read and changed a batch at a time, each batch
 * written and let go before the next, so 2,000 posts never sit in the session together.
 */
public final class WaitingPostsTurnDown {
    /** How many posts are read, changed and written at a time. */
    static final int BATCH = 200;

    private final ModerationLog log;

    public WaitingPostsTurnDown(ModerationLog log) {
        this.log = log;
    }

    /** Returns how many posts of {@code account} it turned down (0: none waited, and nothing is logged). */
    public int turnDown(Session s, ActorEntity community, ActorEntity account, Long moderatorId, Instant when) {
        return turnDown(s, community, account, null, moderatorId, when);
    }

    /** As {@link #turnDown(Session, ActorEntity, ActorEntity, Long, Instant)}, with a public reason (may be null). */
    public int turnDown(Session s, ActorEntity community, ActorEntity account, String reason, Long moderatorId,
                        Instant when) {
        return turnDown(s, community, account.getUri(), reason, moderatorId, when,
                batch -> ProposalRepository.waitingOf(s, community.getId(), account.getId(), batch));
    }

    /**
     * Turns down the posts waiting from every account of the server {@code domain} (host, or host:port, as actors'
     * {@code domain} holds it); returns how many (0: none waited, and nothing is logged).
     */
    public int turnDownServer(Session s, ActorEntity community, String domain, String reason, Long moderatorId,
                              Instant when) {
        return turnDown(s, community, domain, reason, moderatorId, when,
                batch -> ProposalRepository.waitingFromServer(s, community.getId(), domain, batch));
    }

    private int turnDown(Session s, ActorEntity community, String target, String reason, Long moderatorId, Instant when,
                         Function<Integer, List<ProposalEntity>> waiting) {
        int count = 0;
        List<ProposalEntity> batch = waiting.apply(BATCH);
        while (!batch.isEmpty()) {
            batch.forEach(p -> p.moderate(ProposalEntity.Moderation.REJECTED, when));
            s.flush();
            batch.forEach(s::detach);
            count += batch.size();
            batch = waiting.apply(BATCH);
        }
        if (count > 0) {
            log.recordTurnedDown(s, community, target, count, reason, moderatorId, when);
        }
        return count;
    }
}
