package org.weft.server.domain.retention;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.weft.server.persistence.Database;
import org.weft.server.persistence.EmbeddedFileCompaction;
import org.weft.server.persistence.RetentionRuns;
import org.weft.server.persistence.StorageSamples;
import org.weft.server.persistence.StorageSizes;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.queue.InboundStore;

/**
 * What the operator sees of storage (`weft storage show`, /admin/storage): how big the database is, how fast it
 * grows per day (from the pruner's daily samples: the difference from the oldest one of the last
 * {@link #GROWTH_WINDOW}), the work waiting (inbound backlog, pending deliveries) and the last prune.
 */
public final class StorageReport {
    /** Growth is measured against the oldest sample within this window... */
    static final Duration GROWTH_WINDOW = Duration.ofDays(8);
    /** ...that is at least this old (a shorter span says little per day). */
    static final Duration SHORTEST_SPAN = Duration.ofHours(1);
    private static final double SECONDS_A_DAY = 86_400;

    private final Database db;
    private final Clock clock;

    public StorageReport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One table now: rows and bytes as the database reports them, and bytes per day when a sample allows. */
    public record Table(String name, long rows, long bytes, OptionalLong bytesPerDay) {
    }

    /** The last run of the pruner's rules: when, and how many rows they removed together. */
    public record LastPrune(Instant at, long rows) {
    }

    /** The figures for the operator's page; cheap to take. */
    public record Overview(long databaseBytes, OptionalLong bytesPerDay, long inboundBacklog, long pendingDeliveries,
                           Optional<LastPrune> lastPrune) {
    }

    public Overview overview() {
        Instant now = clock.instant();
        long bytes = db.inTransaction(StorageSizes::databaseBytes);
        OptionalLong growth = baseline(now).map(b -> perDay(b.tables().get(StorageSizes.WHOLE), bytes, b.at(), now))
                .orElse(OptionalLong.empty());
        return new Overview(bytes, growth, new InboundStore(db).countPending(), new DeliveryQueue(db).stats(now).pending(),
                lastPrune());
    }

    /** Every table, largest first (on H2 this reads each table's pages: for a command, not for each page view). */
    public List<Table> tables() {
        Instant now = clock.instant();
        List<StorageSizes.TableSize> sizes = db.inTransaction(StorageSizes::tables);
        Optional<StorageSamples.Sample> base = baseline(now);
        return sizes.stream().map(t -> new Table(t.table(), t.rows(), t.bytes(), base.map(b ->
                perDay(b.tables().get(t.table()), t.bytes(), b.at(), now)).orElse(OptionalLong.empty()))).toList();
    }

    private Optional<StorageSamples.Sample> baseline(Instant now) {
        return db.inTransaction(s -> StorageSamples.oldestBetween(s, now.minus(GROWTH_WINDOW), now.minus(SHORTEST_SPAN)));
    }

    private static OptionalLong perDay(StorageSizes.TableSize then, long bytesNow, Instant at, Instant now) {
        if (then == null) {
            return OptionalLong.empty();
        }
        double days = Duration.between(at, now).toSeconds() / SECONDS_A_DAY;
        return OptionalLong.of(Math.round((bytesNow - then.bytes()) / days));
    }

    /** The newest run of the rules (the file compaction, which counts bytes, is left out). */
    public Optional<LastPrune> lastPrune() {
        Map<String, RetentionRuns.Run> runs;
        try {
            runs = RetentionRuns.all(db.dataSource());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read retention_run", e);
        }
        runs.remove(EmbeddedFileCompaction.TASK);
        Optional<Instant> newest = runs.values().stream().map(RetentionRuns.Run::at).max(Instant::compareTo);
        return newest.map(at -> new LastPrune(at, runs.values().stream().filter(r -> r.at().equals(at))
                .mapToLong(RetentionRuns.Run::removed).sum()));
    }
}
