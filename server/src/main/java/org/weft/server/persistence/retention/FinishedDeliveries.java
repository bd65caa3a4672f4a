package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Delivery rows that are finished: delivered ({@code DELIVERED}) or given up ({@code GAVE_UP}), {@code keep} after
 * they finished. A pending delivery is the queue itself and is never touched. Delivered rows are kept a short while
 * for {@code weft queue show}; given-up ones longer, so the operator can see which peer stopped answering.
 */
public final class FinishedDeliveries implements RetentionRule {
    private final String state;
    private final Duration keep;

    private FinishedDeliveries(String state, Duration keep) {
        this.state = state;
        this.keep = keep;
    }

    public static FinishedDeliveries delivered(Duration keep) {
        return new FinishedDeliveries("DELIVERED", keep);
    }

    public static FinishedDeliveries givenUp(Duration keep) {
        return new FinishedDeliveries("GAVE_UP", keep);
    }

    @Override
    public String name() {
        return "DELIVERED".equals(state) ? "delivered deliveries" : "given-up deliveries";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT id FROM delivery WHERE state = ?1 AND finished_at < ?2 LIMIT " + limit,
                        Long.class)
                .setParameter(1, state).setParameter(2, now.minus(keep)).getResultList();
        return Deletions.delete(s, "delivery", ids);
    }
}
