package org.weft.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.load.IntervalReading;
import org.weft.bench.load.RawRequests;
import org.weft.bench.load.SteadyLoad;
import org.weft.bench.mock.MockHosts;
import org.weft.bench.report.Results;
import org.weft.bench.server.Ports;
import org.weft.bench.server.ServerProcess;
import org.weft.bench.server.WeftEnv;
import org.weft.bench.targets.ServerLaunch;
import org.weft.bench.targets.Yardsticks;

/**
 * G15, the soak: Weft as its own process with the shipped launcher flags takes a steady mixed load for a long time
 * ({@link ActivityMix} at {@value SoakPlan#INBOX_PER_SECOND}/s from {@value SoakScene#HOSTS} remote instances,
 * plus page and actor reads), and every sample interval the bench reads what grows: resident memory, the heap after
 * GC, the database, the backlog, and the latencies of each kind of request. {@link SoakReport} then fits a line to
 * each series and says which are flat.
 */
public final class Soak {
    static final String INBOX = "inbox";
    static final String BOARD = "board";
    static final String PROPOSAL = "proposal page";
    static final String ACTOR = "actor";
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    /**
     * After the load, the server sits idle this long before the end readings, with no forced GC: whether the collector
     * gives memory back by itself when the load stops (SerialGC shrinks only at a collection, G1 and ZGC uncommit on a
     * timer).
     */
    static final Duration IDLE_AFTER_LOAD = Duration.ofMinutes(2);
    /** How old a signature's Date may be for the server: 5 minutes of validity plus an hour of clock skew. */
    private static final Duration SIGNATURE_LIFETIME = Duration.ofMinutes(65);
    /** Time from the end of signing to the first request: the server's start, the readings before the load. */
    private static final Duration START_MARGIN = Duration.ofMinutes(3);
    /** Activities acting on earlier ones wait this long after them (see {@link ActivityMix}). */
    private static final Duration REFERENCE_LAG = Duration.ofSeconds(60);

    private Soak() {
    }

    public static void run(DbServer dbServer, Path work, ServerLaunch launch, SoakPlan plan, Yardsticks yardsticks,
                           Results results) throws Exception {
        String name = "soak-" + dbServer.kind().name().toLowerCase();
        try (MockHosts hosts = SoakScene.startHosts(); BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            int port = Ports.free();
            long setUp = System.nanoTime();
            SoakScene scene = SoakScene.build(db, port, hosts);
            double sceneSeconds = (System.nanoTime() - setUp) / 1e9;
            long signing = System.nanoTime();
            Signed signed = sign(scene, plan);
            double signingSeconds = (System.nanoTime() - signing) / 1e9;
            if (signingSeconds + plan.totalSeconds() + START_MARGIN.toSeconds() > SIGNATURE_LIFETIME.toSeconds()) {
                throw new IllegalStateException(String.format("signing took %.0f s: with %d s of load the last requests would"
                        + " carry a Date older than the server accepts (%d min); run a shorter soak", signingSeconds,
                        plan.totalSeconds(), SIGNATURE_LIFETIME.toMinutes()));
            }
            List<String> javaOpts = new ArrayList<>(launch.javaOpts());
            javaOpts.addAll(plan.extraJavaOpts());
            SoakRun.Setup setup = new SoakRun.Setup(dbServer.kind(), dbServer.kind().label(), plan, sceneSeconds,
                    signingSeconds, signed.posts().size(), signed.bodyBytes(), signed.mix(), javaOpts);
            Path log = launch.logDir().resolve(name + ".log");
            Path gcLog = launch.logDir().resolve(name + "-gc.log");
            ServerProcess server = ServerProcess.start(javaOpts, ServerProcess.weftServe(launch.serverJar()),
                    WeftEnv.shipped(db, port, plan.serverEnv()), port, log, READY_LIMIT);
            try (server; DbGauge dbGauge = DbGauge.open(db)) {
                SoakRun run = measure(server, dbGauge, scene, signed.posts(), plan, setup, hosts, gcLog);
                run.serverLog(ServerLog.scan(log));
                SoakReport.write(run, yardsticks, results);
            } finally {
                keep(log, plan.resultsDir(), name + "-server.log");
                keep(gcLog, plan.resultsDir(), name + "-gc.log");
            }
        }
    }

    /** The script's requests, signed with one Date before the load (bodies are {@code bodyBytes} in all). */
    private record Signed(List<byte[]> posts, long bodyBytes, Map<ActivityMix.Kind, Integer> mix) {
    }

    private static Signed sign(SoakScene scene, SoakPlan plan) {
        int total = (int) (SoakPlan.INBOX_PER_SECOND * plan.totalSeconds());
        Instant signedAt = Instant.now();
        ActivityMix.Script script = ActivityMix.script(scene, total, signedAt,
                (int) (SoakPlan.INBOX_PER_SECOND * REFERENCE_LAG.toSeconds()));
        URI inbox = URI.create(scene.baseUrl() + "/inbox");
        List<byte[]> posts = IntStream.range(0, total).parallel().mapToObj(i -> {
            ActivityMix.Entry entry = script.entries().get(i);
            return RawRequests.post(inbox.getRawPath(),
                    entry.sender().signer().signPost(inbox, entry.body(), "application/activity+json", signedAt), entry.body());
        }).toList();
        return new Signed(posts, script.entries().stream().mapToLong(e -> e.body().length).sum(), script.counts());
    }

    private static SoakRun measure(ServerProcess server, DbGauge dbGauge, SoakScene scene, List<byte[]> posts,
                                   SoakPlan plan, SoakRun.Setup setup, MockHosts hosts, Path gcLog) throws Exception {
        SoakRun run = new SoakRun(setup);
        Thread.sleep(5_000); // start-up work (matcher, caches) settles before the idle reading
        run.idle(server.rssMB());
        JvmGauge jvm = JvmGauge.start(server.pid(), gcLog);
        keepNativeMemory(jvm, plan, setup, "start");
        run.tablesAtStart(dbGauge.tables(true), dbGauge.bytes(), dbGauge.sizeMethod(), dbGauge.describe());
        hosts.reset();

        long start = System.nanoTime() + 200_000_000L;
        Map<String, SteadyLoad> streams = startStreams(server.port(), scene, posts, plan.totalSeconds(), start);
        try {
            long measuredFrom = start + plan.warmUp().toNanos();
            sleepUntil(measuredFrom);
            streams.forEach((name, stream) -> run.warmUp(name, stream.interval()));
            run.sample(sample(0, server, jvm, dbGauge, streams, false));
            long every = plan.sampleEvery().toNanos();
            long samples = plan.measured().toNanos() / every;
            for (long k = 1; k <= samples; k++) {
                sleepUntil(measuredFrom + k * every);
                run.sample(sample(k * every / 60e9, server, jvm, dbGauge, streams, true));
                System.out.printf("bench: [G15] %s %s%n", setup.label(), run.lastLine());
            }
            for (Map.Entry<String, SteadyLoad> stream : streams.entrySet()) {
                stream.getValue().awaitDone(Duration.ofSeconds(30));
                run.tail(stream.getKey(), stream.getValue().interval());
            }
        } finally {
            streams.values().forEach(SteadyLoad::close);
        }
        run.drained(drain(dbGauge));
        run.tablesAtEnd(dbGauge.tables(true), dbGauge.bytes(), dbGauge.queues());
        run.mocks(hosts.gets(), hosts.totalPosts());
        double rssAtLoadEnd = server.rssMB();
        Thread.sleep(IDLE_AFTER_LOAD);
        run.idleAfterLoad(rssAtLoadEnd, server.rssMB(), jvm.read().heapCommittedMB());
        System.out.printf("bench: [G15] %s RSS %.0f MB when the load stopped and the queues drained, %.0f MB after %d min"
                + " idle%n", setup.label(), rssAtLoadEnd, run.rssIdleAfterLoadMB(), IDLE_AFTER_LOAD.toMinutes());
        double rssBeforeGc = server.rssMB();
        double live = jvm.liveAfterFullGc();
        Thread.sleep(1_000);
        run.end(rssBeforeGc, live, server.rssMB(), jvm.read());
        keepNativeMemory(jvm, plan, setup, "end");
        return run;
    }

    /**
     * The four open-loop streams, all starting at {@code start}: the signed inbox POSTs, the community's board page, the
     * local proposals' pages in turn, and the actor documents of the members and the community in turn.
     */
    private static Map<String, SteadyLoad> startStreams(int port, SoakScene scene, List<byte[]> posts, int seconds,
                                                        long start) {
        String host = WeftEnv.hostHeader(port);
        byte[] board = RawRequests.get(host, "/board/" + SoakScene.COMMUNITY, "text/html");
        List<byte[]> pages = scene.proposals().stream().map(p -> RawRequests.get(host, p.path(), "text/html")).toList();
        List<byte[]> actors = new ArrayList<>();
        for (String uri : scene.memberUris()) {
            actors.add(RawRequests.get(host, URI.create(uri).getRawPath(), "application/activity+json"));
        }
        actors.add(RawRequests.get(host, URI.create(scene.communityUri()).getRawPath(), "application/activity+json"));
        Map<String, SteadyLoad> streams = new LinkedHashMap<>();
        streams.put(INBOX, new SteadyLoad("soak-inbox", "127.0.0.1", port, 16, 202));
        streams.put(BOARD, new SteadyLoad("soak-board", "127.0.0.1", port, 4, 200));
        streams.put(PROPOSAL, new SteadyLoad("soak-proposal", "127.0.0.1", port, 2, 200));
        streams.put(ACTOR, new SteadyLoad("soak-actor", "127.0.0.1", port, 4, 200));
        streams.get(INBOX).start(posts::get, posts.size(), SoakPlan.INBOX_PER_SECOND, start);
        streams.get(BOARD).start(i -> board, (int) (SoakPlan.BOARD_PER_SECOND * seconds), SoakPlan.BOARD_PER_SECOND, start);
        streams.get(PROPOSAL).start(i -> pages.get(i % pages.size()), (int) (SoakPlan.PROPOSAL_PAGES_PER_SECOND * seconds),
                SoakPlan.PROPOSAL_PAGES_PER_SECOND, start);
        streams.get(ACTOR).start(i -> actors.get(i % actors.size()), (int) (SoakPlan.ACTORS_PER_SECOND * seconds),
                SoakPlan.ACTORS_PER_SECOND, start);
        return streams;
    }

    private static Sample sample(double minute, ServerProcess server, JvmGauge jvm, DbGauge db, Map<String, SteadyLoad> streams,
                                 boolean withLatencies) throws Exception {
        Map<String, IntervalReading> readings = new LinkedHashMap<>();
        if (withLatencies) {
            streams.forEach((name, stream) -> readings.put(name, stream.interval()));
        }
        double rss = server.rssMB();
        return new Sample(minute, rss, openFiles(server.pid()), jvm.read(), db.bytes(),
                streams.get(INBOX).succeededSoFar(), db.queues(), readings, db.tableBytes());
    }

    /** After the load: how long until the inbound backlog and the delivery queue are empty (or the limit). */
    private static Duration drain(DbGauge db) throws Exception {
        long started = System.nanoTime();
        long deadline = started + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            DbGauge.Queues queues = db.queues();
            if (queues.inboundBacklog() == 0 && queues.deliveriesPending() == 0) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static int openFiles(long pid) {
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) entries.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** With native memory tracking on, its summary goes to the results at the start and the end of the load. */
    private static void keepNativeMemory(JvmGauge jvm, SoakPlan plan, SoakRun.Setup setup, String when) {
        if (!plan.tracksNativeMemory() || plan.resultsDir() == null) {
            return;
        }
        Path file = plan.resultsDir().resolve("soak-" + setup.kind().name().toLowerCase() + "-nmt-" + when + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, jvm.nativeMemorySummary());
        } catch (IOException e) {
            System.err.println("bench: could not keep the native memory summary: " + e.getMessage());
        }
    }

    private static void keep(Path log, Path resultsDir, String as) {
        if (resultsDir == null || !Files.exists(log)) {
            return;
        }
        try {
            Files.createDirectories(resultsDir);
            Files.copy(log, resultsDir.resolve(as), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("bench: could not keep " + log + ": " + e.getMessage());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
