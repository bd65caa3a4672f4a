package org.weft.server.domain.actor;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.weft.server.persistence.SignatureSchemeHostRepository;

/**
 * The double-knock's memory of remote hosts that take only one signature scheme, kept in the table
 * {@code signature_scheme_host} so every node shares what one learned and a restart keeps it.
 *
 * <p>A delivery fan-out asks about a thousand hosts at once, and almost every answer is "nothing remembered"; a
 * query per host would cost the fan-out a transaction per inbox. So each node reads the whole table (a row per
 * host that refused the preferred scheme, and only for as long as that matters) and answers from that copy for
 * {@link #DEFAULT_CACHE_FOR}; what it learns itself it writes through to the table and its copy at once. What
 * another node learned is seen within that time, which costs at most a few extra knocks. A row is consulted for
 * a day (then the preferred scheme is tried again) and deleted once it is a week old, when a node reads the table.
 * Failures propagate as runtime exceptions, which the double-knock logs and survives (it then knocks with the
 * preferred scheme).
 */
public final class StoredSchemeMemory implements SchemeMemory {
    /** How long a node answers from its copy of the table before reading it again. */
    public static final Duration DEFAULT_CACHE_FOR = Duration.ofMinutes(1);
    /** Rows older than this are deleted: after a day a row only decides whether its host is forgotten, which can wait. */
    static final Duration KEEP_ROWS_FOR = Duration.ofDays(7);

    private record Copy(Map<String, Remembered> hosts, long untilNanos) {
    }

    private final Database db;
    private final Clock clock;
    private final long cacheNanos;
    private volatile Copy copy;

    public StoredSchemeMemory(Database db, Clock clock) {
        this(db, clock, DEFAULT_CACHE_FOR);
    }

    /** @param cacheFor how long the copy of the table is used; zero reads the table on every recall */
    public StoredSchemeMemory(Database db, Clock clock, Duration cacheFor) {
        this.db = db;
        this.clock = clock;
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public Optional<Remembered> recall(String host) {
        return Optional.ofNullable(copy().hosts().get(host));
    }

    @Override
    public void remember(String host, SignatureScheme scheme, Instant at) {
        LocalDateTime learnedAt = utc(at);
        db.run(s -> SignatureSchemeHostRepository.upsert(s, host, scheme.name(), learnedAt));
        copy().hosts().put(host, new Remembered(scheme, at));
    }

    @Override
    public void forget(String host) {
        db.run(s -> SignatureSchemeHostRepository.delete(s, host));
        copy().hosts().remove(host);
    }

    private Copy copy() {
        Copy current = copy;
        if (current != null && current.untilNanos() - System.nanoTime() > 0) {
            return current;
        }
        synchronized (this) {
            current = copy;
            if (current != null && current.untilNanos() - System.nanoTime() > 0) {
                return current;
            }
            current = new Copy(read(), System.nanoTime() + cacheNanos);
            copy = current;
            return current;
        }
    }

    private Map<String, Remembered> read() {
        LocalDateTime oldest = utc(clock.instant().minus(KEEP_ROWS_FOR));
        List<SignatureSchemeHostRepository.Row> rows = db.inTransaction(s -> {
            SignatureSchemeHostRepository.deleteLearnedBefore(s, oldest);
            return SignatureSchemeHostRepository.all(s);
        });
        Map<String, Remembered> hosts = new ConcurrentHashMap<>();
        for (SignatureSchemeHostRepository.Row row : rows) {
            scheme(row.scheme()).ifPresent(scheme -> hosts.put(row.host(), new Remembered(scheme, instant(row.learnedAt()))));
        }
        return hosts;
    }

    /** A row with a scheme this version does not know (written by hand, or by a later version) counts as none. */
    private static Optional<SignatureScheme> scheme(String name) {
        try {
            return Optional.of(SignatureScheme.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("learned_at read as " + value.getClass().getName());
    }
}
