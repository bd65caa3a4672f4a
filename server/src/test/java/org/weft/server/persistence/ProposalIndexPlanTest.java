package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.testing.TestDatabases;

/**
 * Every secondary index of the proposal and match tables is there for a query whose plan reads it: MariaDB's
 * {@code EXPLAIN} of that query, on a seeded board, must name the index (and read no table whole). The board's and
 * the needs overview's indexes are guarded by {@code BoardPlanTest} and {@code OverviewPlanTest}; this test guards
 * the others, so that dropping one of them, or changing its query so that it no longer uses it, fails here. An index
 * no plan used was dropped by V88 (BENCHMARKS.md, "G15: what the proposal's indexes and the match rows cost");
 * {@link #theIndexesAreThese} lists what is left, so that a new index comes with a query that needs it.
 *
 * <p>The statements are the SQL of the repository methods named, as Hibernate writes them (columns for fields); a
 * change of one of those queries wants the same change here. MariaDB only, like {@code BoardPlanTest}.
 */
class ProposalIndexPlanTest {
    private static final int PROPOSALS = 6_000;
    private static final Path DIR = TestDatabases.tempDir();
    private static final Instant NOW = Instant.now();
    /** The member with a handful of proposals, whose matches {@link #aMembersMatchesReadNoTableWhole} reads. */
    private static final int FEW = 13;
    /** The first of the other servers' accounts the seed adds; the first {@link #SPAM_ACCOUNTS} are a spam server's. */
    private static final int SPAM_FIRST = 5_000;
    private static final int SPAM_ACCOUNTS = 50;
    private static final String SPAM_SERVER = "spam.example";
    private static DatabaseSettings settings;
    private static Database db;

    /** A statement, its parameters in order, and the index its plan must read the named table through. */
    private record Expected(String sql, List<Object> params, String table, String index) {
    }

    @BeforeAll
    static void seed() throws SQLException {
        assumeTrue(TestDatabases.usingMariaDb(), "reads MariaDB's EXPLAIN: runs in the MariaDB pass (WEFT_TEST_DB_URL)");
        settings = TestDatabases.fresh(DIR);
        db = Database.open(settings, DIR, true);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            BoardSeed.seed(c, PROPOSALS);
            // As on a living instance: remote posts carry the time they came, a few were moderated or deleted, a third
            // ended (most of those closed), and matches were found and some withdrawn.
            st.executeUpdate("UPDATE proposal SET received_at = published_at WHERE is_local = false");
            st.executeUpdate("UPDATE proposal SET moderated_at = published_at WHERE id % 50 = 1");
            st.executeUpdate("UPDATE proposal SET deleted_at = published_at WHERE id % 40 = 3");
            st.executeUpdate("UPDATE proposal SET ends_at = published_at WHERE id % 3 = 0");
            // A flood: 400 posts of one remote account wait in camp (and, as always, a few of other people's), beside
            // a board of thousands that do not wait.
            st.executeUpdate("UPDATE proposal SET moderation = 'PENDING', group_id = 1, author_id = 11"
                    + " WHERE is_local = false AND id % 30 = 10 AND id <= 4000");
            st.executeUpdate("UPDATE proposal SET moderation = 'PENDING' WHERE id % 97 = 5");
            // And a spam server's flood spread over 50 of its accounts, among 3,000 other servers' accounts (the
            // actor table of a living instance is mostly other servers'): read by the server's entry in the queue.
            for (int i = 0; i < 3_000; i++) {
                String domain = i < SPAM_ACCOUNTS ? SPAM_SERVER : "r" + i % 300 + ".example";
                st.executeUpdate("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox,"
                        + " key_id, public_key_pem, manually_approves, discoverable, created_at) VALUES (" + (SPAM_FIRST + i)
                        + ", 'https://" + domain + "/u/" + i + "', 'PERSON', false, 'u" + i + "', '" + domain + "', 'u"
                        + i + "', 'https://" + domain + "/u/" + i + "/inbox', 'https://" + domain + "/u/" + i
                        + "#key', 'pem', false, true, CURRENT_TIMESTAMP)");
            }
            st.executeUpdate("UPDATE proposal SET moderation = 'PENDING', group_id = 1, author_id = " + SPAM_FIRST
                    + " + (id DIV 30) % " + SPAM_ACCOUNTS + " WHERE is_local = false AND id % 30 = 20 AND id <= 4000");
            st.executeUpdate("INSERT INTO proposal_match (request_id, offer_id, score, reasons, state, created_at, updated_at)"
                    + " SELECT r.id, r.id + 1, 50, 'SAME_KIND:gift', CASE WHEN r.id % 9 = 1 THEN 'WITHDRAWN' ELSE 'NEW' END,"
                    + " r.published_at, r.published_at FROM proposal r WHERE r.purpose = 'REQUEST' AND r.id < " + PROPOSALS);
            // A member as most are: a handful of proposals (the seed's own members each wrote an eighth of the board).
            st.executeUpdate("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id,"
                    + " public_key_pem, manually_approves, discoverable, created_at) VALUES (" + FEW + ", 'http://localhost/a/few',"
                    + " 'PERSON', true, 'few', 'localhost', 'few', 'http://localhost/a/few/inbox', 'http://localhost/a/few#key',"
                    + " 'pem', false, true, CURRENT_TIMESTAMP)");
            st.executeUpdate("UPDATE proposal SET author_id = " + FEW + ", attributed_to_id = " + FEW
                    + " WHERE id IN (101, 102, 203, 1004, 2005)");
            st.execute("ANALYZE TABLE actor, proposal, proposal_match, proposal_category");
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
            TestDatabases.drop(settings);
        }
    }

    static Map<String, Expected> statements() {
        Timestamp now = Timestamp.from(NOW);
        Timestamp hourAgo = Timestamp.from(NOW.minus(Duration.ofHours(1)));
        Timestamp monthAgo = Timestamp.from(NOW.minus(Duration.ofDays(30)));
        Map<String, Expected> all = new LinkedHashMap<>();
        // The address is the proposal's ActivityPub id: the unique key keeps one row per id (a Create received twice
        // cannot make two), and finds a proposal by id and by reference (a range of the key).
        all.put("ProposalRepository.byUri", new Expected("SELECT * FROM proposal WHERE uri = ?",
                List.of("http://localhost/p/77"), "proposal", "uq_proposal_uri"));
        all.put("ProposalRepository.byReference", new Expected("SELECT p.uri FROM proposal p WHERE p.uri LIKE ? ESCAPE '!'"
                + " AND p.is_local = true AND p.group_id = ? AND p.deleted_at IS NULL AND p.status <> 'WITHDRAWN'"
                + " AND p.moderation = 'VISIBLE' LIMIT 2", List.of("http://localhost/p/77%", 1), "proposal",
                "uq_proposal_uri"));
        // A member's own, newest first (their page, the reminder of their newest open one).
        all.put("ProposalRepository.newestOf", new Expected("SELECT * FROM proposal p WHERE p.author_id = ?"
                + " AND p.is_local = true AND p.deleted_at IS NULL ORDER BY p.published_at DESC, p.id DESC LIMIT 20",
                List.of(5), "proposal", "ix_proposal_author"));
        // One remote account's posts on a board in the last hour (BoardLimit, for each post received).
        all.put("ProposalRepository.receivedOnBoardSince", new Expected("SELECT count(*) FROM proposal p"
                + " WHERE p.author_id = ? AND p.group_id = ? AND p.is_local = false AND p.received_at > ?",
                List.of(11, 1, hourAgo), "proposal", "ix_proposal_received"));
        // Local proposals whose end has come (every minute); copies of other servers' that ended (the pruner).
        all.put("ProposalRepository.dueToExpire", new Expected("SELECT id FROM proposal WHERE is_local = true"
                + " AND deleted_at IS NULL AND ends_at <= ? AND status IN ('OPEN', 'PROMISED') LIMIT 500",
                List.of(now), "proposal", "ix_proposal_copy_ends"));
        all.put("ProposalRepository.remoteEndedBefore", new Expected("SELECT id FROM proposal WHERE is_local = false"
                + " AND deleted_at IS NULL AND ends_at <= ? AND status IN ('OPEN', 'PROMISED') AND id > ? ORDER BY id"
                + " LIMIT 500", List.of(monthAgo, 0), "proposal", "ix_proposal_copy_ends"));
        all.put("ClosedCopies", new Expected("SELECT p.id FROM proposal p WHERE p.is_local = FALSE AND p.deleted_at IS NULL"
                + " AND (p.ends_at < ? OR (p.status IN ('WITHDRAWN', 'FULFILLED')"
                + " AND COALESCE(p.updated_at, p.published_at) < ?)) ORDER BY p.is_local, p.ends_at LIMIT 500",
                List.of(monthAgo, monthAgo), "proposal", "ix_proposal_copy_ends"));
        all.put("DeletedProposals", new Expected("SELECT id FROM proposal WHERE deleted_at < ? LIMIT 500",
                List.of(monthAgo), "proposal", "ix_proposal_deleted"));
        // The moderators' decisions the matcher has not heard of (polled every few seconds; the latest, at start).
        all.put("ProposalRepository.moderatedAfter", new Expected("SELECT * FROM proposal p WHERE p.moderated_at > ?"
                + " ORDER BY p.moderated_at, p.id LIMIT 1000", List.of(hourAgo), "proposal", "ix_proposal_moderated"));
        all.put("ProposalRepository.idsModeratedAt", new Expected("SELECT p.id FROM proposal p WHERE p.moderated_at = ?",
                List.of(hourAgo), "proposal", "ix_proposal_moderated"));
        // The moderators' page of waiting posts (V89): one page past a cursor, the others' posts with the flooding
        // account left out; the total; the accounts with several; the first batch of one account's to turn down.
        all.put("ProposalRepository.waitingPage", new Expected("SELECT * FROM proposal p JOIN actor a ON a.id = p.author_id"
                + " WHERE p.group_id = ? AND p.moderation = 'PENDING' AND p.deleted_at IS NULL"
                + " AND (p.published_at > ? OR (p.published_at = ? AND p.id > ?)) AND p.author_id NOT IN (?)"
                + " ORDER BY p.published_at, p.id LIMIT 51", List.of(1, monthAgo, monthAgo, 1, 11), "p",
                "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingPage, one account", new Expected("SELECT * FROM proposal p"
                + " JOIN actor a ON a.id = p.author_id WHERE p.group_id = ? AND p.moderation = 'PENDING'"
                + " AND p.deleted_at IS NULL AND p.author_id = ? ORDER BY p.published_at, p.id LIMIT 51",
                List.of(1, 11), "p", "ix_proposal_waiting"));
        all.put("ProposalRepository.countWaiting", new Expected("SELECT count(*) FROM proposal p WHERE p.group_id = ?"
                + " AND p.moderation = 'PENDING' AND p.deleted_at IS NULL", List.of(1), "proposal", "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingAccounts", new Expected("SELECT p.author_id, count(*), max(p.id) FROM proposal p"
                + " WHERE p.group_id = ? AND p.moderation = 'PENDING' AND p.deleted_at IS NULL GROUP BY p.author_id"
                + " HAVING count(*) >= 3 ORDER BY count(*) DESC, max(p.id) DESC LIMIT 20", List.of(1), "proposal",
                "ix_proposal_waiting"));
        // The servers whose many accounts flood (V89's index, each author's row by its key), the page without the
        // grouped servers' posts and accounts, one server's posts one by one, and a batch of them to turn down.
        all.put("ProposalRepository.waitingServers", new Expected("SELECT a.domain FROM proposal p"
                + " JOIN actor a ON a.id = p.author_id WHERE p.group_id = ? AND p.moderation = 'PENDING'"
                + " AND p.deleted_at IS NULL AND a.is_local = false AND p.author_id NOT IN (SELECT q.author_id"
                + " FROM proposal q WHERE q.group_id = ? AND q.moderation = 'PENDING' AND q.deleted_at IS NULL"
                + " GROUP BY q.author_id HAVING count(*) >= 3) GROUP BY a.domain HAVING count(*) >= 10"
                + " ORDER BY count(*) DESC, max(p.id) DESC LIMIT 20", List.of(1, 1), "p", "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingServers, their counts", new Expected("SELECT a.domain, count(*),"
                + " count(DISTINCT a.id), max(p.id) FROM proposal p JOIN actor a ON a.id = p.author_id"
                + " WHERE p.group_id = ? AND p.moderation = 'PENDING' AND p.deleted_at IS NULL AND a.is_local = false"
                + " AND a.domain IN (?) GROUP BY a.domain", List.of(1, SPAM_SERVER), "p", "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingPage, without a server", new Expected("SELECT * FROM proposal p"
                + " JOIN actor a ON a.id = p.author_id WHERE p.group_id = ? AND p.moderation = 'PENDING'"
                + " AND p.deleted_at IS NULL AND p.author_id NOT IN (?) AND a.domain NOT IN (?)"
                + " ORDER BY p.published_at, p.id LIMIT 51", List.of(1, 11, SPAM_SERVER), "p", "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingPage, one server", new Expected("SELECT * FROM proposal p"
                + " JOIN actor a ON a.id = p.author_id WHERE p.group_id = ? AND p.moderation = 'PENDING'"
                + " AND p.deleted_at IS NULL AND a.is_local = false AND a.domain = ?"
                + " ORDER BY p.published_at, p.id LIMIT 51", List.of(1, SPAM_SERVER), "p", "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingAccounts, without a server", new Expected("SELECT p.author_id, count(*),"
                + " max(p.id) FROM proposal p JOIN actor a ON a.id = p.author_id WHERE p.group_id = ?"
                + " AND p.moderation = 'PENDING' AND p.deleted_at IS NULL AND a.domain NOT IN (?) GROUP BY p.author_id"
                + " HAVING count(*) >= 3 ORDER BY count(*) DESC, max(p.id) DESC LIMIT 20", List.of(1, SPAM_SERVER), "p",
                "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingFromServer", new Expected("SELECT p.* FROM proposal p"
                + " JOIN actor a ON a.id = p.author_id WHERE p.group_id = ? AND p.moderation = 'PENDING'"
                + " AND p.deleted_at IS NULL AND a.is_local = false AND a.domain = ? LIMIT 200", List.of(1, SPAM_SERVER),
                "p", "ix_proposal_waiting"));
        all.put("ProposalRepository.waitingOf", new Expected("SELECT * FROM proposal p WHERE p.group_id = ?"
                + " AND p.moderation = 'PENDING' AND p.deleted_at IS NULL AND p.author_id = ? LIMIT 200",
                List.of(1, 11), "proposal", "ix_proposal_waiting"));
        all.put("ProposalRepository.lastModeratedAt", new Expected("SELECT max(p.moderated_at) FROM proposal p",
                List.of(), null, null));
        // Proposals whose search terms are older than the analysis (at each start; none, almost always).
        all.put("ProposalRepository.withTermsOlderThan", new Expected("SELECT * FROM proposal p"
                + " WHERE p.terms_version IS NULL OR p.terms_version < ? ORDER BY p.id LIMIT 1000",
                List.of(SearchTerms.VERSION), "proposal", "ix_proposal_terms_version"));
        // An actor's posts and copies (an actor's Delete, a community link ended); the actor's cascade.
        all.put("ProposalRepository.remoteOwnedBy", new Expected("SELECT * FROM proposal p WHERE p.is_local = false"
                + " AND p.deleted_at IS NULL AND p.attributed_to_id = ?", List.of(12), "proposal", "fk_proposal_attributed"));
        // A proposal's matches, and the withdrawn ones the pruner purges.
        all.put("MatchRepository.involving, offer", new Expected("SELECT * FROM proposal_match WHERE offer_id = ?",
                List.of(78), "proposal_match", "ix_match_offer"));
        all.put("MatchRepository.involving, request", new Expected("SELECT * FROM proposal_match WHERE request_id = ?",
                List.of(77), "proposal_match", "uq_match_pair"));
        all.put("WithdrawnMatches", new Expected("SELECT m.id FROM proposal_match m WHERE m.state = 'WITHDRAWN'"
                + " AND m.updated_at < ? LIMIT 500", List.of(now), "proposal_match", "ix_match_withdrawn"));
        return all;
    }

    static List<String> names() {
        return List.copyOf(statements().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void readsThroughItsIndex(String name) throws SQLException {
        Expected expected = statements().get(name);
        List<Object[]> plan = explain(expected);
        String shown = plan.stream().map(Arrays::toString).collect(Collectors.joining("\n"));
        if (expected.index() == null) {
            // max() of an indexed column is read from the end of its index: no table at all.
            assertTrue(String.valueOf(plan.get(0)[9]).contains("Select tables optimized away"), name + "\n" + shown);
            return;
        }
        Object[] row = plan.stream().filter(r -> String.valueOf(r[2]).equals(expected.table())
                || String.valueOf(r[2]).equals("p") || String.valueOf(r[2]).equals("m")).findFirst()
                .orElseThrow(() -> new AssertionError(name + "\n" + shown));
        assertFalse("ALL".equals(row[3]) || "index".equals(row[3]) && !expected.index().equals(row[5]),
                name + ": the table is scanned\n" + shown);
        // "ix_a|ix_b": read through ix_a, filtered by the row ids ix_b gives (a rowid filter).
        assertEquals(expected.index(), String.valueOf(row[5]).split("\\|")[0], name + "\n" + shown);
    }

    /**
     * The server's entry in the queue and its turn-down join each waiting post to its author for the author's server:
     * the actor table, mostly other servers' accounts, is read by its key for those rows only, never whole.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("serverStatements")
    void aServersWaitingPostsReadNoTableWhole(String name) throws SQLException {
        List<Object[]> plan = explain(statements().get(name));
        String shown = plan.stream().map(Arrays::toString).collect(Collectors.joining("\n"));
        for (Object[] row : plan) {
            assertFalse(Explain.readsWhole(row), name + ": a table is scanned\n" + shown);
        }
    }

    static List<String> serverStatements() {
        return names().stream().filter(n -> n.contains("Server") || n.contains("server")).toList();
    }

    /**
     * A member's matches (their page, {@code MatchRepository.ofMember}), one side at a time: from the member's
     * proposals by the author index to their matches by the pair key or the offer index, and the other proposal by
     * its key. No table is read whole, whatever the board's size. (Both sides in one statement, joined by OR, read
     * every NEW match of the instance and sorted them: 2,666 rows here for a member with five proposals.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("memberMatchSides")
    void aMembersMatchesReadNoTableWhole(String side, String sql) throws SQLException {
        List<Object[]> plan = explain(new Expected(sql, List.of(), null, null));
        String shown = plan.stream().map(Arrays::toString).collect(Collectors.joining("\n"));
        for (Object[] row : plan) {
            assertFalse(Explain.readsWhole(row), side + ": a table is scanned\n" + shown);
        }
        assertEquals("ix_proposal_author", String.valueOf(plan.get(0)[5]).split("\\|")[0],
                side + ": begins with the member's own proposals\n" + shown);
    }

    static List<Arguments> memberMatchSides() {
        String select = "SELECT m.*, r.id, o.id FROM proposal_match m JOIN proposal r ON r.id = m.request_id"
                + " JOIN proposal o ON o.id = m.offer_id WHERE ";
        String order = " ORDER BY m.score DESC, m.id DESC LIMIT 50";
        return List.of(
                Arguments.of("their requests' matches", select + "r.is_local = true AND r.author_id = " + FEW
                        + " AND m.state = 'NEW' AND m.request_dismissed_at IS NULL" + notBlocked("r", "o") + order),
                Arguments.of("their offers' matches", select + "o.is_local = true AND o.author_id = " + FEW
                        + " AND m.state = 'NEW' AND m.offer_dismissed_at IS NULL" + notBlocked("o", "r") + order),
                Arguments.of("all of their requests' matches", select + "r.is_local = true AND r.author_id = " + FEW
                        + notBlocked("r", "o") + order));
    }

    /** What leaves out a match with someone the member or their proposal's community blocked (MatchRepository). */
    private static String notBlocked(String mine, String other) {
        return " AND NOT EXISTS (SELECT 1 FROM account_block b WHERE b.blocked_id = " + other + ".author_id"
                + " AND (b.blocker_id = " + FEW + " OR b.blocker_id = " + mine + ".group_id))"
                + " AND NOT EXISTS (SELECT 1 FROM community_server_block cb, actor a WHERE a.id = " + other + ".author_id"
                + " AND a.is_local = false AND cb.domain = a.domain AND cb.community_id = " + mine + ".group_id)";
    }

    /**
     * The indexes left after V88, each read by a plan above or by BoardPlanTest's ({@code ix_proposal_board_newest},
     * {@code ix_proposal_newest}) or OverviewPlanTest's (the four {@code ix_proposal_overview*},
     * {@code ix_proposal_top_categories}): a new index belongs here with the plan that reads it.
     */
    @Test
    void theIndexesAreThese() throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT DISTINCT table_name, index_name"
                + " FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name IN ('proposal', 'proposal_match') ORDER BY table_name, index_name")) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
            assertEquals(List.of("proposal.fk_proposal_attributed", "proposal.ix_proposal_author",
                    "proposal.ix_proposal_board_newest", "proposal.ix_proposal_copy_ends", "proposal.ix_proposal_deleted",
                    "proposal.ix_proposal_moderated", "proposal.ix_proposal_newest", "proposal.ix_proposal_overview",
                    "proposal.ix_proposal_overview_fulfilled", "proposal.ix_proposal_overview_promised",
                    "proposal.ix_proposal_overview_published", "proposal.ix_proposal_received",
                    "proposal.ix_proposal_terms_version", "proposal.ix_proposal_top_categories",
                    "proposal.ix_proposal_waiting", "proposal.PRIMARY",
                    "proposal.uq_proposal_uri", "proposal_match.ix_match_offer", "proposal_match.ix_match_withdrawn",
                    "proposal_match.PRIMARY", "proposal_match.uq_match_pair"), indexes);
        }
    }

    private static List<Object[]> explain(Expected expected) throws SQLException {
        try (Connection c = connect()) {
            return Explain.of(c, expected.sql(), expected.params());
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(), settings.passwordOrDefault());
    }
}
