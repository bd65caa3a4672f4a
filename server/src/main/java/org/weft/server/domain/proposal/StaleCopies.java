package org.weft.server.domain.proposal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Expires, here, copies of other servers' proposals whose own server has gone silent. A proposal's server sends its
 * expiry like any other change; a copy whose server has not been heard from for the proposal's whole lifetime (from
 * publication to end) plus {@link #MARGIN} since it last was is taken to have ended without word (the server is gone,
 * or a link ended and the news was lost), rather than staying open here for ever. Nothing is sent anywhere.
 */
public final class StaleCopies {
    /** How long past a copy's expected silence we wait, for a server that is slow to send its expiry. */
    public static final Duration MARGIN = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final Database db;
    private final Clock clock;
    private final ProposalListener listener;

    public StaleCopies(Database db, Clock clock, ProposalListener listener) {
        this.db = db;
        this.clock = clock;
        this.listener = listener;
    }

    /** Expires the silent copies; returns how many. */
    public int expireSilent() {
        Instant now = clock.instant();
        // Heard of last no earlier than it was published, a copy cannot be silent long enough before its end plus the
        // margin: only those are read, a page at a time, and each is checked on its own.
        Instant cutoff = now.minus(MARGIN);
        int expired = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> page = db.inTransaction(s -> ProposalRepository.remoteEndedBefore(s, cutoff, from, BATCH));
            for (Long id : page) {
                expired += db.inTransaction(s -> expireIfSilent(s.find(ProposalEntity.class, id), s, now));
            }
            if (page.size() < BATCH) {
                return expired;
            }
            after = page.get(page.size() - 1);
        }
    }

    private int expireIfSilent(ProposalEntity p, Session s, Instant now) {
        if (!p.getStatus().isActive() || p.isDeleted() || !silentSince(p, now)) {
            return 0;
        }
        p.setStatus(ProposalStatus.EXPIRED);
        ProposalEvents.afterCommit(s, p, listener);
        return 1;
    }

    /** Whether nothing has been heard of the copy for its whole lifetime plus the margin. */
    static boolean silentSince(ProposalEntity p, Instant now) {
        Instant heard = p.getHeardAt() != null ? p.getHeardAt() : p.getPublishedAt();
        Duration lifetime = Duration.between(p.getPublishedAt(), p.getEndsAt());
        return !heard.plus(lifetime.isNegative() ? Duration.ZERO : lifetime).plus(MARGIN).isAfter(now);
    }
}
