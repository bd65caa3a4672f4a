package org.weft.bench.soak;

import static org.weft.bench.soak.SoakText.num;
import static org.weft.bench.soak.SoakText.perMinute;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;
import org.weft.bench.db.DbKind;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.targets.Yardsticks;

/**
 * Turns a {@link SoakRun} into G15's rows (errors, RSS, board p99, storage per activity, backlog, and two rows of
 * context), the notes that say how each was obtained, and the tables of {@link SoakTables} under the notes.
 */
final class SoakReport {
    static final String SECTION = "G15";
    private static final double RSS_LIMIT_MB = 300;
    private static final double BYTES_PER_ACTIVITY_LIMIT = 1_000;

    private SoakReport() {
    }

    static void write(SoakRun run, Yardsticks yardsticks, Results results) {
        String db = run.setup().label();
        List<Sample> samples = run.samples();
        errors(run, results);
        memory(run, yardsticks, results);
        board(run, results);
        Trend storage = Trend.fit(samples.stream().mapToDouble(Sample::accepted).toArray(),
                samples.stream().mapToDouble(Sample::dbBytes).toArray());
        storage(run, storage, results);
        List<TableGrowth> growth = TableGrowth.secondHalf(samples);
        steadyStorage(run, growth, results);
        backlog(run, results);
        heap(run, results);
        otherLatencies(run, results);
        notes(run, storage, results);
        results.block(SECTION, SoakTables.trends(db, samples));
        results.block(SECTION, SoakTables.samples(db, samples));
        results.block(SECTION, SoakTables.tables(db, run.kind() == DbKind.MARIADB
                        ? "DATA_LENGTH + INDEX_LENGTH after ANALYZE TABLE" : "H2's DISK_SPACE_USED", run.tablesAtStart(),
                run.tablesAtEnd(), acceptedInAll(run)));
        results.block(SECTION, SoakTables.secondHalf(db, growth, run.tablesAtStart(), run.tablesAtEnd(), acceptedInAll(run)));
        csv(run, results);
    }

    private static void errors(SoakRun run, Results results) {
        DbGauge.Queues end = run.queuesAtEnd();
        long http = run.httpErrors();
        long requests = run.whole().values().stream().mapToLong(Histogram::getTotalCount).sum();
        long inbound = end.inboundRetrying() + end.inboundFailed();
        long deliveries = end.deliveriesRetrying() + end.deliveriesGaveUp();
        long total = http + inbound + deliveries;
        results.row(new Row(SECTION, run.setup().label(), "errors: HTTP answers other than 202/200 or none (warm-up"
                + " included); inbound activities that failed; deliveries to the mocks that failed", String.format(Locale.ROOT,
                "%d (HTTP %d of %,d measured requests; inbound %d; deliveries %d)", total, http, requests, inbound, deliveries),
                "—", "—", "0", Verdict.exactly(total, 0)));
    }

    private static void memory(SoakRun run, Yardsticks yardsticks, Results results) {
        List<Sample> samples = run.samples();
        Trend rss = trend(samples, Sample::rssMB);
        double max = samples.stream().mapToDouble(Sample::rssMB).max().orElse(Double.NaN);
        String bare = Double.isNaN(yardsticks.bareIdleRssMB()) ? ""
                : "; bare Helidon process idle, same flags: " + Fmt.num(yardsticks.bareIdleRssMB()) + " MB";
        results.row(new Row(SECTION, run.setup().label(), "resident memory (RSS) of the server process, every " + every(run),
                "max " + num(max) + " MB, last " + num(samples.getLast().rssMB()) + " MB; slope " + perMinute(rss, "MB"),
                "noise ±" + num(rss.noise()) + " MB/min (2 SE, this run)" + bare, noiseRatio(rss), "≤ 300 MB and flat",
                both(Verdict.atMost(max, RSS_LIMIT_MB, "MB"), flatness(rss, "MB"))));
        results.row(new Row(SECTION, run.setup().label(), "RSS when the load stopped (queues drained) → after "
                + Soak.IDLE_AFTER_LOAD.toMinutes() + " min idle, no forced GC (context: is memory given back when idle?)",
                num(run.rssAtLoadEndMB()) + " → " + num(run.rssIdleAfterLoadMB()) + " MB (heap committed then "
                + num(run.heapCommittedIdleAfterLoadMB()) + " MB)", "RSS idle before the load " + num(run.idleRssMB())
                + " MB", Fmt.ratio(run.rssIdleAfterLoadMB(), run.idleRssMB()), "—", "—"));
    }

    private static void board(SoakRun run, Results results) {
        Trend board = trend(run.samples(), s -> s.millis(Soak.BOARD, 99));
        results.row(new Row(SECTION, run.setup().label(), "board page p99 per " + every(run) + " ("
                + Fmt.num(SoakPlan.BOARD_PER_SECOND) + "/s, open-loop)", "p99 " + num(board.firstThird()) + " ms (first third)"
                + " → " + num(board.lastThird()) + " ms (last third), whole run "
                + num(SoakText.millis(run.whole().get(Soak.BOARD), 99)) + " ms; slope " + perMinute(board, "ms"),
                "noise ±" + num(board.noise()) + " ms/min (2 SE, this run)", noiseRatio(board), "flat (slope within noise)",
                flatness(board, "ms")));
    }

    private static void storage(SoakRun run, Trend storage, Results results) {
        double body = run.setup().bodyBytes() / (double) run.setup().activities();
        double perActivity = storage.slope();
        results.row(new Row(SECTION, run.setup().label(), "database growth per accepted activity (" + (run.kind()
                == DbKind.MARIADB ? "size of its tablespace files" : "size of its file") + " against activities accepted,"
                + " least squares)", num(perActivity) + " B ± " + num(storage.noise()) + " (" + num(perActivity
                * SoakPlan.INBOX_PER_SECOND * 86_400 / 1e9) + " GB a day at " + Fmt.num(SoakPlan.INBOX_PER_SECOND) + "/s)",
                "inbound body " + Fmt.num(body) + " B on average", Fmt.ratio(perActivity, body), "≤ 1 kB after pruning",
                Verdict.atMost(perActivity, BYTES_PER_ACTIVITY_LIMIT, "B") + pruned(run)));
    }

    /**
     * The steady-state slope beside the end-to-end figure: table bytes against activities accepted over the second half
     * of the run, so that a table the pruner holds level counts as about 0 (see {@link TableGrowth}).
     */
    private static void steadyStorage(SoakRun run, List<TableGrowth> growth, Results results) {
        TableGrowth all = growth.getLast();
        long endToEnd = run.tablesAtEnd().stream().mapToLong(DbGauge.TableSize::bytes).sum()
                - run.tablesAtStart().stream().mapToLong(DbGauge.TableSize::bytes).sum();
        List<Sample> samples = run.samples();
        Sample middle = samples.get(samples.size() / 2);
        String figure = all.trend().known() ? num(all.trend().slope()) + " B ± " + num(all.trend().noise()) + " ("
                + all.trend().samples() + " samples; inbound backlog " + middle.queues().inboundBacklog() + " → "
                + samples.getLast().queues().inboundBacklog() + " rows over them)" : "— (too few samples)";
        results.row(new Row(SECTION, run.setup().label(), "table bytes per accepted activity in the second half of the run"
                + " (" + (run.kind() == DbKind.MARIADB ? "DATA_LENGTH + INDEX_LENGTH after ANALYZE TABLE"
                : "H2's DISK_SPACE_USED") + " of every table at each sample, least squares against activities accepted;"
                + " a table held level by the pruner counts ≈ 0)", figure, "end to end (growth from before the warm-up to"
                + " after the drain / all accepted): " + num(endToEnd / (double) acceptedInAll(run)) + " B", "—",
                "≤ 1 kB after pruning", steadyVerdict(all.trend()) + pruned(run)));
    }

    /**
     * Met or missed only when the whole noise band is on one side of the target: a 10-minute run's second half is a
     * few minutes, and one table moving by an extent or the backlog draining moves the slope by hundreds of bytes.
     */
    static String steadyVerdict(Trend t) {
        if (!t.known()) {
            return "**not measured**: too few samples";
        }
        if (t.slope() + t.noise() <= BYTES_PER_ACTIVITY_LIMIT) {
            return "target met";
        }
        if (t.slope() - t.noise() > BYTES_PER_ACTIVITY_LIMIT) {
            return Verdict.atMost(t.slope(), BYTES_PER_ACTIVITY_LIMIT, "B");
        }
        return "**not settled**: the target lies within the noise ±" + num(t.noise()) + " B";
    }

    private static void backlog(SoakRun run, Results results) {
        double[] backlog = run.samples().stream().mapToDouble(s -> s.queues().inboundBacklog()).toArray();
        double max = Arrays.stream(backlog).max().orElse(Double.NaN);
        Arrays.sort(backlog);
        double median = backlog.length == 0 ? Double.NaN : backlog[backlog.length / 2];
        long allowed = (long) SoakPlan.INBOX_PER_SECOND;
        results.row(new Row(SECTION, run.setup().label(), "inbound backlog (stored, not yet processed) at each sample",
                "median " + num(median) + ", max " + num(max) + " rows", "offered " + allowed + "/s", "—",
                "near 0: ≤ " + allowed + " rows (1 s of traffic) at every sample",
                max <= allowed ? "target met" : "**missed**: " + num(max) + " rows at the worst sample"));
    }

    private static void heap(SoakRun run, Results results) {
        List<Sample> samples = run.samples();
        Trend afterFull = Trend.fit(SoakTables.minutes(samples), SoakTables.afterNewFullGc(samples));
        Sample first = samples.stream().filter(s -> !Double.isNaN(s.jvm().afterLastFullGcMB())).findFirst().orElse(null);
        String figure = first == null ? "no full GC during the run → " + num(run.liveHeapMB()) + " MB"
                : num(first.jvm().afterLastFullGcMB()) + " (min " + num(first.minute()) + ") → "
                + num(samples.getLast().jvm().afterLastFullGcMB()) + " → " + num(run.liveHeapMB()) + " MB";
        results.row(new Row(SECTION, run.setup().label(), "live heap: after the first and the last full GC seen at a sample"
                + " → after a forced full GC at the end (context)", figure, "heap committed at the end "
                + num(run.endReading().heapCommittedMB()) + " MB", "—", "—", afterFull.known()
                ? "slope " + perMinute(afterFull, "MB") + ", " + SoakText.reading(afterFull) : "too few full GCs for a slope"));
    }

    private static void otherLatencies(SoakRun run, Results results) {
        StringBuilder figure = new StringBuilder();
        StringBuilder reading = new StringBuilder();
        for (String stream : List.of(Soak.INBOX, Soak.ACTOR, Soak.PROPOSAL)) {
            Trend t = trend(run.samples(), s -> s.millis(stream, 99));
            figure.append(figure.isEmpty() ? "" : "; ").append(stream).append(' ')
                    .append(num(SoakText.millis(run.whole().get(stream), 99))).append(" ms");
            reading.append(reading.isEmpty() ? "" : "; ").append(stream).append(' ').append(SoakText.reading(t));
        }
        results.row(new Row(SECTION, run.setup().label(), "p99 of inbox POSTs, actor GETs and proposal pages over the whole"
                + " run, and their trend (context)", figure.toString(), "—", "—", "—", reading.toString()));
    }

    private static void notes(SoakRun run, Trend storage, Results results) {
        SoakRun.Setup setup = run.setup();
        String db = setup.label();
        SoakPlan plan = setup.plan();
        results.note(SECTION, String.format(Locale.ROOT, "%s: %s. A separate server process, `java %s -jar weft-server.jar"
                        + " serve`%s. One community with %d members and %d public local proposals; %d remote instances on"
                        + " loopback mocks (%d Mastodon, %d Weft) with %d signing actors each, all following the community;"
                        + " one member follows the Weft actors and every third Mastodon actor. Set-up %.0f s; %,d activities"
                        + " (%.0f B of body on average) signed in %.0f s before the load, all with one Date.", db,
                plan.describe(), String.join(" ", setup.javaOpts()), plan.serverEnv().isEmpty() ? ""
                        : " with " + plan.serverEnv(), SoakScene.MEMBER_COUNT, SoakScene.LOCAL_PROPOSALS, SoakScene.HOSTS,
                SoakScene.HOSTS - SoakScene.WEFT_HOSTS, SoakScene.WEFT_HOSTS, SoakScene.ACTORS_PER_HOST, setup.sceneSeconds(),
                setup.activities(), setup.bodyBytes() / (double) setup.activities(), setup.signingSeconds()));
        StringBuilder mix = new StringBuilder();
        for (ActivityMix.Kind kind : ActivityMix.Kind.values()) {
            mix.append(mix.isEmpty() ? "" : "; ").append(kind.description).append(": ").append(kind.perCycle).append(" in ")
                    .append(ActivityMix.CYCLE)
                    .append(String.format(Locale.ROOT, " (%,d sent)", setup.mix().getOrDefault(kind, 0)));
        }
        results.note(SECTION, db + ": the inbound mix, open-loop at " + Fmt.num(SoakPlan.INBOX_PER_SECOND) + "/s to the shared"
                + " inbox: " + mix + ". Reads, open-loop: the community's board page " + Fmt.num(SoakPlan.BOARD_PER_SECOND)
                + "/s, the local proposals' pages " + Fmt.num(SoakPlan.PROPOSAL_PAGES_PER_SECOND) + "/s, the members' and the"
                + " community's actor documents " + Fmt.num(SoakPlan.ACTORS_PER_SECOND) + "/s. Latencies count from the"
                + " intended send time.");
        results.note(SECTION, String.format(Locale.ROOT, "%s: how it was read. RSS and threads from /proc/PID/status,"
                        + " open files from /proc/PID/fd. The heap from the collector's own log (%s), switched on at run time"
                        + " with `jcmd PID VM.log what=gc` (no JVM flag changed; one line per collection): \"heap after GC\""
                        + " is what the latest collection left, \"after full GC\" what the latest full one left, i.e. the live"
                        + " heap then; nothing forces a collection until the end (`jcmd PID GC.run`). RSS idle before the"
                        + " load: %.0f MB. Database: %s; its size: %s. Backlog: inbound rows not yet processed once.", db,
                run.collector(), run.idleRssMB(), run.database(), run.sizeMethod()));
        StringBuilder latencies = new StringBuilder();
        run.whole().forEach((stream, h) -> latencies.append(latencies.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                "%s %,d answered, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms", stream, h.getTotalCount(),
                SoakText.millis(h, 50), SoakText.millis(h, 99), SoakText.millis(h, 99.9), h.getMaxValue() / 1000.0)));
        StringBuilder errors = new StringBuilder();
        run.errors().forEach((stream, e) -> errors.append(errors.isEmpty() ? "" : ", ").append(stream).append(' ')
                .append(e[0]).append(" / ").append(e[1]).append(" / ").append(e[2]));
        results.note(SECTION, db + ": the whole measured time: " + latencies + ". HTTP errors per stream (warm-up /"
                + " measured / after the last sample): " + errors + ".");
        DbGauge.Queues end = run.queuesAtEnd();
        List<Sample> samples = run.samples();
        results.note(SECTION, String.format(Locale.ROOT, "%s: %,d activities accepted in the measured time; database %s →"
                        + " %s MB from before the warm-up to after the drain (%s B per activity accepted in all, by that"
                        + " measure; the G15 row fits a line through every sample instead: %s B ± %s). After the load the"
                        + " queues %s; then inbound retrying %d, failed %d; deliveries pending %d, retrying %d, given up %d."
                        + " The mocks saw %,d deliveries (POSTs) and %,d GETs (a GET would be a key or object fetch: the"
                        + " actors are known and the boosts name known objects, so 0 is expected).", db,
                samples.getLast().accepted() - samples.getFirst().accepted(), num(run.bytesAtStart() / 1e6),
                num(run.bytesAtEnd() / 1e6), num((run.bytesAtEnd() - run.bytesAtStart()) / (double) acceptedInAll(run)),
                num(storage.slope()), num(storage.noise()), run.drained() == null ? "had not drained after 2 minutes"
                        : String.format(Locale.ROOT, "drained in %.1f s", run.drained().toMillis() / 1000.0),
                end.inboundRetrying(), end.inboundFailed(), end.deliveriesPending(), end.deliveriesRetrying(),
                end.deliveriesGaveUp(), run.mockPosts(), run.mockGets()));
        results.note(SECTION, String.format(Locale.ROOT, "%s: at the end, RSS %.0f MB; a forced full GC left %s MB of live"
                        + " heap, and RSS was %.0f MB a second later. Threads %d, heap committed %s MB; since the GC log was"
                        + " switched on, %d young and %d full collections, %,.0f ms of pauses in all.", db, run.rssBeforeGcMB(),
                num(run.liveHeapMB()), run.rssAfterGcMB(), run.endReading().threads(), num(run.endReading().heapCommittedMB()),
                run.endReading().youngCollections(), run.endReading().fullCollections(), run.endReading().pauseMillis()));
        ServerLog log = run.serverLog();
        List<String> ignored = log.ignored().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%,d × %s", e.getValue(), e.getKey())).toList();
        results.note(SECTION, String.format(Locale.ROOT, "%s: the server logged %d warnings, %d errors (SEVERE) and %d"
                        + " processing retries%s. Activities it ignored, by reason: %s.", db, log.warnings(), log.severe(),
                log.retries(), log.firstProblems().isEmpty() ? "" : "; the first: " + String.join(" / ", log.firstProblems()),
                ignored.isEmpty() ? "none" : String.join("; ", ignored)));
    }

    private static void csv(SoakRun run, Results results) {
        Path dir = run.setup().plan().resultsDir();
        if (dir == null) {
            return;
        }
        Path file = dir.resolve("soak-" + run.kind().name().toLowerCase(Locale.ROOT) + ".csv");
        try {
            SoakTables.csv(run.samples(), file);
            results.note(SECTION, run.setup().label() + ": the samples as CSV: `" + file + "`; the server's log and its GC"
                    + " log beside it.");
        } catch (IOException e) {
            results.note(SECTION, run.setup().label() + ": could not write " + file + ": " + e.getMessage());
        }
    }

    private static Trend trend(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Trend.fit(SoakTables.minutes(samples), samples.stream().mapToDouble(value).toArray());
    }

    /** The verdict on a series that must not grow: a fall is no fault. */
    private static String flatness(Trend t, String unit) {
        if (!t.known()) {
            return "**not measured**: too few samples for a slope";
        }
        if (t.flat() || t.slope() < 0) {
            return "target met";
        }
        return "**missed**: rising " + SoakText.signed(t.slope()) + " " + unit + "/min, beyond the noise ±" + num(t.noise());
    }

    /** Two verdicts on one row (a level and a trend) as one. */
    private static String both(String level, String trend) {
        if (level.equals("target met")) {
            return trend;
        }
        return trend.equals("target met") ? level + "; flat" : level + "; " + trend.replace("**missed**: ", "");
    }

    private static String noiseRatio(Trend t) {
        return t.known() && t.noise() > 0 ? String.format(Locale.ROOT, "slope / noise %.2f", t.slope() / t.noise()) : "—";
    }

    /** Appended to the storage verdict when no inbound row went during the run: what was measured is before pruning. */
    private static String pruned(SoakRun run) {
        long before = rows(run.tablesAtStart(), "inbound_activity");
        long after = rows(run.tablesAtEnd(), "inbound_activity");
        return after - before >= acceptedInAll(run) ? " (no inbound row was pruned during the run: growth before pruning)"
                : "";
    }

    private static long rows(List<DbGauge.TableSize> tables, String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).mapToLong(DbGauge.TableSize::rows).findFirst()
                .orElse(0);
    }

    /** Activities accepted from the start of the load (warm-up included) to the last sample; at least 1. */
    private static long acceptedInAll(SoakRun run) {
        List<Sample> samples = run.samples();
        return samples.isEmpty() ? 1 : Math.max(1, samples.getLast().accepted());
    }

    private static String every(SoakRun run) {
        return run.setup().plan().sampleEvery().toSeconds() + " s";
    }
}
