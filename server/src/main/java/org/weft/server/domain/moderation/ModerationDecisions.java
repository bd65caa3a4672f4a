package org.weft.server.domain.moderation;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.weft.server.domain.proposal.ProposalListener;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Hands the listener (the matcher) every proposal a moderator decided on since the last look, wherever the decision
 * was taken: {@code weft board approve} may run in a process of its own, and the running server would otherwise not
 * match what it approved until a restart. Decisions taken in this process were heard already; hearing them again
 * changes nothing. Follows the decision times in the database, not this process's clock.
 */
public final class ModerationDecisions {
    private static final int PAGE = 1_000;

    private final Database db;
    private final ProposalListener listener;
    private Instant since;
    /** Proposals decided at exactly {@code since} and already handed on (two decisions can share a time). */
    private final Set<Long> handedAtSince = new HashSet<>();

    public ModerationDecisions(Database db, ProposalListener listener) {
        this.db = db;
        this.listener = listener;
        // Decisions taken before start are in what the matcher loads at start.
        this.since = db.inTransaction(ProposalRepository::lastModeratedAt).orElse(null);
        if (since != null) {
            db.inTransaction(s -> ProposalRepository.moderatedSince(s, since, PAGE)).stream()
                    .filter(p -> p.getModeratedAt().equals(since)).forEach(p -> handedAtSince.add(p.getId()));
        }
    }

    /** Tells the listener of the decisions taken since the last call; returns how many. */
    public synchronized int poll() {
        Instant from = since;
        List<ProposalEntity> decided = db.inTransaction(s -> ProposalRepository.moderatedSince(s, from, PAGE));
        int handed = 0;
        for (ProposalEntity p : decided) {
            if (p.getModeratedAt().equals(since) && handedAtSince.contains(p.getId())) {
                continue;
            }
            listener.changed(p);
            handed++;
            if (!p.getModeratedAt().equals(since)) {
                since = p.getModeratedAt();
                handedAtSince.clear();
            }
            handedAtSince.add(p.getId());
        }
        return handed;
    }
}
