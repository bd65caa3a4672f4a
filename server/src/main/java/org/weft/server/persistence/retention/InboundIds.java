package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * The small row left after a body was emptied remembers the activity's id, so a redelivery (a sender that did
 * not see our 202 and tries again) stays a no-op: the inbox's insert finds the id taken. It goes {@code keep} after
 * its body did; a row whose body is still kept (pending, failed within limits, still referenced) never goes.
 */
public final class InboundIds implements RetentionRule {
    private final Duration keep;

    public InboundIds(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "remembered inbound ids";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT id FROM inbound_activity WHERE pruned_at < ?1 LIMIT " + limit, Long.class)
                .setParameter(1, now.minus(keep)).getResultList();
        if (!ids.isEmpty()) {
            s.createNativeMutationQuery("DELETE FROM inbound_activity WHERE id IN (?1)").setParameterList(1, ids).executeUpdate();
        }
        return ids.size();
    }
}
