package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the ./weft launcher reads a JDK's major version: from the JDK's release file when it has one (no JVM started,
 * which ./weft serve did twice before every start), else from {@code java -version}.
 */
class LauncherJavaVersionTest {
    private static final Path LAUNCHER = Path.of("..", "weft").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theReleaseFileIsReadWithoutStartingTheJvm() throws Exception {
        Path java = jdk("jdk-21", "exit 1", "JAVA_VERSION=\"21.0.5\"\nIMPLEMENTOR=\"Eclipse Adoptium\"\n");
        assertEquals("21", major(java), "a java that cannot run is never asked");
        assertEquals("8", major(jdk("jdk-8", "exit 1", "JAVA_VERSION=\"1.8.0_402\"\n")));
    }

    @Test
    void withoutAReleaseFileJavaIsAsked() throws Exception {
        Path java = jdk("jdk-25", "echo 'openjdk version \"25.0.1\" 2025-10-21' >&2", null);
        assertEquals("25", major(java));
        assertEquals("", major(jdk("broken", "exit 1", null)), "nothing for a java that does not run");
    }

    @Test
    void theRealJdkRunningTheseTestsIsReadAsItSays() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(String.valueOf(Runtime.version().feature()), major(java));
    }

    private String major(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "source \"$1\"; java_major \"$2\"", "weft",
                LAUNCHER.toString(), java.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        return out;
    }

    /** A JDK folder whose bin/java runs {@code script}, with a release file of {@code release} (none when null). */
    private Path jdk(String name, String script, String release) throws IOException {
        Path home = dir.resolve(name);
        Path java = home.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/usr/bin/env bash\n" + script + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        return java;
    }
}
