package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.domain.response.BlockedResponses;
import org.weft.server.testing.TestDatabases;

/**
 * Which responses a block leaves out of a proposal's lists is written twice: in Java ({@link BlockedResponses}, for the
 * proposal's page and the API's list of its responses) and in SQL ({@code ResponseRepository.SHOWN_DESPITE_BLOCKS},
 * for the counts of responses the API gives the author in the listings of their proposals). Both must say the same of
 * every proposal, or the API would say "3 responses" where the list shows 2. Each case places blocks, then counts both
 * ways, and pins what they should say. On H2 and MariaDB.
 */
class BlockedResponsesAgreeTest {
    /** Ours: a community, Bea (who posts), Zaid (who answers), Mona (another member). */
    private static final long TOWN = 1;
    private static final long BEA = 2;
    private static final long ZAID = 3;
    private static final long MONA = 4;
    /** Responders on two other servers. */
    private static final long ROSA = 5;
    private static final long YUSUF = 6;
    /** Bea's proposals: one posted in town, one under no community. */
    private static final long IN_TOWN = 10;
    private static final long NO_COMMUNITY = 11;

    private final Path dir = TestDatabases.tempDir();
    private final DatabaseSettings settings = TestDatabases.fresh(dir);
    private Database db;

    @BeforeEach
    void seed() throws SQLException {
        db = Database.open(settings, dir, true);
        run(actor(TOWN, "town", "GROUP", true, "localhost"), actor(BEA, "bea", "PERSON", true, "localhost"),
                actor(ZAID, "zaid", "PERSON", true, "localhost"), actor(MONA, "mona", "PERSON", true, "localhost"),
                actor(ROSA, "rosa", "PERSON", false, "x.example"), actor(YUSUF, "yusuf", "PERSON", false, "y.example"),
                proposal(IN_TOWN, TOWN), proposal(NO_COMMUNITY, null),
                // In town: Rosa's and Yusuf's waiting, Zaid's waiting, Rosa's earlier one declined, Yusuf's hidden.
                response(100, IN_TOWN, ROSA, "NEW", false), response(101, IN_TOWN, YUSUF, "NEW", false),
                response(102, IN_TOWN, ZAID, "NEW", false), response(103, IN_TOWN, ROSA, "DECLINED", false),
                response(104, IN_TOWN, YUSUF, "NEW", true),
                // Under no community: Rosa's accepted and waiting, Yusuf's waiting.
                response(110, NO_COMMUNITY, ROSA, "ACCEPTED", false), response(111, NO_COMMUNITY, ROSA, "NEW", false),
                response(112, NO_COMMUNITY, YUSUF, "NEW", false));
    }

    @AfterEach
    void drop() {
        db.close();
        TestDatabases.drop(settings);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no block", List.of(), 4L, 3L),
                Arguments.of("bea blocks rosa: her waiting answers go, what was decided stays",
                        List.of(accountBlock(BEA, ROSA)), 3L, 2L),
                Arguments.of("town blocks rosa: only in town", List.of(accountBlock(TOWN, ROSA)), 3L, 3L),
                Arguments.of("town refuses yusuf's server", List.of(serverBlock(TOWN, "y.example")), 3L, 3L),
                Arguments.of("mona's block is hers, not bea's", List.of(accountBlock(MONA, ROSA)), 4L, 3L),
                Arguments.of("bea blocks rosa, town blocks yusuf",
                        List.of(accountBlock(BEA, ROSA), accountBlock(TOWN, YUSUF)), 2L, 2L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaAndSqlCountTheSame(String name, List<String> blocks, long inTown, long noCommunity) throws SQLException {
        run(blocks.toArray(String[]::new));
        Map<Long, Long> java = new TreeMap<>();
        for (long proposal : List.of(IN_TOWN, NO_COMMUNITY)) {
            java.put(proposal, db.inTransaction(s -> (long) BlockedResponses.shown(s, ResponseRepository.toProposal(s,
                    s.find(ProposalEntity.class, proposal))).size()));
        }
        Map<Long, Long> counted = db.inTransaction(s -> ResponseRepository.countsByProposal(s,
                List.of(IN_TOWN, NO_COMMUNITY)));
        Map<Long, Long> sql = new TreeMap<>(counted);
        assertEquals(java, sql, name + ": the lists' count (Java), then the API's (SQL)");
        assertEquals(Map.of(IN_TOWN, inTown, NO_COMMUNITY, noCommunity), java, name);
    }

    private static String actor(long id, String name, String kind, boolean local, String domain) {
        return "INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (" + id + ", 'https://" + domain + "/a/" + name
                + "', '" + kind + "', " + local + ", '" + name + "', '" + domain + "', '" + name + "', 'https://" + domain
                + "/a/" + name + "/inbox', 'k" + id + "', 'pem', FALSE, TRUE, CURRENT_TIMESTAMP)";
    }

    private static String proposal(long id, Long group) {
        return "INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, group_id, purpose, kind, status,"
                + " audience, source, moderation, title, description, language, ends_at, published_at) VALUES (" + id
                + ", 'https://localhost/proposals/" + id + "', TRUE, " + BEA + ", " + BEA + ", " + group
                + ", 'OFFER', 'GIFT', 'OPEN', 'PUBLIC', 'WEFT', 'VISIBLE', 'Bread', '', 'en',"
                + " TIMESTAMPADD(DAY, 7, CURRENT_TIMESTAMP), CURRENT_TIMESTAMP)";
    }

    private static String response(long id, long proposal, long responder, String state, boolean hidden) {
        return "INSERT INTO response (id, uri, proposal_id, responder_id, kind, state, is_public, content, created_at,"
                + " hidden_at) VALUES (" + id + ", 'https://elsewhere.example/r/" + id + "', " + proposal + ", "
                + responder + ", 'DIRECT', '" + state + "', FALSE, 'Yes', TIMESTAMPADD(MINUTE, " + id
                + ", CURRENT_TIMESTAMP), " + (hidden ? "CURRENT_TIMESTAMP" : "NULL") + ")";
    }

    private static String accountBlock(long blocker, long blocked) {
        return "INSERT INTO account_block (blocker_id, blocked_id, created_at) VALUES (" + blocker + ", " + blocked
                + ", CURRENT_TIMESTAMP)";
    }

    private static String serverBlock(long community, String domain) {
        return "INSERT INTO community_server_block (community_id, domain, created_at) VALUES (" + community + ", '"
                + domain + "', CURRENT_TIMESTAMP)";
    }

    private void run(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(dir), settings.userOrDefault(),
                settings.passwordOrDefault()); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.executeUpdate(statement);
            }
        }
    }
}
