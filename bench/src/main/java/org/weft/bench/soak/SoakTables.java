package org.weft.bench.soak;

import static org.weft.bench.soak.SoakText.num;
import static org.weft.bench.soak.SoakText.signed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.weft.bench.load.IntervalReading;

/**
 * The soak's long figures, for the details under G15 and for plotting: the slope of every series with its noise,
 * every sample, the database's tables before and after, and the samples as CSV.
 */
final class SoakTables {
    private static final List<String> STREAMS = List.of(Soak.INBOX, Soak.BOARD, Soak.PROPOSAL, Soak.ACTOR);

    private SoakTables() {
    }

    /** A named series of one figure per sample. */
    record Series(String name, double[] values) {
    }

    static double[] minutes(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::minute).toArray();
    }

    /** Every series the trends table shows, in its order. */
    static List<Series> series(List<Sample> samples) {
        List<Series> all = new ArrayList<>();
        all.add(of("RSS (MB)", samples, Sample::rssMB));
        all.add(of("heap after the last GC (MB)", samples, s -> s.jvm().afterLastGcMB()));
        all.add(new Series("heap after a full GC, where a sample saw a new one (MB)", afterNewFullGc(samples)));
        all.add(of("heap committed (MB)", samples, s -> s.jvm().heapCommittedMB()));
        all.add(of("threads", samples, s -> s.jvm().threads()));
        all.add(of("open files", samples, Sample::openFiles));
        all.add(of("database (MB)", samples, s -> s.dbBytes() / 1e6));
        all.add(of("inbound backlog (rows)", samples, s -> s.queues().inboundBacklog()));
        all.add(of("deliveries pending (rows)", samples, s -> s.queues().deliveriesPending()));
        for (String stream : STREAMS) {
            all.add(of(stream + " p50 (ms)", samples, s -> s.millis(stream, 50)));
            all.add(of(stream + " p99 (ms)", samples, s -> s.millis(stream, 99)));
        }
        return all;
    }

    /**
     * The heap after each full GC, at the sample that first saw it (NaN elsewhere): repeating a value at every sample
     * until the next full GC would weigh it by how long the next one took to come.
     */
    static double[] afterNewFullGc(List<Sample> samples) {
        double[] values = new double[samples.size()];
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            JvmGauge.Reading jvm = samples.get(i).jvm();
            values[i] = jvm.fullCollections() > seen ? jvm.afterLastFullGcMB() : Double.NaN;
            seen = jvm.fullCollections();
        }
        return values;
    }

    static String trends(String db, List<Sample> samples) {
        double[] minutes = minutes(samples);
        StringBuilder md = new StringBuilder("**G15 on " + db + ": trends** (least squares per minute over " + samples.size()
                + " samples; noise = 2 standard errors of the slope; flat = the slope lies within its noise)\n\n"
                + "| series | first third (median) | last third (median) | slope per minute | change over the run | reading |\n"
                + "|---|---|---|---|---|---|\n");
        for (Series s : series(samples)) {
            Trend t = Trend.fit(minutes, s.values());
            md.append("| ").append(s.name()).append(" | ").append(num(t.firstThird())).append(" | ").append(num(t.lastThird()))
                    .append(" | ").append(signed(t.slope())).append(" ± ").append(num(t.noise())).append(" | ")
                    .append(signed(t.change())).append(" | ").append(SoakText.reading(t)).append(" |\n");
        }
        return md.toString();
    }

    static String samples(String db, List<Sample> samples) {
        StringBuilder md = new StringBuilder("**G15 on " + db + ": samples** (latencies in ms over the interval that ends at"
                + " the sample; the first sample closes the warm-up; DB B / activity: growth since then per activity"
                + " accepted)\n\n| min | RSS MB | heap after GC | after full GC | committed | threads | files | DB MB |"
                + " accepted | DB B / activity | backlog | deliveries pending | errors | inbox p50 / p99 | board p50 / p99 |"
                + " proposal p99 | actor p99 |\n" + "|---".repeat(17) + "|\n");
        Sample first = samples.getFirst();
        for (Sample s : samples) {
            long accepted = s.accepted() - first.accepted();
            md.append(String.format(Locale.ROOT, "| %.1f | %.0f | %s | %s | %s | %d | %d | %.1f | %,d | %s | %d | %d | %d |"
                            + " %s / %s | %s / %s | %s | %s |\n", s.minute(), s.rssMB(), num(s.jvm().afterLastGcMB()),
                    num(s.jvm().afterLastFullGcMB()), num(s.jvm().heapCommittedMB()), s.jvm().threads(), s.openFiles(),
                    s.dbBytes() / 1e6, s.accepted(),
                    accepted == 0 ? "—" : num((s.dbBytes() - first.dbBytes()) / (double) accepted),
                    s.queues().inboundBacklog(), s.queues().deliveriesPending(),
                    s.httpErrors() + s.queues().errors(), num(s.millis(Soak.INBOX, 50)), num(s.millis(Soak.INBOX, 99)),
                    num(s.millis(Soak.BOARD, 50)), num(s.millis(Soak.BOARD, 99)), num(s.millis(Soak.PROPOSAL, 99)),
                    num(s.millis(Soak.ACTOR, 99))));
        }
        return md.toString();
    }

    /** Rows and bytes of every table before the warm-up and after the drain, the biggest growth first. */
    static String tables(String db, String bytesMethod, List<DbGauge.TableSize> atStart, List<DbGauge.TableSize> atEnd,
                         long activities) {
        long all = Math.max(1, activities);
        StringBuilder md = new StringBuilder("**G15 on " + db + ": tables** before the warm-up and after the drain ("
                + bytesMethod + "; per activity = growth / " + String.format(Locale.ROOT, "%,d", all) + " activities accepted"
                + " in all)\n\n| table | rows before | rows after | rows per activity | MB before | MB after |"
                + " bytes per activity |\n|---|---|---|---|---|---|---|\n");
        Map<String, DbGauge.TableSize> before = new HashMap<>();
        atStart.forEach(t -> before.put(t.name(), t));
        List<DbGauge.TableSize> after = new ArrayList<>(atEnd);
        after.sort(Comparator.comparingLong((DbGauge.TableSize t) -> t.bytes() - start(before, t).bytes()).reversed());
        long totalBefore = 0;
        long totalAfter = 0;
        for (DbGauge.TableSize t : after) {
            DbGauge.TableSize b = start(before, t);
            totalBefore += b.bytes();
            totalAfter += t.bytes();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f | %.2f | %.2f | %s |\n", t.name(), b.rows(), t.rows(),
                    (t.rows() - b.rows()) / (double) all, b.bytes() / 1e6, t.bytes() / 1e6,
                    num((t.bytes() - b.bytes()) / (double) all)));
        }
        md.append(String.format(Locale.ROOT, "| **all** | | | | %.2f | %.2f | %s |\n", totalBefore / 1e6, totalAfter / 1e6,
                num((totalAfter - totalBefore) / (double) all)));
        return md.toString();
    }

    /**
     * Each table's growth over the second half of the samples ({@link TableGrowth}), beside its growth from before the
     * warm-up to after the drain divided by every activity accepted (the figure of {@link #tables}).
     */
    static String secondHalf(String db, List<TableGrowth> growth, List<DbGauge.TableSize> atStart,
                             List<DbGauge.TableSize> atEnd, long activities) {
        long all = Math.max(1, activities);
        Map<String, Long> endToEnd = new HashMap<>();
        atEnd.forEach(t -> endToEnd.merge(t.name().toLowerCase(Locale.ROOT), t.bytes(), Long::sum));
        atStart.forEach(t -> endToEnd.merge(t.name().toLowerCase(Locale.ROOT), -t.bytes(), Long::sum));
        endToEnd.put(TableGrowth.ALL, endToEnd.values().stream().mapToLong(Long::longValue).sum());
        int samples = growth.isEmpty() ? 0 : growth.getLast().trend().samples();
        StringBuilder md = new StringBuilder("**G15 on " + db + ": tables in the second half** (bytes of each table read at"
                + " every sample of the second half, " + samples + " samples; per activity = least-squares slope of its"
                + " bytes against the activities accepted, ± 2 standard errors; flat = within that noise, as a table the"
                + " pruner holds level should be; end to end = the figure of the table above)\n\n| table | MB at the"
                + " first sample | MB at the last | bytes per activity, second half | reading | bytes per activity, end to"
                + " end |\n|---|---|---|---|---|---|\n");
        for (TableGrowth g : growth) {
            boolean sum = g.table().equals(TableGrowth.ALL);
            Long whole = endToEnd.get(g.table());
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s ± %s | %s | %s |\n", sum ? "**all**" : g.table(),
                    g.first() / 1e6, g.last() / 1e6, signed(g.trend().slope()), num(g.trend().noise()),
                    SoakText.reading(g.trend()), whole == null ? "—" : num(whole / (double) all)));
        }
        return md.toString();
    }

    /** Writes the samples to {@code file}, one row each, every stream's answers and percentiles included. */
    static void csv(List<Sample> samples, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("minute,rss_mb,heap_after_gc_mb,heap_after_full_gc_mb,heap_committed_mb,threads,"
                + "open_files,db_bytes,accepted,inbound_backlog,inbound_retrying,inbound_failed,deliveries_pending,"
                + "deliveries_retrying,deliveries_gave_up,http_errors,young_gcs,full_gcs,gc_pause_ms");
        for (String stream : STREAMS) {
            String name = stream.replace(' ', '_');
            csv.append(',').append(name).append("_answered,").append(name).append("_p50_ms,").append(name).append("_p99_ms,")
                    .append(name).append("_max_ms");
        }
        csv.append('\n');
        for (Sample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.1f",
                    s.minute(), s.rssMB(), s.jvm().afterLastGcMB(), s.jvm().afterLastFullGcMB(), s.jvm().heapCommittedMB(),
                    s.jvm().threads(), s.openFiles(), s.dbBytes(), s.accepted(), s.queues().inboundBacklog(),
                    s.queues().inboundRetrying(), s.queues().inboundFailed(), s.queues().deliveriesPending(),
                    s.queues().deliveriesRetrying(), s.queues().deliveriesGaveUp(), s.httpErrors(), s.jvm().youngCollections(),
                    s.jvm().fullCollections(), s.jvm().pauseMillis()));
            for (String stream : STREAMS) {
                IntervalReading reading = s.streams().get(stream);
                csv.append(String.format(Locale.ROOT, ",%d,%.3f,%.3f,%.3f", reading == null ? 0 : reading.answered(),
                        s.millis(stream, 50), s.millis(stream, 99), s.millis(stream, 100)));
            }
            csv.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    private static Series of(String name, List<Sample> samples, ToDoubleFunction<Sample> value) {
        return new Series(name, samples.stream().mapToDouble(value).toArray());
    }

    private static DbGauge.TableSize start(Map<String, DbGauge.TableSize> before, DbGauge.TableSize t) {
        return before.getOrDefault(t.name(), new DbGauge.TableSize(t.name(), 0, 0));
    }
}
