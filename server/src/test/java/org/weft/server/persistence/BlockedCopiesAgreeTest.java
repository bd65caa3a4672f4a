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
import org.weft.server.domain.moderation.BlockedCopies;
import org.weft.server.testing.TestDatabases;

/**
 * Which copies a community's block keeps off every board here is written twice: in Java ({@link BlockedCopies}, for a
 * copy's page and an answer to it) and in SQL ({@code ProposalQuery.NOT_BLOCKED_WHERE_HELD}, for the listings that
 * span communities: the API's search, the tag pages). Both must say the same of every copy, or a copy would be listed
 * whose page answers 404, or hidden from the listings while its page shows it. Each case places blocks, then asks both
 * about every copy, and pins what they should say. On H2 and MariaDB.
 */
class BlockedCopiesAgreeTest {
    /** Ours: two communities, linked to {@link #LINKED}; a member here. */
    private static final long BLOCK3 = 1;
    private static final long TOWN = 2;
    private static final long MEMBER = 7;
    /** Another server's communities: one both of ours link to, one neither does. */
    private static final long LINKED = 3;
    private static final long UNLINKED = 4;
    /** Authors on two other servers. */
    private static final long XENA = 5;
    private static final long YUSUF = 6;
    /** Copies: through the link (Xena's, Yusuf's), through no link, posted to block3 itself, under no community. */
    private static final long VIA_LINK = 10;
    private static final long YUSUFS_VIA_LINK = 11;
    private static final long VIA_NO_LINK = 12;
    private static final long TO_BLOCK3 = 13;
    private static final long UNDER_NONE = 14;

    private final Path dir = TestDatabases.tempDir();
    private final DatabaseSettings settings = TestDatabases.fresh(dir);
    private Database db;

    @BeforeEach
    void seed() throws SQLException {
        db = Database.open(settings, dir, true);
        run(actor(BLOCK3, "block3", "GROUP", true, "localhost"), actor(TOWN, "town", "GROUP", true, "localhost"),
                actor(MEMBER, "amina", "PERSON", true, "localhost"), actor(LINKED, "valley", "GROUP", false, "r.example"),
                actor(UNLINKED, "coast", "GROUP", false, "r.example"), actor(XENA, "xena", "PERSON", false, "x.example"),
                actor(YUSUF, "yusuf", "PERSON", false, "y.example"),
                link(BLOCK3, LINKED), link(TOWN, LINKED),
                copy(VIA_LINK, XENA, LINKED), copy(YUSUFS_VIA_LINK, YUSUF, LINKED), copy(VIA_NO_LINK, XENA, UNLINKED),
                copy(TO_BLOCK3, XENA, BLOCK3), copy(UNDER_NONE, XENA, null));
    }

    @AfterEach
    void drop() {
        db.close();
        TestDatabases.drop(settings);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no block", List.of(), List.of()),
                Arguments.of("block3 blocks Xena: town still shows what the link brings",
                        List.of(accountBlock(BLOCK3, XENA)), List.of(TO_BLOCK3)),
                Arguments.of("both block Xena", List.of(accountBlock(BLOCK3, XENA), accountBlock(TOWN, XENA)),
                        List.of(VIA_LINK, TO_BLOCK3)),
                Arguments.of("block3 refuses Xena's server, town blocks her account",
                        List.of(serverBlock(BLOCK3, "x.example"), accountBlock(TOWN, XENA)),
                        List.of(VIA_LINK, TO_BLOCK3)),
                Arguments.of("both refuse Yusuf's server", List.of(serverBlock(BLOCK3, "y.example"),
                        serverBlock(TOWN, "y.example")), List.of(YUSUFS_VIA_LINK)),
                Arguments.of("a member's own block keeps nothing off a board", List.of(accountBlock(MEMBER, XENA)),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaAndSqlSayTheSameOfEveryCopy(String name, List<String> blocks, List<Long> expectedOff) throws SQLException {
        run(blocks.toArray(String[]::new));
        Map<Long, Boolean> java = new TreeMap<>();
        Map<Long, Boolean> sql = new TreeMap<>();
        List<Long> listed = db.inTransaction(s -> s.createNativeQuery("SELECT p.id FROM proposal p WHERE "
                + ProposalQuery.NOT_BLOCKED_WHERE_HELD, Long.class).getResultList());
        for (long copy : List.of(VIA_LINK, YUSUFS_VIA_LINK, VIA_NO_LINK, TO_BLOCK3, UNDER_NONE)) {
            java.put(copy, db.inTransaction(s -> BlockedCopies.blockedWhereHeld(s, s.find(ProposalEntity.class, copy))));
            sql.put(copy, !listed.contains(copy));
        }
        assertEquals(java, sql, name + ": Java's answer, then SQL's (true: kept off every board)");
        assertEquals(expectedOff, java.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList(),
                name);
    }

    private static String actor(long id, String name, String kind, boolean local, String domain) {
        return "INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (" + id + ", 'https://" + domain + "/a/" + name
                + "', '" + kind + "', " + local + ", '" + name + "', '" + domain + "', '" + name + "', 'https://" + domain
                + "/a/" + name + "/inbox', 'k" + id + "', 'pem', FALSE, TRUE, CURRENT_TIMESTAMP)";
    }

    private static String link(long ours, long theirs) {
        return "INSERT INTO follow (follower_id, followee_id, activity_uri, state, created_at, accepted_at) VALUES (" + ours
                + ", " + theirs + ", 'https://localhost/follows/" + ours + "-" + theirs + "', 'ACCEPTED', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)";
    }

    private static String copy(long id, long author, Long group) {
        return "INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, group_id, purpose, kind, status,"
                + " audience, source, moderation, title, description, language, ends_at, published_at) VALUES (" + id
                + ", 'https://remote.example/notes/" + id + "', FALSE, " + author + ", " + author + ", " + group
                + ", 'OFFER', 'GIFT', 'OPEN', 'PUBLIC', 'WEFT', 'VISIBLE', 'Bread', '', 'en',"
                + " TIMESTAMPADD(DAY, 7, CURRENT_TIMESTAMP), CURRENT_TIMESTAMP)";
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
