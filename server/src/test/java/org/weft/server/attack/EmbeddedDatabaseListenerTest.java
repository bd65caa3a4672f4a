package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A server on the embedded H2 database, run as production runs it (its own JVM, {@code Main serve}), listens on
 * nothing but loopback, and the operator's command line, another process, still reaches its database.
 *
 * <p>Issue 9 saw {@code *:36109}: H2's {@code AUTO_SERVER} listener, on every interface of a machine a camp exposes
 * to the internet. The listening sockets are read from {@code /proc}: the process's own socket inodes
 * ({@code /proc/PID/fd}) matched against {@code /proc/PID/net/tcp} and {@code tcp6}. Always H2, also when the suite
 * runs on MariaDB: the listener is the embedded database's.
 */
class EmbeddedDatabaseListenerTest {
    private static final String LISTEN = "0A";
    private static Path dataDir;
    private static int port;
    private static Process server;
    private static Path serverLog;

    @BeforeAll
    static void startServerProcess() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "needs Linux's /proc to list listening sockets");
        dataDir = TestDatabases.tempDir();
        port = TestServers.freePort();
        serverLog = dataDir.resolve("server.log");
        server = weft(List.of("serve")).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        WaitFor.condition("the server process answers /health (log: " + serverLog + ")", Duration.ofSeconds(90), () -> {
            if (!server.isAlive()) {
                throw new AssertionError("the server process ended: " + read(serverLog));
            }
            try {
                return TestHttp.get(base() + "/health", "application/json").statusCode() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopServerProcess() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void theServerProcessListensOnLoopbackOnly() throws IOException {
        Properties lock = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("weft.lock.db"), StandardCharsets.ISO_8859_1)) {
            lock.load(in);
        }
        String h2 = lock.getProperty("server", "");
        // H2 writes 127.0.0.1 as "localhost" (without a bind address: the address of the machine's name).
        assertTrue(h2.startsWith("localhost:"), "the address H2 tells other processes: " + lock);
        int h2Port = Integer.parseInt(h2.substring(h2.indexOf(':') + 1));

        List<Listener> listeners = listeners(server.pid());
        Set<Integer> ports = new HashSet<>();
        listeners.forEach(l -> ports.add(l.port()));
        assertTrue(ports.contains(port) && ports.contains(h2Port),
                "both the web server and H2 are seen listening (the check is not blind): " + listeners);
        for (Listener listener : listeners) {
            assertTrue(listener.address().isLoopbackAddress(), "a listener reachable from the network: " + listener
                    + " (all: " + listeners + ")");
        }
    }

    @Test
    void theCommandLineReachesTheRunningServersDatabase() throws Exception {
        Process cli = weft(List.of("group", "create", "fromcli", "--display-name", "From the CLI"))
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(90, TimeUnit.SECONDS), output);
        assertEquals(0, cli.exitValue(), output);
        assertTrue(output.contains("Created group @fromcli@localhost:" + port), output);
        // The running server serves what the command stored.
        HttpResponse<String> group = TestHttp.get(base() + "/groups/fromcli", "application/activity+json");
        assertEquals(200, group.statusCode(), group.body());
        assertEquals("From the CLI", TestHttp.json(group.body()).path("name").asText(), group.body());
    }

    @Test
    void aJvmToldToBindH2ElsewhereRefusesToOpenTheDatabase() throws Exception {
        ProcessBuilder builder = weft(List.of("queue", "show"));
        builder.command().add(1, "-Dh2.bindAddress=0.0.0.0");
        Process cli = builder.redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(90, TimeUnit.SECONDS), output);
        assertTrue(cli.exitValue() != 0, output);
        assertTrue(output.contains("The embedded H2 database would accept connections on 0.0.0.0"), output);
        assertTrue(!output.contains("deliveries:"), "the command did not run: " + output);
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    /** {@code java -cp <this classpath> org.weft.server.Main ARGS} with the instance's settings and nothing else. */
    private static ProcessBuilder weft(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), "org.weft.server.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("WEFT_"));
        env.putAll(Map.of("WEFT_DATA_DIR", dataDir.toString(), "WEFT_PORT", String.valueOf(port),
                "WEFT_HOST", "127.0.0.1", "WEFT_BASE_URL", base(), "WEFT_FEDERATION_ALLOW_PRIVATE", "true"));
        return builder;
    }

    record Listener(InetAddress address, int port) {
    }

    /** The TCP sockets of a process in the LISTEN state, IPv4 and IPv6. */
    static List<Listener> listeners(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.strip().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }

    /** /proc writes an address as 32-bit words in the machine's (little-endian) order. */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
