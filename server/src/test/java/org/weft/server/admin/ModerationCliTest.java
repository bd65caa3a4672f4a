package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ModeratorRepository;
import org.weft.server.testing.TestDatabases;

/**
 * The operator's moderation commands ({@code moderator …}, {@code followers …}), run in-process against a database
 * of their own as {@code ./weft} runs them: what they print, what they store, and that a refusal exits with 2, says
 * why and changes nothing.
 */
class ModerationCliTest {
    private static final String ORIGIN = "https://camp.weft.test";
    private static final String PASSWORD = "correct horse battery";
    private static Path dataDir;
    private static DatabaseSettings database;
    private static Map<String, String> env;

    @BeforeAll
    static void createDatabase() {
        dataDir = TestDatabases.tempDir();
        database = TestDatabases.fresh(dataDir);
        env = new HashMap<>(Map.of("WEFT_DATA_DIR", dataDir.toString(), "WEFT_BASE_URL", ORIGIN));
        if (!database.isEmbedded()) {
            env.putAll(Map.of("WEFT_DB_URL", database.url(), "WEFT_DB_USER", database.user(),
                    "WEFT_DB_PASSWORD", database.password()));
        }
        assertEquals(0, weft("group", "create", "block3").exit());
        for (String member : new String[] {"olga", "amina"}) {
            assertEquals(0, CliTest.run(env, PASSWORD, "member", "create", member, "--password-stdin").exit());
        }
        assertEquals(0, weft("member", "admin", "olga").exit());
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabases.drop(database);
    }

    @Test
    void moderatorAddListAndRemove() {
        CliTest.Run added = weft("moderator", "add", "block3", "Amina");
        assertEquals(0, added.exit(), added.err());
        assertEquals("amina now moderates block3", added.out().strip());
        assertEquals(1, moderatorRows());

        CliTest.Run listed = weft("moderator", "list", "block3");
        assertEquals(0, listed.exit(), listed.err());
        String[] lines = listed.out().strip().split("\n");
        assertEquals("2 moderator(s) of block3", lines[0]);
        assertEquals("chosen    amina  (" + ORIGIN + "/users/amina)", lines[1]);
        assertEquals("operator  olga  (" + ORIGIN + "/users/olga)", lines[2]);

        CliTest.Run removed = weft("moderator", "remove", "block3", "amina");
        assertEquals(0, removed.exit(), removed.err());
        assertEquals(0, moderatorRows());
        assertRefused(weft("moderator", "remove", "block3", "amina"), "amina was not chosen to moderate block3");
    }

    @Test
    void moderatorRefusalsChangeNothing() {
        assertRefused(weft("moderator", "add", "block3", "nobody"), "No member nobody");
        assertRefused(weft("moderator", "add", "nowhere", "amina"), "No community nowhere");
        assertRefused(weft("moderator", "list", "nowhere"), "No community nowhere");
        assertEquals(0, moderatorRows());
    }

    static void assertRefused(CliTest.Run run, String why) {
        assertEquals(2, run.exit(), "exit code; out: " + run.out() + " err: " + run.err());
        assertTrue(run.err().startsWith("weft: ") && run.err().contains(why), run.err());
        assertFalse(run.err().contains("Exception"), "a message, not a stack trace: " + run.err());
    }

    private static long moderatorRows() {
        return inDb(s -> (long) ModeratorRepository.ofCommunity(s,
                org.weft.server.persistence.ActorRepository.localByUsername(s, "block3").orElseThrow().getId()).size());
    }

    static CliTest.Run weft(String... args) {
        return CliTest.run(env, "", args);
    }

    private static <T> T inDb(Function<Session, T> query) {
        try (Database db = Database.open(database, dataDir)) {
            return db.inTransaction(query);
        }
    }
}
