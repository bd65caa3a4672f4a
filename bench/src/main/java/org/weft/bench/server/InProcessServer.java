package org.weft.bench.server;

import java.util.Map;

import org.weft.bench.db.BenchDatabase;
import org.weft.server.WeftServer;
import org.weft.server.config.WeftConfig;

/** Starts Weft inside the bench JVM through its public API, on a free loopback port. */
public final class InProcessServer {
    private InProcessServer() {
    }

    public static WeftServer start(BenchDatabase db, Map<String, String> overrides) {
        return start(db, Ports.free(), overrides);
    }

    public static WeftServer start(BenchDatabase db, int port, Map<String, String> overrides) {
        WeftConfig config = WeftConfig.load(WeftEnv.of(db, port, overrides)).withDatabase(db.settings());
        return WeftServer.start(config);
    }
}
