package org.weft.server.domain.retention;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.config.RetentionSettings;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.EmbeddedFileCompaction;
import org.weft.server.persistence.RetentionRuns;
import org.weft.server.persistence.StorageSamples;
import org.weft.server.persistence.StorageSizes;
import org.weft.server.persistence.retention.ClosedCopies;
import org.weft.server.persistence.retention.DeletedProposals;
import org.weft.server.persistence.retention.ExpiredAccess;
import org.weft.server.persistence.retention.FailedInboundBodies;
import org.weft.server.persistence.retention.FinishedDeliveries;
import org.weft.server.persistence.retention.InboundIds;
import org.weft.server.persistence.retention.MessagesAhead;
import org.weft.server.persistence.retention.OldChanges;
import org.weft.server.persistence.retention.OldStorageSamples;
import org.weft.server.persistence.retention.ProcessedInboundBodies;
import org.weft.server.persistence.retention.ReadNotifications;
import org.weft.server.persistence.retention.RetentionRule;
import org.weft.server.persistence.retention.SentActivities;
import org.weft.server.persistence.retention.WithdrawnMatches;

/**
 * Runs the retention rules on a schedule, on its own thread: each rule in batches of {@link #BATCH} rows, one short
 * transaction per batch (no lock is held for long, and the inbox and the workers carry on meanwhile), until a batch
 * comes back short; then compacts the embedded database file. A failed run is logged and the next one tries again.
 */
public final class Pruner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Pruner.class.getName());
    /** Rows per transaction. Inbound bodies can be a megabyte each: a batch frees up to about this many megabytes. */
    static final int BATCH = 100;
    /** Time the file compaction may take per run (in steps of a few hundred milliseconds). */
    static final Duration COMPACTION_BUDGET = Duration.ofSeconds(5);
    /**
     * After a run that removed something, H2 can give the space back only later: a removed body's data goes once
     * no reader can still see it, and a chunk only once it is older than 45 s. So the file is compacted again this
     * long after, as long as that keeps shrinking it (a few times), instead of waiting for the next run.
     */
    static final Duration FOLLOW_UP = Duration.ofMinutes(1);
    private static final int FOLLOW_UPS = 3;
    /**
     * Table sizes are sampled after a run when the newest sample is this old: about once a day (a run every 10
     * minutes lands within 10 minutes of the day), for the operator's growth figures.
     */
    static final Duration SAMPLE_EVERY = Duration.ofHours(23).plusMinutes(50);
    /** Samples are kept a year and a bit. */
    static final Duration SAMPLES_KEPT = Duration.ofDays(400);
    /** How long a remembered browser counts after its last sign-in: the device cookie's lifetime (LoginDevices). */
    static final Duration DEVICE_LIFETIME = Duration.ofDays(365);
    /** Every running node reads the change feed within a second; a few minutes spare a node that stalled briefly. */
    static final Duration CHANGES_KEPT = Duration.ofMinutes(10);

    private final Database db;
    private final List<RetentionRule> rules;
    private final EmbeddedFileCompaction compaction;
    private final Clock clock;
    private final int batch;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("weft-retention").daemon().factory());
    private volatile Report last;
    private volatile boolean stopping;

    public Pruner(Database db, List<RetentionRule> rules, Clock clock, int batch) {
        this.db = db;
        this.rules = List.copyOf(rules);
        this.compaction = new EmbeddedFileCompaction(db, clock);
        this.clock = clock;
        this.batch = batch;
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a pending follow-up does not delay close()
    }

    /** The rules Weft keeps, from the operator's settings (docs/operating.md, "Capacity and retention"). */
    public static Pruner standard(Database db, RetentionSettings settings, Clock clock) {
        return new Pruner(db, standardRules(settings), clock, BATCH);
    }

    /**
     * The rules, in the order they run: inbound bodies first, so ids whose body just went are counted from now;
     * deliveries before the activities they hold back; proposals (whose purge takes their matches and
     * notifications along) before the rules for those.
     */
    public static List<RetentionRule> standardRules(RetentionSettings settings) {
        return List.of(
                new ProcessedInboundBodies(Duration.ofHours(settings.inboundHours())),
                new FailedInboundBodies(Duration.ofDays(settings.failedDays()), settings.failedMax()),
                new InboundIds(Duration.ofHours(settings.inboundIdsHours())),
                FinishedDeliveries.delivered(Duration.ofDays(settings.deliveredDays())),
                FinishedDeliveries.givenUp(Duration.ofDays(settings.givenUpDays())),
                SentActivities.notPublic(Duration.ofDays(settings.sentDays())),
                SentActivities.outbox(Duration.ofDays(settings.outboxDays())),
                new DeletedProposals(Duration.ofDays(settings.deletedProposalDays())),
                new ClosedCopies(Duration.ofDays(settings.closedCopyDays())),
                new WithdrawnMatches(Duration.ofDays(settings.withdrawnMatchDays())),
                new MessagesAhead(MessagesAhead.KEEP),
                new ReadNotifications(Duration.ofDays(settings.readNotificationDays())),
                new ExpiredAccess(DEVICE_LIFETIME),
                new OldStorageSamples(SAMPLES_KEPT),
                new OldChanges(CHANGES_KEPT));
    }

    /** What one run did: rows handled per rule, and the file compaction if there was one. */
    public record Report(Instant at, Map<String, Integer> pruned, Optional<EmbeddedFileCompaction.Result> compaction,
                         Duration took) {
        public int total() {
            return pruned.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Runs every {@code every}, the first time one interval after start. */
    public void start(Duration every) {
        start(every, () -> true);
    }

    /**
     * Runs every {@code every} when {@code ourTurn} says so (several nodes share the database: one of them prunes,
     * the others skip the run), the first time one interval after start.
     */
    public void start(Duration every, BooleanSupplier ourTurn) {
        thread.scheduleWithFixedDelay(() -> {
            if (ourTurn.getAsBoolean()) {
                runLogged();
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One run now, on the caller's thread (tests; an operator command). */
    public Report runOnce() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Map<String, Integer> pruned = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            int total = 0;
            int handled;
            do {
                handled = db.inTransaction(s -> rule.prune(s, now, batch));
                total += handled;
            } while (handled >= batch && !stopping);
            pruned.put(rule.name(), total);
        }
        record(pruned, now);
        Optional<EmbeddedFileCompaction.Result> compacted = stopping ? Optional.empty()
                : compaction.compact(COMPACTION_BUDGET);
        if (!stopping) {
            sampleIfDue(now);
        }
        Report report = new Report(now, pruned, compacted, Duration.ofNanos(System.nanoTime() - started));
        last = report;
        return report;
    }

    private void record(Map<String, Integer> pruned, Instant now) {
        Map<String, Long> removed = new LinkedHashMap<>();
        pruned.forEach((rule, count) -> removed.put(rule, (long) count));
        try {
            RetentionRuns.record(db.dataSource(), removed, now);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not record the pruner's run", e);
        }
    }

    /** Records every table's size when the newest sample is about a day old (or there is none yet). */
    private void sampleIfDue(Instant now) {
        try {
            db.run(s -> {
                if (StorageSamples.newest(s).filter(t -> t.isAfter(now.minus(SAMPLE_EVERY))).isEmpty()) {
                    StorageSamples.record(s, now, StorageSizes.tables(s), StorageSizes.databaseBytes(s));
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not sample the table sizes", e);
        }
    }

    /** The last run's report, if there was one. */
    public Optional<Report> last() {
        return Optional.ofNullable(last);
    }

    private void runLogged() {
        try {
            Report report = runOnce();
            if (report.total() > 0 || shrank(report.compaction())) {
                LOG.info(() -> describe(report));
            }
            if (report.total() > 0 && report.compaction().isPresent()) {
                thread.schedule(() -> compactAgain(FOLLOW_UPS), FOLLOW_UP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning failed; the next run tries again", e);
        }
    }

    /** A compaction on its own, and another a minute later while they keep shrinking the file. */
    private void compactAgain(int left) {
        if (stopping) {
            return;
        }
        Optional<EmbeddedFileCompaction.Result> result = compaction.compact(COMPACTION_BUDGET);
        result.filter(c -> c.bytesAfter() < c.bytesBefore()).ifPresent(c -> LOG.info(() -> String.format(
                "Retention: database file %.1f -> %.1f MB (%d%% -> %d%% live) in %d ms", c.bytesBefore() / 1e6,
                c.bytesAfter() / 1e6, c.fillBefore(), c.fillAfter(), c.took().toMillis())));
        // The first follow-up may find nothing yet (the removal is not 45 s old everywhere); later ones go on only
        // while they shrink the file.
        if (left > 1 && (left == FOLLOW_UPS || shrank(result))) {
            thread.schedule(() -> compactAgain(left - 1), FOLLOW_UP.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static boolean shrank(Optional<EmbeddedFileCompaction.Result> result) {
        return result.filter(c -> c.bytesAfter() < c.bytesBefore()).isPresent();
    }

    static String describe(Report report) {
        StringBuilder text = new StringBuilder("Retention: ");
        report.pruned().forEach((rule, count) -> text.append(rule).append(' ').append(count).append(", "));
        report.compaction().ifPresent(c -> text.append(String.format(
                "database file %.1f -> %.1f MB (%d%% -> %d%% live) in %d ms, ",
                c.bytesBefore() / 1e6, c.bytesAfter() / 1e6, c.fillBefore(), c.fillAfter(), c.took().toMillis())));
        return text.append("run took ").append(report.took().toMillis()).append(" ms").toString();
    }

    /**
     * Stops after the batch in progress. The thread is not interrupted: H2 closes its file when a thread is
     * interrupted inside it. Call before the database closes.
     */
    @Override
    public void close() {
        stopping = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("The pruner did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
