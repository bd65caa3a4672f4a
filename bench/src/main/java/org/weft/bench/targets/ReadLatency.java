package org.weft.bench.targets;

import java.nio.file.Path;
import java.util.Map;

import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.DbServer;
import org.weft.bench.load.RawRequests;
import org.weft.bench.report.Fmt;
import org.weft.bench.report.Results;
import org.weft.bench.report.Row;
import org.weft.bench.report.Verdict;
import org.weft.bench.server.InProcessServer;
import org.weft.bench.server.WeftEnv;
import org.weft.server.WeftServer;

/** G3: WebFinger and actor GET latency at a fixed 5,000 req/s, next to the bare Helidon route. */
public final class ReadLatency {
    private ReadLatency() {
    }

    public static void run(DbServer dbServer, Path work, Yardsticks yardsticks, Results results) throws Exception {
        try (BenchDatabase db = BenchDatabase.fresh(dbServer, work)) {
            WeftServer server = InProcessServer.start(db, Map.of());
            try {
                server.localActors().createMember("rosa", "Rosa", "correct horse battery staple", false);
                String host = WeftEnv.hostHeader(server.port());
                byte[] webfinger = RawRequests.get(host, "/.well-known/webfinger?resource=acct:rosa@" + host,
                        "application/jrd+json");
                byte[] actor = RawRequests.get(host, "/users/rosa", "application/activity+json");
                report(db, "WebFinger GET", ReadProbe.measure("127.0.0.1", server.port(), webfinger), yardsticks, results);
                report(db, "actor GET (activity+json)", ReadProbe.measure("127.0.0.1", server.port(), actor), yardsticks,
                        results);
            } finally {
                server.close();
            }
        }
    }

    private static void report(BenchDatabase db, String what, ReadProbe.Figures f, Yardsticks y, Results results) {
        ReadProbe.Figures bare = y.bareHttp();
        String label = db.kind().label();
        String figure = "p50 " + Fmt.ms(f.p50Millis()) + ", p99 " + Fmt.ms(f.p99Millis())
                + (f.sustained() ? "" : String.format(" (only %s achieved of 5,000/s offered)", Fmt.perSecond(f.openLoop()
                .throughput())));
        results.row(new Row("G3", label, what + " at 5,000/s offered (open-loop)", figure,
                bare == null ? "n/a" : "bare Helidon p99 " + Fmt.ms(bare.p99Millis()) + " at 5,000/s",
                bare == null ? "n/a" : Fmt.ratio(f.p99Millis(), bare.p99Millis()), "p99 ≤ 5 ms",
                Verdict.atMost(f.p99Millis(), 5, "ms")));
        results.row(new Row("G3", label, what + ", saturating (32 connections; context, no target)",
                Fmt.perSecond(f.saturated().throughput()),
                bare == null ? "n/a" : "bare Helidon " + Fmt.perSecond(bare.saturated().throughput()),
                bare == null ? "n/a" : Fmt.ratio(f.saturated().throughput(), bare.saturated().throughput()), "—", "—"));
        results.note("G3", label + " " + what + " open-loop: " + f.openLoop().summary());
        results.note("G3", label + " " + what + " saturating: " + f.saturated().summary());
    }
}
