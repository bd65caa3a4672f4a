package org.weft.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.weft.server.WeftServer;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.WeftConfig;

/**
 * Starts real Weft instances on loopback ports for tests, each with its own database (H2, or a fresh
 * MariaDB database in CI) and federation allowed to loopback addresses.
 */
public final class TestServers {
    private TestServers() {
    }

    /** A running test instance and what is needed to restart it on the same data. */
    public record Instance(WeftServer server, WeftConfig config, Clock clock) implements AutoCloseable {
        public String base() {
            return config.baseUrl().toString();
        }

        public String domain() {
            return server.urls().domain();
        }

        /** Stops the server and starts a new one on the same port and database. */
        public Instance restart() {
            stop(server);
            return new Instance(WeftServer.start(config, clock), config, clock);
        }

        @Override
        public void close() {
            try {
                stop(server);
            } finally {
                TestDatabases.drop(config.database());
            }
        }

        /**
         * Stops the server, and fails the test if it ever made an HTTP request inside a database transaction, or opened
         * a transaction inside another (it logged either, with where it came from): such a request may also have failed
         * at once, somewhere a test cannot see; such a transaction waits for a second connection while holding one.
         */
        private static void stop(WeftServer server) {
            server.close();
            long inside = server.requestsInsideTransactions();
            if (inside > 0) {
                throw new AssertionError(inside + " HTTP request(s) made inside a database transaction; the log"
                        + " (OutsideTransactions, SEVERE) says where");
            }
            long nested = server.transactionsInsideTransactions();
            if (nested > 0) {
                throw new AssertionError(nested + " database transaction(s) opened inside another; the log (Database,"
                        + " WARNING) says where");
            }
        }
    }

    public static Instance start() {
        return start(Map.of());
    }

    /** Starts an instance; {@code env} overrides settings the way WEFT_* variables do. */
    public static Instance start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    /** As {@link #start(Map)}, with a clock the test controls (see {@link TestClock}). */
    public static Instance start(Map<String, String> env, Clock clock) {
        Path dir = TestDatabases.tempDir();
        DatabaseSettings database = TestDatabases.migrated(dir);
        int port = freePort();
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "WEFT_PORT", String.valueOf(port),
                "WEFT_HOST", "127.0.0.1",
                "WEFT_BASE_URL", "http://localhost:" + port,
                "WEFT_DATA_DIR", dir.toString(),
                "WEFT_FEDERATION_ALLOW_PRIVATE", "true"));
        settings.putAll(env);
        WeftConfig loaded = WeftConfig.load(settings);
        if (env.containsKey("WEFT_DB_POOL_SIZE")) {
            // The test's own database, with the pool it asked for.
            database = new DatabaseSettings(database.url(), database.user(), database.password(),
                    loaded.database().poolSize());
        }
        WeftConfig config = loaded.withDatabase(database);
        return new Instance(WeftServer.start(config, clock), config, clock);
    }

    /**
     * A port that is free now, for a server started a moment later (its base URL must name the port before it
     * starts). Taken below Linux's ephemeral range (32768 and up): a port from that range can be handed, in the
     * gap, to whatever binds port 0 next, such as the embedded H2's AUTO_SERVER listener of the server being
     * started, and the test's requests then reach H2 instead of Weft (CI saw exactly that).
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false); // a port still in TIME_WAIT counts as taken
                socket.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }

    public static URI uri(Instance instance, String path) {
        return URI.create(instance.base() + path);
    }
}
