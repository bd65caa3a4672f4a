package org.weft.server.persistence.retention;

import java.time.Instant;

import org.hibernate.Session;

/**
 * One kind of stored thing the pruner removes once it is no longer needed. A call handles at most {@code limit}
 * rows inside the caller's short transaction and says how many it handled; the pruner calls again until a call
 * handles fewer than the limit. A rule must never remove something still referenced, and must be safe to run on
 * two server processes at once (removing what is already gone changes nothing).
 */
public interface RetentionRule {
    /** Short, for the log and the report: "inbound bodies". */
    String name();

    int prune(Session s, Instant now, int limit);
}
