package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./weft launcher's start-up cache over several starts of one build, with a stand-in for the JDK that prints what
 * it was given: the first start writes the cache, a start after one that ran the migrations (the server left the
 * mark it was given) writes it again, and the next one reads it.
 */
class LauncherStartupCacheTest {
    private static final Path LAUNCHER = Path.of("..", "weft").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aCacheWrittenByAStartThatMigratedIsWrittenAgainThenRead() throws Exception {
        Path jvmCache = dir.resolve("data").resolve("jvm-cache");

        Started first = serve();
        Path cache = first.cacheWritten();
        Path mark = first.markGiven();
        assertEquals(jvmCache, cache.getParent());
        assertEquals(jvmCache, mark.getParent());
        assertTrue(first.said().contains("first start with this build"), first.said());

        // The first start migrated a fresh database: the server leaves the mark, the JVM writes the cache as it exits.
        Files.writeString(cache, "an AOT cache with Flyway's classes");
        Files.writeString(mark, "migrated");

        Started second = serve();
        assertEquals(cache, second.cacheWritten(), "written again, under the same name");
        assertEquals(mark, second.markGiven());
        assertFalse(Files.exists(cache), "the old cache is gone before the JVM starts");
        assertFalse(Files.exists(mark), "and so is the mark, which only a start that migrates leaves again");
        assertTrue(second.said().contains("migrated the database"), second.said());

        Files.writeString(cache, "an AOT cache of a start on a current schema");

        Started third = serve();
        assertEquals(List.of("-XX:AOTCache=" + cache), third.cacheOptions());
        assertEquals("", third.mark(), "a start that reads the cache is given no mark");
        assertEquals("", third.said());
        assertTrue(Files.exists(cache));
    }

    @Test
    void aStartThatDidNotMigrateKeepsTheCacheItWrote() throws Exception {
        Started first = serve();
        Files.writeString(first.cacheWritten(), "an AOT cache of a start on a current schema");

        Started second = serve();
        assertEquals(List.of("-XX:AOTCache=" + first.cacheWritten()), second.cacheOptions());
        assertEquals("", second.mark());
    }

    @Test
    void withTheCacheOffNothingIsWrittenOrMarked() throws Exception {
        Started off = serve("WEFT_STARTUP_CACHE", "off");
        assertEquals(List.of(), off.cacheOptions());
        assertEquals("", off.mark());
    }

    /** What the stand-in JVM was given by one {@code ./weft serve}, and what ./weft said on its error stream. */
    private record Started(List<String> args, String mark, String said) {
        List<String> cacheOptions() {
            return args.stream().filter(arg -> arg.startsWith("-XX:AOTCache")).toList();
        }

        Path cacheWritten() {
            List<String> options = cacheOptions();
            assertEquals(1, options.size(), options::toString);
            assertTrue(options.getFirst().startsWith("-XX:AOTCacheOutput="), options::toString);
            return Path.of(options.getFirst().substring("-XX:AOTCacheOutput=".length()));
        }

        Path markGiven() {
            assertFalse(mark.isEmpty(), "a start that writes the cache is given a mark");
            return Path.of(mark);
        }
    }

    private Started serve(String... env) throws IOException, InterruptedException {
        Path jar = dir.resolve("weft-server.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "one build");
        }
        Path java = javaStandIn();
        // Sourced rather than run, so that the build step is skipped and the stand-in JDK is the one used.
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "source \"$1\"; JAR=$2; JAVA_HOME=$3; WEFT_DATA_DIR=$4; run_jar serve", "weft",
                LAUNCHER.toString(), jar.toString(), java.getParent().getParent().toString(),
                dir.resolve("data").toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("WEFT_"));
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        List<String> args = out.lines().filter(line -> line.startsWith("arg=")).map(line -> line.substring(4)).toList();
        String mark = out.lines().filter(line -> line.startsWith("mark=")).map(line -> line.substring(5)).findFirst()
                .orElseThrow(() -> new AssertionError("the stand-in JVM did not run: " + out + err));
        assertTrue(args.contains("-jar") && args.contains(jar.toString()) && args.contains("serve"), args::toString);
        return new Started(args, mark, err);
    }

    /** A bin/java that says it is Java 25 and otherwise prints its arguments and the mark it was given. */
    private Path javaStandIn() throws IOException {
        Path java = dir.resolve("jdk").resolve("bin").resolve("java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, """
                    #!/usr/bin/env bash
                    if [[ "${1:-}" == -version ]]; then echo 'openjdk version "25.0.1" 2025-10-21' >&2; exit 0; fi
                    echo "mark=${WEFT_STARTUP_CACHE_STALE_MARK:-}"
                    printf 'arg=%s\\n' "$@"
                    """);
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return java;
    }
}
