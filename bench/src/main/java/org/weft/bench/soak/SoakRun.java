package org.weft.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.weft.bench.db.DbKind;
import org.weft.bench.load.IntervalReading;

/** Everything one soak run recorded, in the order it happened; {@link SoakReport} turns it into figures. */
final class SoakRun {
    private final Setup setup;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Histogram> whole = new LinkedHashMap<>();
    private final Map<String, long[]> errors = new LinkedHashMap<>();
    private double idleRssMB;
    private List<DbGauge.TableSize> tablesAtStart;
    private List<DbGauge.TableSize> tablesAtEnd;
    private long bytesAtStart;
    private long bytesAtEnd;
    private DbGauge.Queues queuesAtEnd;
    private String sizeMethod;
    private String database;
    private Duration drained;
    private long mockGets;
    private long mockPosts;
    private double rssAtLoadEndMB;
    private double rssIdleAfterLoadMB;
    private double heapCommittedIdleAfterLoadMB;
    private double rssBeforeGcMB;
    private double liveHeapMB;
    private double rssAfterGcMB;
    private JvmGauge.Reading endReading;
    private ServerLog serverLog;

    /**
     * What was prepared before the server started.
     *
     * @param bodyBytes the bodies of all {@code activities}, without HTTP headers
     */
    record Setup(DbKind kind, String label, SoakPlan plan, double sceneSeconds, double signingSeconds, int activities,
                 long bodyBytes, Map<ActivityMix.Kind, Integer> mix, List<String> javaOpts) {
    }

    SoakRun(Setup setup) {
        this.setup = setup;
    }

    void idle(double rssMB) {
        idleRssMB = rssMB;
    }

    void tablesAtStart(List<DbGauge.TableSize> tables, long bytes, String method, String database) {
        tablesAtStart = List.copyOf(tables);
        bytesAtStart = bytes;
        sizeMethod = method;
        this.database = database;
    }

    /** The warm-up's answers: counted for errors, not for latencies. */
    void warmUp(String stream, IntervalReading reading) {
        countErrors(stream, reading, 0);
    }

    void sample(Sample sample) {
        samples.add(sample);
        sample.streams().forEach((stream, reading) -> {
            whole.computeIfAbsent(stream, s -> new Histogram(3)).add(reading.latencyMicros());
            countErrors(stream, reading, 1);
        });
    }

    /** Answers that came after the last sample (requests still in flight then). */
    void tail(String stream, IntervalReading reading) {
        countErrors(stream, reading, 2);
    }

    void drained(Duration after) {
        drained = after;
    }

    void tablesAtEnd(List<DbGauge.TableSize> tables, long bytes, DbGauge.Queues queues) {
        tablesAtEnd = List.copyOf(tables);
        bytesAtEnd = bytes;
        queuesAtEnd = queues;
    }

    void mocks(long gets, long posts) {
        mockGets = gets;
        mockPosts = posts;
    }

    /** RSS once the queues drained, and again after {@link Soak#IDLE_AFTER_LOAD} with no request and no forced GC. */
    void idleAfterLoad(double rssAtLoadEnd, double rssIdle, double heapCommittedIdle) {
        rssAtLoadEndMB = rssAtLoadEnd;
        rssIdleAfterLoadMB = rssIdle;
        heapCommittedIdleAfterLoadMB = heapCommittedIdle;
    }

    void end(double rssBeforeGc, double liveHeap, double rssAfterGc, JvmGauge.Reading reading) {
        rssBeforeGcMB = rssBeforeGc;
        liveHeapMB = liveHeap;
        rssAfterGcMB = rssAfterGc;
        endReading = reading;
    }

    void serverLog(ServerLog log) {
        serverLog = log;
    }

    /** The latest sample in one line, for the console while the soak runs. */
    String lastLine() {
        Sample s = samples.getLast();
        return String.format(java.util.Locale.ROOT, "%5.1f min: RSS %.0f MB, heap after GC %.0f MB, db %.1f MB, %,d accepted,"
                        + " backlog %d, p99 inbox %.1f / board %.1f / actor %.1f ms, %d HTTP errors", s.minute(), s.rssMB(),
                s.jvm().afterLastGcMB(), s.dbBytes() / 1e6, s.accepted(), s.queues().inboundBacklog(),
                s.millis(Soak.INBOX, 99), s.millis(Soak.BOARD, 99), s.millis(Soak.ACTOR, 99), s.httpErrors());
    }

    /** HTTP errors per stream: [warm-up, measured, after the last sample]. */
    private void countErrors(String stream, IntervalReading reading, int phase) {
        errors.computeIfAbsent(stream, s -> new long[3])[phase] += reading.errors();
    }

    Setup setup() {
        return setup;
    }

    DbKind kind() {
        return setup.kind();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Latencies of the whole measured time, per stream. */
    Map<String, Histogram> whole() {
        return whole;
    }

    Map<String, long[]> errors() {
        return errors;
    }

    long httpErrors() {
        return errors.values().stream().mapToLong(e -> e[0] + e[1] + e[2]).sum();
    }

    double idleRssMB() {
        return idleRssMB;
    }

    /** The collector the launcher's flags choose, e.g. "SerialGC". */
    String collector() {
        return setup.javaOpts().stream().filter(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))
                .map(o -> o.substring("-XX:+Use".length())).findFirst().orElse("the JVM's default collector");
    }

    List<DbGauge.TableSize> tablesAtStart() {
        return tablesAtStart;
    }

    List<DbGauge.TableSize> tablesAtEnd() {
        return tablesAtEnd;
    }

    long bytesAtStart() {
        return bytesAtStart;
    }

    long bytesAtEnd() {
        return bytesAtEnd;
    }

    /** The queues once the load was over and they had drained (or the drain limit had passed). */
    DbGauge.Queues queuesAtEnd() {
        return queuesAtEnd;
    }

    /** The database server's version and settings. */
    String database() {
        return database;
    }

    String sizeMethod() {
        return sizeMethod;
    }

    /** Time the queues took to empty after the load, or null if they had not within the limit. */
    Duration drained() {
        return drained;
    }

    long mockGets() {
        return mockGets;
    }

    long mockPosts() {
        return mockPosts;
    }

    double rssAtLoadEndMB() {
        return rssAtLoadEndMB;
    }

    double rssIdleAfterLoadMB() {
        return rssIdleAfterLoadMB;
    }

    double heapCommittedIdleAfterLoadMB() {
        return heapCommittedIdleAfterLoadMB;
    }

    double rssBeforeGcMB() {
        return rssBeforeGcMB;
    }

    double liveHeapMB() {
        return liveHeapMB;
    }

    double rssAfterGcMB() {
        return rssAfterGcMB;
    }

    JvmGauge.Reading endReading() {
        return endReading;
    }

    ServerLog serverLog() {
        return serverLog;
    }
}
