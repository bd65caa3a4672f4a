package org.weft.server.federation.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.weft.activitypub.client.SchemeMemory;
import org.weft.activitypub.signature.SignatureScheme;
import org.weft.server.persistence.Database;

/**
 * The double-knock's memory of remote hosts that take only one signature scheme, kept in the table
 * {@code signature_scheme_host} so every node shares what one learned and a restart keeps it.
 *
 * <p>A delivery fan-out asks about the same hosts again and again, and almost every answer is "nothing
 * remembered"; so answers, that one included, are kept in this process for {@link #DEFAULT_CACHE_FOR}. What
 * this node learns it sees at once; what another node learned it sees within that time, which costs at most
 * a few extra knocks. Failures propagate as runtime exceptions, which the double-knock logs and survives (it
 * then knocks with the preferred scheme).
 */
public final class StoredSchemeMemory implements SchemeMemory {
    /** How long an answer read from the table is reused. */
    public static final Duration DEFAULT_CACHE_FOR = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;

    private record Cached(Optional<Remembered> remembered, long untilNanos) {
    }

    private final Database db;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public StoredSchemeMemory(Database db) {
        this(db, DEFAULT_CACHE_FOR);
    }

    /** @param cacheFor how long an answer read from the table is reused; zero reads the table every time */
    public StoredSchemeMemory(Database db, Duration cacheFor) {
        this.db = db;
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public Optional<Remembered> recall(String host) {
        Cached cached = cache.get(host);
        if (cached != null && cached.untilNanos() - System.nanoTime() > 0) {
            return cached.remembered();
        }
        List<Object[]> rows = db.inTransaction(s -> s.createNativeQuery(
                        "SELECT scheme, learned_at FROM signature_scheme_host WHERE host = ?1", Object[].class)
                .setParameter(1, host).getResultList());
        Optional<Remembered> remembered = rows.isEmpty() ? Optional.empty() : remembered(rows.get(0));
        return keep(host, remembered);
    }

    @Override
    public void remember(String host, SignatureScheme scheme, Instant at) {
        LocalDateTime learnedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        db.run(s -> {
            int updated = s.createNativeMutationQuery(
                            "UPDATE signature_scheme_host SET scheme = ?1, learned_at = ?2 WHERE host = ?3")
                    .setParameter(1, scheme.name()).setParameter(2, learnedAt).setParameter(3, host).executeUpdate();
            if (updated == 0) {
                // Another node may insert the same host at the same moment; both learned the same thing.
                s.createNativeMutationQuery(
                                "INSERT IGNORE INTO signature_scheme_host (host, scheme, learned_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, host).setParameter(2, scheme.name()).setParameter(3, learnedAt).executeUpdate();
            }
        });
        keep(host, Optional.of(new Remembered(scheme, at)));
    }

    @Override
    public void forget(String host) {
        db.run(s -> s.createNativeMutationQuery("DELETE FROM signature_scheme_host WHERE host = ?1")
                .setParameter(1, host).executeUpdate());
        keep(host, Optional.empty());
    }

    private Optional<Remembered> keep(String host, Optional<Remembered> remembered) {
        if (cacheNanos > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(host, new Cached(remembered, System.nanoTime() + cacheNanos));
        }
        return remembered;
    }

    /** A row with a scheme this version does not know (written by hand, or by a later version) counts as none. */
    private static Optional<Remembered> remembered(Object[] row) {
        SignatureScheme scheme;
        try {
            scheme = SignatureScheme.valueOf((String) row[0]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Remembered(scheme, instant(row[1])));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("learned_at read as " + value.getClass().getName());
    }
}
