package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DomainBlockRepository;

/**
 * {@code weft domain block|unblock|list|import|export}, run in-process against a database of their own: the 200-domain
 * Mastodon blocklist imports (bad lines named by number, the good ones applied), exports back the same, and a refused
 * input exits with 2 and stores nothing.
 */
class DomainCliTest {
    private static final String ORIGIN = "https://camp.weft.test";
    private static OperatorInstance cli;

    @BeforeAll
    static void createDatabase() {
        cli = OperatorInstance.fresh(ORIGIN);
    }

    @AfterAll
    static void dropDatabase() {
        cli.close();
    }

    @Test
    void importsTheMastodonBlocklistAndExportsItBack() throws IOException {
        Path file = cli.dataDir().resolve("blocklist.csv");
        String csv = resource();
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        OperatorInstance.Run imported = weft("domain", "import", file.toString());
        assertEquals(2, imported.exit(), "some lines were bad: " + imported.err());
        assertEquals("Applied 200 block(s); 4 line(s) refused, 4 skipped", imported.out().strip());
        for (int line : new int[] {65, 96, 127, 179}) {
            assertTrue(imported.err().contains("weft: line " + line + ": "), imported.err());
        }
        assertEquals(200, blocks());

        OperatorInstance.Run listed = weft("domain", "list");
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().startsWith("200 blocked server(s)\n"), listed.out());
        assertTrue(listed.out().contains("harass012.example.net\tsuspend\t\n"), listed.out());
        assertTrue(listed.out().contains("harass021.example.net\tsilence\tSpam, scams and harassment\n"), listed.out());

        OperatorInstance.Run exported = weft("domain", "export");
        assertEquals(0, exported.exit(), exported.err());
        // Importing the export changes nothing and refuses nothing: the same 200 blocks, read back the same.
        Path again = cli.dataDir().resolve("exported.csv");
        Files.writeString(again, exported.out(), StandardCharsets.UTF_8);
        OperatorInstance.Run reimported = weft("domain", "import", again.toString());
        assertEquals(0, reimported.exit(), reimported.err());
        assertEquals("Applied 200 block(s); 0 line(s) refused, 0 skipped", reimported.out().strip());
        assertEquals(200, blocks());
        assertTrue(exported.out().contains("\"Multi-line reason:\nthey asked for money in advance\""), exported.out());

        OperatorInstance.Run unblocked = weft("domain", "unblock", "spam001.example");
        assertEquals(0, unblocked.exit(), unblocked.err());
        assertEquals(199, blocks());
    }

    @Test
    void blockUnblockAndRefusals() {
        OperatorInstance.Run blocked = weft("domain", "block", "Bad.Example", "--severity", "suspend", "--reason", "Scams");
        assertEquals(0, blocked.exit(), blocked.err());
        assertTrue(blocked.out().startsWith("Blocked bad.example suspend\n"), blocked.out());
        long before = blocks();

        assertRefused(weft("domain", "block", "camp.weft.test"), "this server's own name");
        assertRefused(weft("domain", "block", "not a domain"), "is not a server name");
        assertRefused(weft("domain", "block", "ok.example", "--severity", "destroy"), "use silence or suspend");
        assertRefused(weft("domain", "unblock", "never.example"), "never.example is not blocked");
        assertEquals(before, blocks(), "a refusal stores nothing");

        assertEquals(0, weft("domain", "unblock", "bad.example").exit());
        assertEquals(before - 1, blocks());
    }

    private static void assertRefused(OperatorInstance.Run run, String message) {
        assertEquals(OperatorContext.BAD_INPUT, run.exit(), run.out());
        assertTrue(run.err().contains(message), run.err());
    }

    private static long blocks() {
        try (Database db = cli.openDatabase()) {
            return db.inTransaction(s -> DomainBlockRepository.all(s).size());
        }
    }

    private static OperatorInstance.Run weft(String... args) {
        return cli.weft(args);
    }

    private static String resource() throws IOException {
        try (InputStream in = DomainCliTest.class.getResourceAsStream("/moderation/mastodon-blocklist-200.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
