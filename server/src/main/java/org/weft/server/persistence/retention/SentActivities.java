package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Activities this instance sent. Their bodies are read by the delivery workers (while a delivery is pending) and,
 * for public ones, by the actor's outbox, which other servers read (a linked Weft community backfills its newest
 * posts from it). So an activity goes only once no delivery row of it is left (pending ones are the queue; finished
 * ones go by {@link FinishedDeliveries} first, and are kept for the operator until then), and only {@code keep}
 * after it was sent: a few days for the rest, and for public ones as long as a proposal can stay open, so the
 * outbox still lists every post that may still be looked for.
 */
public final class SentActivities implements RetentionRule {
    private final boolean publicOnes;
    private final Duration keep;

    private SentActivities(boolean publicOnes, Duration keep) {
        this.publicOnes = publicOnes;
        this.keep = keep;
    }

    /** Followers-only, direct and other non-public activities (Accept, Follow, Undo, Offer...). */
    public static SentActivities notPublic(Duration keep) {
        return new SentActivities(false, keep);
    }

    /** Public activities: the outbox. */
    public static SentActivities outbox(Duration keep) {
        return new SentActivities(true, keep);
    }

    @Override
    public String name() {
        return publicOnes ? "sent public activities" : "sent activities";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT a.id FROM outbound_activity a WHERE a.is_public = ?1"
                        + " AND a.created_at < ?2 AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.activity_id = a.id)"
                        + " LIMIT " + limit, Long.class)
                .setParameter(1, publicOnes).setParameter(2, now.minus(keep)).getResultList();
        return Deletions.delete(s, "outbound_activity", ids);
    }
}
