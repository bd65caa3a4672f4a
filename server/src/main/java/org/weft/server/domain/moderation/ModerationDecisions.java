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
            handedAtSince.addAll(db.inTransaction(s -> ProposalRepository.idsModeratedAt(s, since)));
        }
    }

    /** Tells the listener of the decisions taken since the last call; returns how many. */
    public synchronized int poll() {
        int handed = 0;
        if (since != null) {
            // Those taken at exactly the last time heard, not yet handed on, are read by number: a moderator who turns
            // down a flood decides on thousands at one instant, and pages from that instant would read the same first
            // page of them at every poll, never reaching the decisions after it.
            List<Long> fresh = db.inTransaction(s -> ProposalRepository.idsModeratedAt(s, since)).stream()
                    .filter(id -> !handedAtSince.contains(id)).toList();
            for (int i = 0; i < fresh.size(); i += PAGE) {
                List<Long> ids = fresh.subList(i, Math.min(fresh.size(), i + PAGE));
                db.inTransaction(s -> ProposalRepository.byIds(s, ids)).forEach(listener::changed);
                handedAtSince.addAll(ids);
                handed += ids.size();
            }
        }
        Instant from = since;
        for (ProposalEntity p : db.inTransaction(s -> ProposalRepository.moderatedAfter(s, from, PAGE))) {
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
