package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Notifications the member has read, {@code keep} after they read them (the page lists them under the unread
 * ones for that long). An unread notification is never removed here: it goes only with its subject (a proposal,
 * a message, a match removed by their own rules).
 */
public final class ReadNotifications implements RetentionRule {
    private final Duration keep;

    public ReadNotifications(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "read notifications";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT id FROM notification WHERE read_at < ?1 LIMIT " + limit, Long.class)
                .setParameter(1, now.minus(keep)).getResultList();
        return Deletions.delete(s, "notification", ids);
    }
}
