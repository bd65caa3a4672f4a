package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * The block check asked on every inbound post, follow and response ({@link AccountBlockRepository#anyBlocks}) answers
 * each case right (an account block, a community's refusal of the sender's server, neither, a member's block only for
 * that member, a local account never refused as a server) in one statement: it was two, the account blocks and then
 * the server blocks. Counted by Hibernate's statistics, on H2 and on MariaDB.
 */
class AccountBlocksStatementTest {
    private static final Path DIR = TestDatabases.tempDir();
    /** Communities 1 and 2, member 3 here; remote accounts 10 (rosa) and 11 (a bot) of spam.example, 12 elsewhere. */
    private static final long BLOCK3 = 1;
    private static final long PORT = 2;
    private static final long AMINA = 3;
    private static final long LOCAL_CARLA = 4;
    private static final long ROSA = 10;
    private static final long BOT = 11;
    private static final long SAM = 12;
    private static DatabaseSettings settings;
    private static Database db;

    @BeforeAll
    static void seed() throws SQLException {
        settings = TestDatabases.fresh(DIR);
        db = Database.open(settings, DIR, true);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(),
                settings.passwordOrDefault()); PreparedStatement actor = c.prepareStatement("INSERT INTO actor (id, uri,"
                + " kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem, manually_approves,"
                + " discoverable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pem', false, true, CURRENT_TIMESTAMP)")) {
            actor(actor, BLOCK3, "GROUP", "localhost");
            actor(actor, PORT, "GROUP", "localhost");
            actor(actor, AMINA, "PERSON", "localhost");
            actor(actor, LOCAL_CARLA, "PERSON", "localhost");
            actor(actor, ROSA, "PERSON", "rosa.example");
            actor(actor, BOT, "PERSON", "spam.example");
            actor(actor, SAM, "PERSON", "sam.example:8443");
            actor.executeBatch();
            try (Statement st = c.createStatement()) {
                // block3 blocked rosa; amina blocked sam for herself; block3 refuses spam.example, and (a name that is
                // also this server's) localhost, which never refuses a local member.
                st.execute("INSERT INTO account_block (blocker_id, blocked_id, created_at) VALUES (" + BLOCK3 + ", " + ROSA
                        + ", CURRENT_TIMESTAMP), (" + AMINA + ", " + SAM + ", CURRENT_TIMESTAMP)");
                st.execute("INSERT INTO community_server_block (community_id, domain, created_at) VALUES (" + BLOCK3
                        + ", 'spam.example', CURRENT_TIMESTAMP), (" + BLOCK3 + ", 'localhost', CURRENT_TIMESTAMP)");
            }
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
            TestDatabases.drop(settings);
        }
    }

    @Test
    void eachCaseIsAnsweredRight() {
        assertTrue(blocks(ROSA, BLOCK3), "block3 blocked rosa");
        assertFalse(blocks(ROSA, PORT), "port did not");
        assertTrue(blocks(BOT, BLOCK3), "block3 refuses the bot's server");
        assertTrue(blocks(BOT, PORT, null, BLOCK3), "any of several, nulls left out");
        assertFalse(blocks(BOT, PORT, AMINA), "the server is refused in block3 only");
        assertTrue(blocks(SAM, AMINA), "amina blocked sam");
        assertFalse(blocks(SAM, BLOCK3, LOCAL_CARLA), "for herself only");
        assertFalse(blocks(LOCAL_CARLA, BLOCK3), "a member here is never refused as a server");
        assertFalse(blocks(ROSA), "nobody asked");
        assertFalse(blocks(ROSA, (Long) null));
    }

    @Test
    void eachCheckIsOneStatement() {
        for (long sender : List.of(ROSA, BOT, SAM, LOCAL_CARLA)) {
            long statements = db.inTransaction(s -> {
                Statistics stats = s.getSessionFactory().getStatistics();
                stats.setStatisticsEnabled(true);
                stats.clear();
                AccountBlockRepository.anyBlocks(s, List.of(BLOCK3, AMINA), sender);
                long count = stats.getPrepareStatementCount();
                stats.setStatisticsEnabled(false);
                return count;
            });
            assertEquals(1, statements, "statements to check sender " + sender);
        }
    }

    private static boolean blocks(long sender, Long... blockers) {
        return db.inTransaction(s -> AccountBlockRepository.anyBlocks(s, Arrays.asList(blockers), sender));
    }

    private static void actor(PreparedStatement actor, long id, String kind, String domain) throws SQLException {
        boolean local = "localhost".equals(domain);
        actor.setLong(1, id);
        actor.setString(2, "http://" + domain + "/a/" + id);
        actor.setString(3, kind);
        actor.setBoolean(4, local);
        actor.setString(5, "a" + id);
        actor.setString(6, domain);
        actor.setString(7, "A " + id);
        actor.setString(8, "http://" + domain + "/a/" + id + "/inbox");
        actor.setString(9, "http://" + domain + "/a/" + id + "#key");
        actor.addBatch();
    }
}
