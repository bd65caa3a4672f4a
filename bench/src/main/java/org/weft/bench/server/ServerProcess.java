package org.weft.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server in its own JVM, started as {@code ./weft serve} starts it (same heap cap and flags), so its
 * startup time and resident memory are the real ones. Ready means {@code GET /health} answered 200.
 */
public final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private final Process process;
    private final int port;
    private final long readyNanos;

    private ServerProcess(Process process, int port, long readyNanos) {
        this.process = process;
        this.port = port;
        this.readyNanos = readyNanos;
    }

    /**
     * Execs {@code java <javaOpts> <programArgs>} with {@code env} added to this process's environment and
     * waits up to {@code timeout} for {@code /health} on {@code port}.
     */
    public static ServerProcess start(List<String> javaOpts, List<String> programArgs, Map<String, String> env, int port,
                                      Path log, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts);
        command.addAll(programArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return run(builder, port, log, timeout);
    }

    /**
     * {@code ./weft serve} as an operator runs it (the script picks this JDK through JAVA_HOME, adds its own JVM options
     * and start-up cache, then replaces itself with the server's JVM), with {@code env}; waits for {@code /health}.
     */
    public static ServerProcess launcher(Path weftScript, Map<String, String> env, int port, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(weftScript.toString(), "serve");
        builder.environment().keySet().removeIf(name -> name.startsWith("WEFT_"));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return run(builder, port, log, timeout);
    }

    private static ServerProcess run(ProcessBuilder builder, int port, Path log, Duration timeout) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = started + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServerProcess(process, port, System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(5);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server did not become ready within " + timeout + " (exit "
                + (process.isAlive() ? "none" : process.exitValue()) + "); see " + log);
    }

    /** The server jar's {@code serve} command, as ./weft runs it. */
    public static List<String> weftServe(Path serverJar) {
        return List.of("-jar", serverJar.toString(), "serve");
    }

    /** The bench jar's bare Helidon server. */
    public static List<String> bareServer(int port) {
        String classPath = System.getProperty("java.class.path");
        return List.of("-cp", classPath, "org.weft.bench.BenchMain", "bare-server", String.valueOf(port));
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** From exec to the first 200 from /health. */
    public Duration startup() {
        return Duration.ofNanos(readyNanos);
    }

    /** Resident set size from /proc/PID/status, in MB (10^6 bytes; the kernel reports KiB). */
    public double rssMB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e6;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** SIGKILL: no shutdown hook runs, as in a crash or an OOM kill. */
    public void kill9() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    /** SIGTERM, then SIGKILL if the process has not ended within {@code grace}. */
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the shutdown hook closes the server
            try {
                if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        waitFor();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
