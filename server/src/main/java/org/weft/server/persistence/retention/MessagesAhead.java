package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Messages a community kept, unseen, because they named a conversation whose response had not arrived yet (a
 * message to a community-only or anonymous proposal that overtook its {@code Offer}): when the response arrives they
 * join its conversation and leave this table; those still here {@code keep} after they arrived will not (the sender's
 * server stops retrying an {@code Offer} after about 62 hours) and go, being no one's to read.
 */
public final class MessagesAhead implements RetentionRule {
    /** A little longer than the delivery schedule of the sender's retries (RetryPolicy: 50 to 62 hours). */
    public static final Duration KEEP = Duration.ofDays(3);

    private final Duration keep;

    public MessagesAhead(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "messages kept for a response still to come";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT m.id FROM message m JOIN actor a ON a.id = m.member_id"
                        + " WHERE a.kind = 'GROUP' AND m.received_at < ?1 LIMIT " + limit, Long.class)
                .setParameter(1, now.minus(keep)).getResultList();
        return Deletions.delete(s, "message", ids);
    }
}
