package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * What a restart on a current schema leaves unloaded, seen from a JVM of its own (this one has loaded everything):
 * opening the database and running a query loads none of Flyway's classes and none of ByteBuddy's, whose metadata
 * would stay for the life of the process. Runs on H2 by default and on MariaDB when WEFT_TEST_DB_URL is set.
 */
class LeanStartTest {
    private final Path dir = TestDatabases.tempDir();
    private final DatabaseSettings settings = TestDatabases.fresh(dir);

    @AfterEach
    void drop() {
        TestDatabases.drop(settings);
    }

    @Test
    void aRestartOnACurrentSchemaLoadsNeitherFlywayNorByteBuddy() throws IOException, InterruptedException {
        EmbeddedServerAddress.ensureLoopback();
        Database.open(settings, dir).close(); // the first start migrates
        assertTrue(Database.flywayLoaded(), "a start that migrated says it loaded Flyway");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process restart = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                Restart.class.getName(), dir.toString(), settings.url(), settings.userOrDefault(),
                settings.passwordOrDefault())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(restart.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, restart.exitValue(), () -> out.lines().skip(Math.max(0, out.lines().count() - 20)).toList()
                .toString());
        List<String> loaded = out.lines().filter(line -> line.contains("[class,load]")).toList();
        assertTrue(out.contains("restarted: 0 proposals"), "the restart opened the database and queried it");
        assertTrue(out.contains("flyway loaded: false"), "the restart says it did not load Flyway (./weft's cache mark)");
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" org.hibernate.SessionFactory ")),
                "the log lists what was loaded");
        assertFalse(loaded.stream().anyMatch(line -> line.contains(" org.flywaydb.")),
                () -> "Flyway loaded: " + loaded.stream().filter(line -> line.contains(" org.flywaydb.")).findFirst());
        assertFalse(loaded.stream().anyMatch(line -> line.contains(" net.bytebuddy.")),
                () -> "ByteBuddy loaded: " + loaded.stream().filter(line -> line.contains(" net.bytebuddy.")).findFirst());
    }

    /** A server's restart, as far as the database: open it, ask it something, close it. */
    public static final class Restart {
        public static void main(String[] args) {
            DatabaseSettings settings = new DatabaseSettings(args[1], args[2], args[3], 4);
            try (Database db = Database.open(settings, Path.of(args[0]))) {
                System.out.println("restarted: " + db.inTransaction(ProposalRepository::countAll) + " proposals");
                System.out.println("flyway loaded: " + Database.flywayLoaded());
            }
        }
    }
}
