package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * {@code weft serve} starts the server without loading picocli (the one part of a start the JVM's AOT cache cannot
 * hold: Java 5 class files), in a process of its own whose class loading the JVM logs; a start that fails on a bad
 * setting ends as it did when picocli ran it; every other command, and serve's help, still come from the parser.
 */
class ServeWithoutCommandLineTest {
    @Test
    void serveReachesReadyWithoutLoadingPicocli() throws Exception {
        Path dir = TestDatabases.tempDir();
        DatabaseSettings database = TestDatabases.fresh(dir);
        int port = TestServers.freePort();
        Path classes = dir.resolve("classes.log");
        Map<String, String> env = new HashMap<>(Map.of("WEFT_PORT", "" + port, "WEFT_HOST", "127.0.0.1",
                "WEFT_BASE_URL", "http://localhost:" + port, "WEFT_DATA_DIR", dir.toString()));
        if (!database.isEmbedded()) {
            env.putAll(Map.of("WEFT_DB_URL", database.url(), "WEFT_DB_USER", database.user(),
                    "WEFT_DB_PASSWORD", database.password()));
        }
        Process server = main(env, List.of("-Xlog:class+load:file=" + classes), List.of("serve"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            WaitFor.condition(() -> "/health answers (log: " + dir.resolve("server.log") + ")", Duration.ofSeconds(90),
                    Duration.ofMillis(100), () -> {
                        assertTrue(server.isAlive(), "the server ended by itself");
                        try {
                            return TestHttp.get("http://127.0.0.1:" + port + "/health", "application/json")
                                    .statusCode() == 200;
                        } catch (IllegalStateException notYet) {
                            return false;
                        }
                    });
            HttpResponse<String> actor = TestHttp.get("http://127.0.0.1:" + port + "/actor", "application/activity+json");
            assertEquals(200, actor.statusCode(), "the server serves, not only its health:\n" + actor.body());
            String loaded = Files.readString(classes, StandardCharsets.UTF_8);
            assertTrue(loaded.contains("org.weft.server.WeftServer "),
                    "the log names the classes loaded (the check is not blind)");
            assertFalse(loaded.contains(" picocli."), "picocli's classes were loaded by serve");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
            TestDatabases.drop(database);
        }
    }

    @Test
    void aBadSettingEndsTheStartWithItsMessageAndExitCode2AsBefore() throws Exception {
        Path dir = TestDatabases.tempDir();
        for (List<String> args : List.of(List.of("serve"), List.<String>of())) {
            Path classes = dir.resolve("classes-" + args.size() + ".log");
            Finished run = run(main(Map.of("WEFT_PORT", "70000", "WEFT_DATA_DIR", dir.toString()),
                    List.of("-Xlog:class+load:file=" + classes), args));
            assertEquals(2, run.exitCode(), args + ": " + run.output());
            assertEquals("weft: weft.port must be 0-65535, got 70000", run.output().strip(), args + " says why, and only that");
            assertFalse(Files.readString(classes, StandardCharsets.UTF_8).contains(" picocli."), args + " loaded picocli");
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> !f.getFileName().toString().startsWith("classes-")).toList(),
                        "nothing was created: no database");
            }
        }
    }

    @Test
    void serveHelpAndTheOtherCommandsStillComeFromTheCommandLine() throws Exception {
        Path dir = TestDatabases.tempDir();
        Finished help = run(main(Map.of("WEFT_DATA_DIR", dir.toString()), List.of(), List.of("--help")));
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("Usage: weft") && help.output().contains("serve")
                && help.output().contains("Run the server (the default command)."), help.output());

        // Every command takes --help, serve and a nested one too; anything else after serve is the parser's usage error.
        for (List<String> asked : List.of(List.of("serve", "--help"), List.of("member", "create", "--help"))) {
            Finished usage = run(main(Map.of("WEFT_DATA_DIR", dir.toString()), List.of(), asked));
            assertEquals(0, usage.exitCode(), usage.output());
            assertTrue(usage.output().contains("Usage: weft " + String.join(" ", asked.subList(0, asked.size() - 1))),
                    usage.output());
        }
        Finished refused = run(main(Map.of("WEFT_DATA_DIR", dir.toString()), List.of(), List.of("serve", "now")));
        assertEquals(2, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("Usage: weft serve") && refused.output().contains("Run the server"),
                refused.output());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no server started, no database made");
        }
    }

    private record Finished(int exitCode, String output) {
    }

    private static Finished run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return new Finished(process.exitValue(), output);
    }

    /** {@code java JVM_OPTIONS -cp <this classpath> org.weft.server.Main ARGS}, with only the given WEFT_ settings. */
    private static ProcessBuilder main(Map<String, String> env, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("WEFT_"));
        builder.environment().putAll(env);
        return builder;
    }
}
