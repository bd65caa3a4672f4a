package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * The block check made for every inbound post, follow and response ({@link AccountBlockRepository#ANY_BLOCKS_SQL}, the
 * very statement the repository runs) reads one actor by its key and the blocks through their unique keys, never a
 * table whole, on an instance whose communities have blocked thousands of accounts and refused hundreds of servers.
 * MariaDB only, like {@code ActorIndexPlanTest}.
 */
class AccountBlockPlanTest {
    private static final int REMOTE = 5_000;
    private static final int DOMAINS = 400;
    private static final Path DIR = TestDatabases.tempDir();
    private static DatabaseSettings settings;
    private static Database db;

    @BeforeAll
    static void seed() throws SQLException {
        assumeTrue(TestDatabases.usingMariaDb(), "reads MariaDB's EXPLAIN: runs in the MariaDB pass (WEFT_TEST_DB_URL)");
        settings = TestDatabases.fresh(DIR);
        db = Database.open(settings, DIR, true);
        try (Connection c = connect(); PreparedStatement actor = c.prepareStatement("INSERT INTO actor (id, uri, kind,"
                + " is_local, username, domain, display_name, inbox, key_id, public_key_pem, manually_approves, discoverable,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pem', false, true, CURRENT_TIMESTAMP)");
             PreparedStatement block = c.prepareStatement("INSERT INTO account_block (blocker_id, blocked_id, created_at)"
                     + " VALUES (?, ?, CURRENT_TIMESTAMP)");
             PreparedStatement refuse = c.prepareStatement("INSERT INTO community_server_block (community_id, domain,"
                     + " created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            c.setAutoCommit(false);
            // Ten communities and twenty members here; thousands of accounts on 400 servers elsewhere.
            for (int id = 1; id <= 30 + REMOTE; id++) {
                boolean local = id <= 30;
                String domain = local ? "localhost" : "remote" + id % DOMAINS + ".example";
                actor.setLong(1, id);
                actor.setString(2, "http://" + domain + "/a/" + id);
                actor.setString(3, id <= 10 ? "GROUP" : "PERSON");
                actor.setBoolean(4, local);
                actor.setString(5, "a" + id);
                actor.setString(6, domain);
                actor.setString(7, "A " + id);
                actor.setString(8, "http://" + domain + "/a/" + id + "/inbox");
                actor.setString(9, "http://" + domain + "/a/" + id + "#key");
                actor.addBatch();
            }
            actor.executeBatch();
            // Every community and member blocked a share of the accounts, and each community refuses 200 servers.
            for (int blocker = 1; blocker <= 30; blocker++) {
                for (int blocked = 31 + blocker; blocked <= 30 + REMOTE; blocked += 7) {
                    block.setLong(1, blocker);
                    block.setLong(2, blocked);
                    block.addBatch();
                }
                if (blocker <= 10) {
                    for (int d = blocker; d < DOMAINS; d += 2) {
                        refuse.setLong(1, blocker);
                        refuse.setString(2, "remote" + d + ".example");
                        refuse.addBatch();
                    }
                }
            }
            block.executeBatch();
            refuse.executeBatch();
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE actor, account_block, community_server_block");
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
    void readsTheBlocksByTheirKeys() throws SQLException {
        // A post for community 3 and its member 17, from account 4,321, whose server community 3 refuses.
        String sql = AccountBlockRepository.ANY_BLOCKS_SQL.replace(":sender", "?").replace("(:blockers)", "(?, ?)");
        List<Object[]> plan;
        try (Connection c = connect()) {
            plan = Explain.of(c, sql, List.of(3L, 17L, 4_321L, 3L, 17L, 4_321L));
        }
        String shown = plan.stream().map(Arrays::toString).collect(Collectors.joining("\n"));
        for (Object[] row : plan) {
            assertFalse(Explain.readsWhole(row), "a table is read whole\n" + shown);
        }
        assertEquals(Set.of(), plan.stream().filter(row -> Explain.rows(row) > 10)
                .map(row -> row[Explain.TABLE] + " " + Explain.rows(row)).collect(Collectors.toSet()), "rows read\n" + shown);
        Set<Object> keys = plan.stream().map(row -> row[Explain.KEY]).collect(Collectors.toSet());
        assertTrue(keys.containsAll(Set.of("PRIMARY", "uq_community_server_block")), "the sender by its key, the"
                + " refused servers by (community, domain)\n" + shown);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(), settings.passwordOrDefault());
    }
}
