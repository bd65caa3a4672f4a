package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.hibernate.Session;

/** Size samples older than {@code keep} (growth is read from the last week; a year of history is plenty). */
public final class OldStorageSamples implements RetentionRule {
    private final Duration keep;

    public OldStorageSamples(Duration keep) {
        this.keep = keep;
    }

    @Override
    public String name() {
        return "old storage samples";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<LocalDateTime> times = s.createNativeQuery("SELECT DISTINCT sampled_at FROM storage_sample"
                + " WHERE sampled_at < ?1 ORDER BY sampled_at LIMIT " + limit, LocalDateTime.class)
                .setParameter(1, now.minus(keep)).getResultList();
        if (!times.isEmpty()) {
            s.createNativeMutationQuery("DELETE FROM storage_sample WHERE sampled_at IN (?1)").setParameterList(1, times)
                    .executeUpdate();
        }
        return times.size();
    }
}
