package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The server as an operator runs it, in a process of its own, stopped the way a service manager stops it (SIGTERM):
 * once while it is still starting (its database open, the rest of the start under way) and once when it is running.
 * Either way it stops in order and what it printed says nothing of a closed database: before, the embedded database's
 * own exit hook closed it at the same time as the server's, under tasks still running ("Database is already closed"),
 * and a stop during the start had no hook of the server's at all.
 */
class StopSignalTest {
    private static final Pattern CLOSED = Pattern.compile(
            "already closed|has been closed|ClosedByInterrupt|closed by interrupt", Pattern.CASE_INSENSITIVE);

    @Test
    void stoppedWhileStartingItFinishesTheStartThenStopsQuietly() throws Exception {
        try (ServerProcess weft = ServerProcess.start()) {
            weft.waitForLine("Database open");
            weft.stop();
            assertEquals(List.of(), weft.lines(CLOSED), weft.output());
            assertTrue(weft.output().contains(" ready at "), "the start ran to its end first:\n" + weft.output());
        }
    }

    @Test
    void stoppedWhileRunningItStopsQuietly() throws Exception {
        try (ServerProcess weft = ServerProcess.start()) {
            weft.waitForLine(" ready at ");
            weft.stop();
            assertEquals(List.of(), weft.lines(CLOSED), weft.output());
        }
    }

    /** {@code java org.weft.server.Main} on a database of its own, its output (the log) collected line by line. */
    private record ServerProcess(Process process, Thread reader, List<String> lines, DatabaseSettings database)
            implements AutoCloseable {
        static ServerProcess start() throws IOException {
            Path dir = TestDatabases.tempDir();
            DatabaseSettings database = TestDatabases.fresh(dir);
            int port = TestServers.freePort();
            Map<String, String> env = new HashMap<>(Map.of("WEFT_PORT", "" + port, "WEFT_HOST", "127.0.0.1",
                    "WEFT_BASE_URL", "http://localhost:" + port, "WEFT_DATA_DIR", dir.toString()));
            if (!database.isEmbedded()) {
                env.putAll(Map.of("WEFT_DB_URL", database.url(), "WEFT_DB_USER", database.user(),
                        "WEFT_DB_PASSWORD", database.password()));
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (IOException e) {
                    output.add("(reading the output failed: " + e + ")");
                }
            });
            return new ServerProcess(process, reader, output, database);
        }

        void waitForLine(String part) {
            WaitFor.condition(() -> "a line with «" + part + "» in:\n" + output(), java.time.Duration.ofSeconds(60),
                    () -> lines.stream().anyMatch(l -> l.contains(part)) || !process.isAlive());
            assertTrue(process.isAlive(), "the server ended by itself:\n" + output());
        }

        /** SIGTERM, as systemd and docker stop it; waits for the process to end and its output to be read. */
        void stop() throws InterruptedException {
            // Through the handle: Process.destroy() would also close our end of its output, and lose what it says next.
            assertTrue(process.toHandle().destroy(), "SIGTERM sent");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server stops within a minute:\n" + output());
            reader.join(10_000); // it has read the last lines
            lines.add("(exit code " + process.exitValue() + ")");
        }

        List<String> lines(Pattern pattern) {
            return lines.stream().filter(l -> pattern.matcher(l).find()).toList();
        }

        String output() {
            return String.join("\n", lines);
        }

        @Override
        public void close() {
            process.destroyForcibly();
            TestDatabases.drop(database);
        }
    }
}
