package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;

/**
 * Inbound activities that failed keep their body for the operator to look at, but not for ever and not without
 * limit: past {@code keep}, or beyond the newest {@code max} failed rows, the body is emptied like a processed one.
 */
public final class FailedInboundBodies implements RetentionRule {
    private final Duration keep;
    private final int max;

    public FailedInboundBodies(Duration keep, int max) {
        this.keep = keep;
        this.max = max;
    }

    @Override
    public String name() {
        return "failed inbound bodies";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = new ArrayList<>(s.createNativeQuery("SELECT id FROM inbound_activity WHERE pruned_at IS NULL"
                        + " AND state = 'FAILED' AND processed_at < ?1 LIMIT " + limit, Long.class)
                .setParameter(1, now.minus(keep)).getResultList());
        if (ids.size() < limit) {
            // Beyond the newest `max`: few rows (at most what failed since the last run), so the sort is cheap.
            ids.addAll(s.createNativeQuery("SELECT id FROM inbound_activity WHERE pruned_at IS NULL AND state = 'FAILED'"
                            + " ORDER BY processed_at DESC, id DESC LIMIT " + (limit - ids.size()) + " OFFSET " + max, Long.class)
                    .getResultList());
        }
        return InboundBodies.empty(s, ids.stream().distinct().toList(), now);
    }
}
