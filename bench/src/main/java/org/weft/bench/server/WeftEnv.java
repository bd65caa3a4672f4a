package org.weft.bench.server;

import java.util.HashMap;
import java.util.Map;

import org.weft.bench.db.BenchDatabase;

/**
 * The WEFT_* settings of a server under test: loopback only, federation allowed to loopback mocks,
 * the given database, everything else at its shipped default unless {@code overrides} says otherwise.
 */
public final class WeftEnv {
    private WeftEnv() {
    }

    public static Map<String, String> of(BenchDatabase db, int port, Map<String, String> overrides) {
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
