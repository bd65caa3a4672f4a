package org.weft.bench.targets;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.weft.bench.mock.HostBehaviour;
import org.weft.bench.mock.MockHosts;
import org.weft.bench.report.Results;
import org.weft.bench.server.Ports;
import org.weft.bench.server.WeftEnv;

/**
 * The G1 traffic, signed once per suite run and replayed against every server that takes inbox load (G1
 * on each database, G4): signing is the slow part of the set-up, and each server gets a fresh database,
 * so the same activity ids are new to each. Every such server listens on the same port, because the
 * signed Host header names it. The senders' actor URLs point at a mock that counts GETs.
 */
public final class InboxWorkload implements AutoCloseable {
    static final int SENDERS = 4;
    static final int WARMUP = 1_500;
    static final int SUSTAINED = 8_000;
    static final int OFFERED = 6_000;
    /** POSTs signed with RFC 9421, replayed after G1 to count verifies per such POST (G7). */
    static final int RFC_9421 = 2_000;
    /** POSTs replayed last, with the inbound worker held: what the accept path alone takes (G1, diagnostic). */
    static final int ACCEPT_ONLY = 8_000;

    private final MockHosts origin;
    private final List<Sender> senders;
    private final int port;
    private final List<byte[]> warmup;
    private final List<byte[]> sustained;
    private final List<byte[]> offered;
    private final List<byte[]> rfc9421;
    private final List<byte[]> acceptOnly;

    private InboxWorkload(MockHosts origin, List<Sender> senders, int port, List<byte[]> warmup, List<byte[]> sustained,
                          List<byte[]> offered, List<byte[]> rfc9421, List<byte[]> acceptOnly) {
        this.origin = origin;
        this.senders = senders;
        this.port = port;
        this.warmup = warmup;
        this.sustained = sustained;
        this.offered = offered;
        this.rfc9421 = rfc9421;
        this.acceptOnly = acceptOnly;
    }

    public static InboxWorkload prepare(Results results) {
        MockHosts origin = MockHosts.start(1, i -> HostBehaviour.ANSWER, Duration.ZERO);
        List<Sender> senders = IntStream.range(0, SENDERS)
                .mapToObj(i -> Sender.create(origin.origin(0), "sender" + i)).toList();
        int port = Ports.free();
        URI inbox = URI.create(WeftEnv.baseUrl(port) + "/inbox");
        long start = System.nanoTime();
        List<byte[]> warmup = SignedInboxRequests.build(senders, inbox, "w", WARMUP);
        List<byte[]> sustained = SignedInboxRequests.build(senders, inbox, "s", SUSTAINED);
        List<byte[]> offered = SignedInboxRequests.build(senders, inbox, "o", OFFERED);
        List<byte[]> rfc9421 = SignedInboxRequests.buildRfc9421(senders, inbox, "r", RFC_9421);
        List<byte[]> acceptOnly = SignedInboxRequests.build(senders, inbox, "a", ACCEPT_ONLY);
        results.note("G1", String.format("Pre-signed %,d distinct POSTs (%,d-byte Create(Note) bodies, %d senders) in %.1f s"
                        + " before the runs, %,d of them with RFC 9421 (for G7), the rest with draft-cavage; each server under"
                        + " inbox load gets a fresh database, so all are new to it.", WARMUP + SUSTAINED + OFFERED + RFC_9421 + ACCEPT_ONLY,
                SignedInboxRequests.TARGET_BODY_BYTES, SENDERS, (System.nanoTime() - start) / 1e9, RFC_9421));
        return new InboxWorkload(origin, senders, port, warmup, sustained, offered, rfc9421, acceptOnly);
    }

    MockHosts origin() {
        return origin;
    }

    List<Sender> senders() {
        return senders;
    }

    int port() {
        return port;
    }

    List<byte[]> warmup() {
        return warmup;
    }

    List<byte[]> sustained() {
        return sustained;
    }

    List<byte[]> offered() {
        return offered;
    }

    List<byte[]> rfc9421() {
        return rfc9421;
    }

    List<byte[]> acceptOnly() {
        return acceptOnly;
    }

    @Override
    public void close() {
        origin.close();
    }
}
