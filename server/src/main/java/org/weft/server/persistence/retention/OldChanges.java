package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.persistence.ChangeFeedEntries;

/**
 * Rows of the change feed older than {@code keep}: every running node reads them within a second, so they are only
 * needed by a node that stalled; one that stalled longer than this relies on its caches' own time limits.
 */
public final class OldChanges implements RetentionRule {
    private final Duration keep;

    public OldChanges(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "change feed";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        return ChangeFeedEntries.deleteBefore(s, now.minus(keep), limit);
    }
}
