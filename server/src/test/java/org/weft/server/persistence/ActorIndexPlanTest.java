package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * The questions asked of the actor and follow tables on every proposal the matcher hears of (which communities are held
 * now), on every proposal form (how many members), and by NodeInfo are about this server's own few actors, while the
 * tables are mostly other servers' accounts: the followers of the communities and every author seen. MariaDB's
 * {@code EXPLAIN} of each, on an instance with thousands of remote followers, must read no table whole. MariaDB only,
 * like {@code ProposalIndexPlanTest}; the statements are the SQL of the repository methods named, as Hibernate writes
 * them.
 */
class ActorIndexPlanTest {
    private static final int REMOTE_FOLLOWERS = 5_000;
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
             PreparedStatement follow = c.prepareStatement("INSERT INTO follow (follower_id, followee_id, activity_uri,"
                     + " state, created_at, accepted_at) VALUES (?, ?, ?, 'ACCEPTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            c.setAutoCommit(false);
            // Two communities and 30 members here; one community elsewhere that the first links to; and thousands of
            // accounts elsewhere that follow the first community.
            for (int id = 1; id <= 33 + REMOTE_FOLLOWERS; id++) {
                boolean local = id <= 32;
                String kind = id <= 2 || id == 33 ? "GROUP" : "PERSON";
                String domain = local ? "localhost" : "remote" + id % 97 + ".example";
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
            actor.executeBatch();
            followOf(follow, 1, 33);
            for (int id = 34; id <= 33 + REMOTE_FOLLOWERS; id++) {
                followOf(follow, id, 1);
            }
            follow.executeBatch();
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE actor, follow");
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

    static List<Arguments> statements() {
        return List.of(
                // Which communities' proposals are held now (the matcher, at each proposal it hears of).
                Arguments.of("FollowRepository.followedRemoteActorIds", "SELECT DISTINCT f.followee_id FROM follow f"
                        + " JOIN actor a ON a.id = f.follower_id JOIN actor t ON t.id = f.followee_id"
                        + " WHERE a.is_local = true AND t.is_local = false AND f.state = 'ACCEPTED'"),
                Arguments.of("ActorRepository.localGroups", "SELECT * FROM actor WHERE is_local = true AND kind = 'GROUP'"
                        + " AND deleted_at IS NULL ORDER BY id"),
                // How many members (the proposal form's audience, NodeInfo, the operator's page).
                Arguments.of("ActorRepository.countLocal", "SELECT count(*) FROM actor WHERE is_local = true"
                        + " AND kind = 'PERSON' AND deleted_at IS NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void readsNoTableWhole(String name, String sql) throws SQLException {
        List<Object[]> plan;
        try (Connection c = connect()) {
            plan = Explain.of(c, sql, List.of());
        }
        String shown = plan.stream().map(Arrays::toString).collect(Collectors.joining("\n"));
        for (Object[] row : plan) {
            assertFalse(Explain.readsWhole(row), name + ": a table is read whole\n" + shown);
        }
        assertEquals(Set.of(), plan.stream().filter(row -> Explain.rows(row) > 1_000)
                .map(row -> row[Explain.TABLE] + " " + Explain.rows(row)).collect(Collectors.toSet()), name + ": rows read\n" + shown);
    }

    private static void followOf(PreparedStatement follow, long follower, long followee) throws SQLException {
        follow.setLong(1, follower);
        follow.setLong(2, followee);
        follow.setString(3, "http://x/follows/" + follower + "-" + followee);
        follow.addBatch();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(), settings.passwordOrDefault());
    }
}
