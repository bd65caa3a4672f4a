package org.weft.bench.targets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.weft.bench.crypto.CryptoCounters;
import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbKind;
import org.weft.bench.db.DbServer;
import org.weft.bench.db.Seeder;
import org.weft.bench.load.ClosedLoopLoad;
import org.weft.bench.load.LoadResult;
import org.weft.bench.load.OpenLoopLoad;
import org.weft.bench.mock.MockHosts;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.InProcessServer;
import org.weft.server.WeftServer;

/**
 * G1 inbox ingest and the inbox half of G7. Senders are known to the server (their rows and keys are in
 * its database) and their actor URLs point at a mock that counts GETs, so any key fetch would show.
 * Pre-signed POSTs of ~2 KiB are replayed: first saturating (sustained accepted/s), then open-loop at
 * 1,000/s (accept latency from the intended send time). What the inbound worker has not processed by then is
 * G8's backlog ({@link Backlog}). Those POSTs are signed with draft-cavage; once the backlog is drained, a batch
 * signed with RFC 9421 counts the verifies per such POST (G7) the same way.
 */
public final class InboxIngest {
    static final double OFFERED_PER_SECOND = 1_000;
    private static final int CLOSED_LOOP_CONNECTIONS = 32;
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    private InboxIngest() {
    }

    public static void run(DbServer dbServer, Path work, InboxWorkload workload, Yardsticks yardsticks, Results results)
            throws Exception {
        DbKind kind = dbServer.kind();
        MockHosts origin = workload.origin();
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            WeftServer server = InProcessServer.start(db, workload.port(), Map.of());
            try {
                Seeder.insertActors(server.db().dataSource(), workload.senders().stream().map(Sender::actor).toList());
                ClosedLoopLoad closed = new ClosedLoopLoad("127.0.0.1", server.port(), CLOSED_LOOP_CONNECTIONS);
                long warmAccepted = closed.run(workload.warmup(), workload.warmup().size(), Duration.ofSeconds(30)).count(202);
                origin.reset();
                CryptoCounters.reset();
                LoadResult saturated = closed.run(workload.sustained(), workload.sustained().size(), Duration.ofSeconds(40));
                LoadResult open = new OpenLoopLoad("127.0.0.1", server.port(), OPEN_LOOP_CONNECTIONS)
                        .run(workload.offered(), OFFERED_PER_SECOND, Duration.ofSeconds(10));
                CryptoCounters.Snapshot crypto = CryptoCounters.snapshot();
                long keyFetches = origin.gets();
                long stored = Seeder.count(server.db().dataSource(), "inbound_activity");
                report(kind, yardsticks, results, saturated, open, crypto, keyFetches,
                        new Storage(stored, warmAccepted, server.inboundWorker().processed()));
                Backlog.drain(kind, server, saturated.rateOf(202), results);
                rfc9421(kind, closed, workload, origin, results);
                acceptAlone(kind, server, closed, workload, saturated.rateOf(202), yardsticks, results);
            } finally {
                server.close();
            }
        }
    }

    private static void report(DbKind kind, Yardsticks y, Results results, LoadResult saturated, LoadResult open,
                               CryptoCounters.Snapshot crypto, long keyFetches, Storage storage) {
        String db = kind.label();
        double accepted = saturated.rateOf(202);
        double inserts = y.inserts(kind);
        double verifies = y.rsa().verifiesPerSecond();
        results.row(new Row("G1", db, "inbox accepted/s, saturating (" + CLOSED_LOOP_CONNECTIONS + " connections)",
                Fmt.perSecond(accepted), y.insertsText(kind) + "; RSA verify (2 thr) " + Fmt.perSecond(verifies),
                Fmt.ratio(accepted, inserts) + " of inserts; " + Fmt.ratio(accepted, verifies) + " of verifies",
                "≥ 3,000/s (stretch 5,000/s)", Verdict.atLeast(accepted, 3_000, "/s")));
        double p99 = open.percentileMillis(99);
        ReadProbe.Figures bare = y.bareHttp();
        results.row(new Row("G1", db, "accept latency at 1,000/s offered (open-loop)",
                "p50 " + Fmt.ms(open.percentileMillis(50)) + ", p99 " + Fmt.ms(p99),
                bare == null ? "n/a" : "bare Helidon GET p99 at 5,000/s: " + Fmt.ms(bare.p99Millis()),
                bare == null ? "n/a" : Fmt.ratio(p99, bare.p99Millis()), "p99 ≤ 10 ms", Verdict.atMost(p99, 10, "ms")));
        long posts = saturated.completed() + open.completed();
        double verifiesPerPost = crypto.verifies() / (double) posts;
        results.row(new Row("G7", db, "RSA verifies per inbox POST (counted in the JCA provider)",
                String.format("%.3f (%,d / %,d)", verifiesPerPost, crypto.verifies(), posts), "—", "—", "1",
                Math.abs(verifiesPerPost - 1) < 0.005 ? "target met" : "**missed**"));
        double fetchesPerThousand = 1000.0 * keyFetches / posts;
        results.row(new Row("G7", db, "key fetches per 1,000 POSTs from known actors (GETs at the actors' host)",
                String.format("%.2f (%d GETs)", fetchesPerThousand, keyFetches), "—", "—", "0",
                Verdict.exactly(keyFetches, 0)));
        results.note("G1", String.format("%s saturating: %s", db, saturated.summary()));
        results.note("G1", String.format("%s open-loop at %,.0f/s: %s", db, OFFERED_PER_SECOND, open.summary()));
        results.note("G1", String.format("%s: body digests per POST %.3f; inbound_activity rows %,d for %,d accepted"
                        + " POSTs (incl. %,d warm-up); %,d processed by the inbound worker meanwhile.", db,
                crypto.bodyDigests() / (double) posts, storage.rows(), saturated.count(202) + open.count(202)
                        + storage.warmupAccepted(), storage.warmupAccepted(), storage.processed()));
    }

    /** G7 for RFC 9421: the pre-signed batch replayed closed-loop; each POST should cost one verify and no key fetch. */
    private static void rfc9421(DbKind kind, ClosedLoopLoad closed, InboxWorkload workload, MockHosts origin,
                                Results results) throws InterruptedException {
        origin.reset();
        CryptoCounters.reset();
        LoadResult batch = closed.run(workload.rfc9421(), workload.rfc9421().size(), Duration.ofSeconds(30));
        CryptoCounters.Snapshot crypto = CryptoCounters.snapshot();
        long accepted = batch.count(202);
        double verifiesPerPost = crypto.verifies() / (double) Math.max(1, batch.completed());
        results.row(new Row("G7", kind.label(), "RSA verifies per inbox POST signed with RFC 9421 (JCA provider count)",
                String.format("%.3f (%,d / %,d; %,d accepted)", verifiesPerPost, crypto.verifies(), batch.completed(), accepted),
                "—", "—", "1", Math.abs(verifiesPerPost - 1) < 0.005 && accepted == batch.completed() && origin.gets() == 0
                        ? "target met" : "**missed**"));
        results.note("G7", String.format("%s RFC 9421 batch: %s; key fetches %d.", kind.label(), batch.summary(),
                origin.gets()));
    }

    /**
     * G1's accept path alone: the same saturating load with the inbound worker held (as in an outage of it), once
     * what came before is processed. The saturating row above shares the two cores with a worker that keeps up with
     * it; this one says how much of its miss is the accept path's own cost. A diagnostic, not the target's figure.
     */
    private static void acceptAlone(DbKind kind, WeftServer server, ClosedLoopLoad closed, InboxWorkload workload,
                                    double withWorker, Yardsticks yardsticks, Results results) throws Exception {
        Backlog.awaitProcessed(server, Duration.ofSeconds(60));
        server.inboundWorker().stopClaiming();
        LoadResult alone = closed.run(workload.acceptOnly(), workload.acceptOnly().size(), Duration.ofSeconds(40));
        double accepted = alone.rateOf(202);
        results.row(new Row("G1", kind.label(), "inbox accepted/s, saturating, inbound worker held (the accept path alone;"
                + " diagnostic)", Fmt.perSecond(accepted), "the saturating row with the worker running: "
                + Fmt.perSecond(withWorker) + "; " + yardsticks.insertsText(kind), Fmt.ratio(accepted, withWorker)
                + " of it", "— (≥ 3,000/s is the row above's)", "—"));
        results.note("G1", String.format("%s with the inbound worker held: %s", kind.label(), alone.summary()));
    }

    /** Rows stored, warm-up POSTs accepted, activities the inbound worker processed meanwhile. */
    private record Storage(long rows, long warmupAccepted, long processed) {
    }
}
