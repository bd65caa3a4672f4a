package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Bodies of inbound activities processed more than {@code keep} ago are emptied; the row stays (see
 * {@link InboundIds}). One kind of body is still needed after processing: an agreement {@code Offer} from another
 * instance, whose answer quotes it (see {@code AgreementService.answer}), so it is kept until the member decides, or
 * its sender takes it back (nothing will be decided then).
 */
public final class ProcessedInboundBodies implements RetentionRule {
    private final Duration keep;

    public ProcessedInboundBodies(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "processed inbound bodies";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<Long> ids = s.createNativeQuery("SELECT a.id FROM inbound_activity a WHERE a.pruned_at IS NULL AND a.state = 'DONE'"
                        + " AND a.processed_at < ?1 AND NOT EXISTS (SELECT 1 FROM response r WHERE r.uri = a.activity_uri"
                        + " AND r.kind = 'AGREEMENT' AND r.state = 'NEW' AND r.taken_back_at IS NULL) LIMIT " + limit,
                        Long.class)
                .setParameter(1, now.minus(keep)).getResultList();
        return InboundBodies.empty(s, ids, now);
    }
}
