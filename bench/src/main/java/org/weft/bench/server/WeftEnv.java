package org.weft.bench.server;

import java.util.HashMap;
import java.util.Map;

import org.weft.bench.db.BenchDatabase;

/**
 * The WEFT_* settings of a server under test: loopback only, federation allowed to loopback mocks,
 * the given database, everything else at its shipped default unless {@code overrides} says otherwise.
 * {@link #of} also turns the inbox quotas off: the throughput targets send thousands of activities a second
 * from a few actors on one host, which is exactly what the quotas refuse; G12 and the soak ({@link #shipped}) run with
 * them.
 */
public final class WeftEnv {
    /** Inbox quotas and rate off. */
    public static final Map<String, String> NO_INBOX_LIMITS = Map.of(
            "WEFT_INBOX_ACTOR_ACTIVITIES_PER_HOUR", "0", "WEFT_INBOX_ACTOR_BYTES_PER_HOUR", "0",
            "WEFT_INBOX_HOST_ACTIVITIES_PER_HOUR", "0", "WEFT_INBOX_HOST_BYTES_PER_HOUR", "0",
            "WEFT_INBOX_HOST_RATE", "0");

    private WeftEnv() {
    }

    public static Map<String, String> of(BenchDatabase db, int port, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(NO_INBOX_LIMITS);
        env.putAll(overrides);
        return shipped(db, port, env);
    }

    /** As {@link #of}, with the inbox limits as shipped. */
    public static Map<String, String> shipped(BenchDatabase db, int port, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("WEFT_HOST", "127.0.0.1");
        env.put("WEFT_PORT", String.valueOf(port));
        env.put("WEFT_BASE_URL", baseUrl(port));
        env.put("WEFT_FEDERATION_ALLOW_PRIVATE", "true");
        env.putAll(overrides);
        return env;
    }

    public static String baseUrl(int port) {
        return "http://localhost:" + port;
    }

    public static String hostHeader(int port) {
        return "localhost:" + port;
    }
}
