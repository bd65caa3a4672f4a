package org.weft.server.persistence.retention;

import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/** Emptying an inbound row's body: what the two body rules share. */
final class InboundBodies {
    private InboundBodies() {
    }

    /** Empties the bodies of these rows and marks when; returns how many rows were given. */
    static int empty(Session s, List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        // The row keeps its id, actor, type and state: enough to answer a redelivery, and to show what came.
        s.createNativeMutationQuery("UPDATE inbound_activity SET body = '', pruned_at = ?1 WHERE id IN (?2)")
                .setParameter(1, now).setParameterList(2, ids).executeUpdate();
        return ids.size();
    }
}
