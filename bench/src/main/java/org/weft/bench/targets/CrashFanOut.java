package org.weft.bench.targets;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.mock.HostBehaviour;
import org.weft.bench.mock.MockHosts;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.server.Ports;
import org.weft.bench.server.ServerProcess;
import org.weft.bench.server.WeftEnv;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.queue.Outbox;

/**
 * G2 {@code kill -9}: the post is queued (through the server's Outbox, in the bench process, with no
 * worker attached), then a separate server process delivers it to 1,000 mock hosts; after {@value #KILL_AFTER}
 * POSTs the process gets SIGKILL, a new one starts on the same data, and the mocks count which hosts never got the
 * post and which got it twice. Twice: with mocks that answer at once (G2's local mock inboxes: the target's row,
 * where a duplicate is an answer the server heard and had not stored), then with mocks that answer after 100 ms
 * (context: every POST still unanswered at the kill is sent again too, which no sender can avoid; about the POSTs
 * a fan-out keeps out at once, the price of G2's other target, 950 such hosts within 3 s).
 */
public final class CrashFanOut {
    static final int KILL_AFTER = 300;
    /** The server leases a claimed delivery for 2 minutes; a delivery in flight at the crash waits that out. */
    private static final Duration RECOVERY_CAP = Duration.ofSeconds(170);

    private CrashFanOut() {
    }

    public static void run(DbServer dbServer, Path work, ServerLaunch launch, Results results) throws Exception {
        scenario(dbServer, work, launch, results, Duration.ZERO);
        scenario(dbServer, work, launch, results, FanOut.MOCK_LATENCY);
    }

    private static void scenario(DbServer dbServer, Path work, ServerLaunch launch, Results results, Duration latency)
            throws Exception {
        boolean instant = latency.isZero();
        String label = dbServer.kind().label();
        String mocks = instant ? "mocks answering at once" : latency.toMillis() + " ms mocks";
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work);
             MockHosts hosts = MockHosts.start(FanOutSetup.HOSTS, h -> HostBehaviour.ANSWER, latency)) {
            int port = Ports.free();
            queuePost(db, hosts, port);
            Map<String, String> env = WeftEnv.of(db, port, Map.of());
            Path log = launch.logDir().resolve("crash-" + dbServer.kind().name().toLowerCase()
                    + (instant ? "" : "-" + latency.toMillis() + "ms") + ".log");

            ServerProcess first = ServerProcess.start(launch.javaOpts(), ServerProcess.weftServe(launch.serverJar()), env,
                    port, log, Duration.ofSeconds(60));
            waitFor(() -> hosts.totalPosts() >= KILL_AFTER || !first.isAlive(), Duration.ofSeconds(60));
            first.kill9();
            long atKill = hosts.totalPosts();
            Thread.sleep(300);
            long restarted = System.nanoTime();
            try (ServerProcess second = ServerProcess.start(launch.javaOpts(), ServerProcess.weftServe(launch.serverJar()),
                    env, port, log, Duration.ofSeconds(60))) {
                long allReached = waitFor(() -> hosts.hostsReached() >= FanOutSetup.HOSTS, RECOVERY_CAP);
                // Deliveries in flight at the kill reached their host but were never marked done: their rows stay
                // leased for 2 minutes and are then sent again. Count only once the queue is empty.
                long drained = waitFor(() -> pending(db) == 0, RECOVERY_CAP);
                Thread.sleep(1_000);
                long left = pending(db);
                int reached = hosts.hostsReached();
                long lost = FanOutSetup.HOSTS - reached;
                long duplicates = hosts.duplicatePosts();
                double duplicatePercent = 100.0 * duplicates / FanOutSetup.HOSTS;
                boolean met = lost == 0 && left == 0 && duplicatePercent <= 1;
                results.row(new Row("G2", label, "kill -9 after " + atKill + " POSTs, restart: lost / duplicated deliveries ("
                        + mocks + (instant ? "" : "; context: the POSTs unanswered at the kill are sent again") + ")",
                        lost + " lost / " + duplicates + " duplicated (" + String.format("%.1f%%", duplicatePercent) + ")",
                        "—", "—", instant ? "0 lost, ≤ 1% duplicated" : "0 lost",
                        instant ? (met ? "target met" : "**missed**")
                                : (lost == 0 && left == 0 ? "0 lost (duplicates: no target)" : "**missed**")));
                results.note("G2", String.format("%s kill -9, " + mocks + ": %d POSTs had reached the mocks before SIGKILL; after the restart"
                                + " every host had the post after %.1f s, and the queue was empty after %.1f s (the rows the"
                                + " dead process had claimed stay leased for 2 minutes, then are sent again: those are the"
                                + " duplicates); rows still pending at the end: %d.", label, atKill,
                        (allReached - restarted) / 1e9, (drained - restarted) / 1e9, left));
            }
        }
    }

    /** PENDING delivery rows, read over JDBC while the server process runs (H2 through its AUTO_SERVER port). */
    private static long pending(BenchDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // not reachable this instant: keep waiting
        }
    }

    /** Creates the group, its 10,000 followers and the queued post, with the server's own classes; then closes. */
    private static void queuePost(BenchDatabase db, MockHosts hosts, int port) throws Exception {
        Clock clock = Clock.systemUTC();
        LocalUrls urls = new LocalUrls(URI.create(WeftEnv.baseUrl(port)));
        try (Database database = Database.open(db.settings(), db.dataDir())) {
            ActorEntity group = new LocalActorService(database, urls, clock).createGroup("block3", "Block 3", null);
            FanOutSetup.seedFollowers(database.dataSource(), hosts, group.getId());
            FanOutSetup.post(database, new Outbox(urls, new JsonLdCodec(), clock), group.getId());
        }
    }

    /** Polls until {@code done}; returns the nanoTime when it became true (or when the time ran out). */
    private static long waitFor(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return System.nanoTime();
    }
}
