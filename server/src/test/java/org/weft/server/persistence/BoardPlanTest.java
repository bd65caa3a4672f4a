package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestDatabases;

/**
 * The board's queries use an index on their sort key, whatever the filter: MariaDB's {@code EXPLAIN} of the statement
 * that finds a page's ids ({@link ProposalQuery#idSql}) must read the proposal table through an index, in the index's
 * order (no full scan, no filesort of every matching row), for the first page, an older page, each filter, a tag page,
 * the API's search across communities and a member's own list. Without V44's indexes the board falls back to sorting
 * every active row of the community, and this test fails. The statement is explained with the LIMIT of a page, as
 * it runs.
 *
 * <p>MariaDB only: H2's planner is not the one a busy instance runs on, and its EXPLAIN says other things. CI's
 * MariaDB pass runs it ({@code WEFT_TEST_DB_URL}).
 */
class BoardPlanTest {
    private static final int PROPOSALS = 6_000;
    private static final Path DIR = TestDatabases.tempDir();
    private static DatabaseSettings settings;
    private static Database db;

    @BeforeAll
    static void seed() throws SQLException {
        assumeTrue(TestDatabases.usingMariaDb(), "reads MariaDB's EXPLAIN: runs in the MariaDB pass (WEFT_TEST_DB_URL)");
        settings = TestDatabases.fresh(DIR);
        db = Database.open(settings, DIR, true);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(),
                settings.passwordOrDefault())) {
            BoardSeed.seed(c, PROPOSALS);
            try (Statement st = c.createStatement()) {
                // camp links to a community on another server and holds a share of the remote proposals through it.
                st.executeUpdate("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id,"
                        + " public_key_pem, manually_approves, discoverable, created_at) VALUES (13, 'http://remote/g/town',"
                        + " 'GROUP', false, 'town', 'remote', 'Town', 'http://remote/g/town/inbox', 'http://remote/g/town#key',"
                        + " 'pem', false, true, CURRENT_TIMESTAMP)");
                st.executeUpdate("INSERT INTO follow (follower_id, followee_id, activity_uri, state, created_at, accepted_at)"
                        + " VALUES (1, 13, 'http://localhost/follows/1', 'ACCEPTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                st.executeUpdate("UPDATE proposal SET group_id = 13, source = 'WEFT' WHERE is_local = false AND id % 20 = 0");
                st.execute("ANALYZE TABLE proposal, proposal_category, proposal_term, actor");
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

    static Map<String, ProposalQuery> queries() {
        ProposalCursor middle = new ProposalCursor(Instant.now().minusSeconds(PROPOSALS / 2), PROPOSALS / 2);
        ProposalQuery board = board(null, List.of(), null, List.of(), null, false);
        Map<String, ProposalQuery> queries = new LinkedHashMap<>();
        queries.put("first page", board);
        queries.put("first page, member", board(null, List.of(), null, List.of(), null, true));
        queries.put("older page", board.olderThan(middle));
        queries.put("newer page", board.newerThan(middle));
        queries.put("purpose", board(Purpose.REQUEST, List.of(), null, List.of(), null, false));
        queries.put("purpose, older page", board(Purpose.OFFER, List.of(), null, List.of(), null, false).olderThan(middle));
        queries.put("category", board(null, List.of(BoardSeed.CATEGORIES.get(1)), null, List.of(), null, false));
        queries.put("area", board(null, List.of(), "camp-a", List.of(), null, false));
        queries.put("status", board(null, List.of(), null, List.of(ProposalStatus.PROMISED), null, false));
        queries.put("text", board(null, List.of(), null, List.of(), "number 12", false));
        queries.put("every filter, older page", board(Purpose.OFFER, List.of(BoardSeed.CATEGORIES.get(0)), "camp-a",
                List.of(ProposalStatus.OPEN), "share", true).olderThan(middle));
        ProposalQuery linked = new ProposalQuery("camp", null, List.of(), null, List.of(), null, null, false, false, 1, 20);
        queries.put("board with a linked community", linked);
        queries.put("board with a linked community, older page", linked.olderThan(middle));
        queries.put("board with a linked community, newer page", linked.newerThan(middle));
        queries.put("board with a linked community, every filter, older page", new ProposalQuery("camp", Purpose.OFFER,
                List.of(BoardSeed.CATEGORIES.get(0)), "camp-a", List.of(ProposalStatus.OPEN), "share", null, true, false, 1,
                20).olderThan(middle));
        ProposalQuery.TextMeaning meaning = new ProposalQuery.TextMeaning(List.of(BoardSeed.CATEGORIES.get(2)),
                List.of(Set.of("share", "shar"), Set.of("number")), SearchTerms.VERSION);
        queries.put("text by meaning", board(null, List.of(), null, List.of(), "share number", false).withMeaning(meaning));
        queries.put("text by meaning, linked, older page", linked.newest().withMeaning(meaning).olderThan(middle));
        queries.put("API search by meaning", new ProposalQuery(null, null, List.of(), null, List.of(), "share number", null,
                false, false, 1, 20).withMeaning(meaning));
        queries.put("tag page", new ProposalQuery(null, null, List.of(BoardSeed.CATEGORIES.get(2)), null, List.of(), null,
                null, false, true, 1, 20));
        queries.put("tag page by purpose, older", new ProposalQuery(null, Purpose.OFFER, List.of(), null, List.of(), null,
                null, false, true, 1, 20).olderThan(middle));
        queries.put("API search", new ProposalQuery(null, null, List.of(), null, List.of(), null, null, false, false, 1, 20));
        queries.put("API search, older", new ProposalQuery(null, Purpose.REQUEST, List.of(), null, List.of(), null, null,
                false, false, 1, 20).olderThan(middle));
        queries.put("a member's own", new ProposalQuery(null, null, null, null, List.of(ProposalStatus.values()), null, 5L,
                true, false, 1, 20).olderThan(middle));
        return queries;
    }

    static List<String> names() {
        return new ArrayList<>(queries().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void readsThroughAnIndexInItsOrder(String name) {
        ProposalQuery query = queries().get(name);
        List<Object[]> plan = explain(query);
        String shown = describe(plan);
        List<Object[]> proposalRows = plan.stream().filter(r -> "p".equals(r[2])).toList();
        // One read of the proposal table, or one per community the board holds proposals from (merged afterwards: the
        // merge sorts at most a page from each, which is what the parts' LIMIT gives it).
        int communities = db.inTransaction(s -> query.community() == null || query.localOnly() ? 1
                : 1 + FollowRepository.linkedRemoteIds(s, 1).size());
        assertEquals(communities, proposalRows.size(), shown);
        for (Object[] row : plan) {
            if (String.valueOf(row[2]).startsWith("t")) {
                // A search's words and concepts are looked up by proposal id in their tables' keys, never scanned.
                assertTrue(!"ALL".equals(row[3]) && row[5] != null, name + ": a term table is scanned\n" + shown);
                // And tested for each row the board gives, not gathered whole first (MariaDB's materialisation of an
                // EXISTS read every proposal holding a common word before the first card).
                assertTrue(!"MATERIALIZED".equals(row[1]), name + ": a term table is read whole first\n" + shown);
                if (String.valueOf(row[2]).matches("t\\d+(r\\d+)?")) {
                    // A word's reading is looked up by (proposal, term); a ref on the proposal id alone read every term
                    // the proposal holds (some 15 rows for each row of the board walked).
                    assertTrue(String.valueOf(row[7]).endsWith(",const"), name + ": a word's reading is not looked up by"
                            + " proposal and term\n" + shown);
                }
            }
        }
        for (Object[] p : proposalRows) {
            assertTrue(!"ALL".equals(p[3]) && p[5] != null, name + ": the proposal table is scanned, not read by index\n"
                    + shown);
            assertTrue(p[9] == null || !String.valueOf(p[9]).contains("filesort"),
                    name + ": every matching row is sorted instead of read in index order\n" + shown);
            if (query.community() != null && (query.before() != null || query.after() != null)) {
                // A ref on group_id alone walks from the newest row down to the cursor: every row above it, read and
                // dropped.
                assertEquals("range", p[3], name + ": the page is not found by seeking to the cursor\n" + shown);
            }
        }
        // The statement runs as explained (with its optimizer switch and the page's LIMIT), and finds a page.
        ProposalQuery.Slice slice = db.inTransaction(s -> query.slice(s));
        assertTrue(!slice.items().isEmpty(), name + ": the page is empty");
        // Read with its count as the board does (a search's candidates counted once for both), the same page and count.
        ProposalQuery.Counted counted = db.inTransaction(s -> query.sliceAndCount(s, 100));
        assertEquals(ids(slice), ids(counted.slice()), name);
        long count = db.inTransaction(s -> query.countUpTo(s, 100));
        assertEquals(count, counted.count(), name);
    }

    static List<String> blockNames() {
        return List.of("first page", "older page", "purpose, older page", "text", "board with a linked community, older page",
                "text by meaning, linked, older page");
    }

    /**
     * A community that blocked an account and refuses a server: its board's statements still read the proposal table
     * in the index's order, and test each row they read by keys (the author by id, the blocks' unique keys), never
     * gathering blocked accounts first. Then the blocked authors' posts are off the page.
     */
    @ParameterizedTest(name = "{0}, with blocks")
    @MethodSource("blockNames")
    void aBoardWithBlocksLooksEachAuthorUpByKey(String name) throws SQLException {
        ProposalQuery query = queries().get(name);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(),
                settings.passwordOrDefault()); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE actor SET domain = 'spam.example' WHERE id = 12");
            st.executeUpdate("INSERT INTO account_block (blocker_id, blocked_id, created_at) VALUES (1, 11, CURRENT_TIMESTAMP)");
            st.executeUpdate("INSERT INTO community_server_block (community_id, domain, created_at)"
                    + " VALUES (1, 'spam.example', CURRENT_TIMESTAMP)");
            try {
                List<Object[]> plan = explain(query);
                String shown = describe(plan);
                // For each row the page reads: the author by id, then the community's blocks through their unique keys.
                // Never gathered first (a materialisation read every known account of every refused server).
                Map<String, Set<String>> keys = Map.of("b", Set.of("uq_account_block"), "r", Set.of("uq_community_server_block"),
                        "a", Set.of("PRIMARY"));
                keys.forEach((block, allowed) -> {
                    List<Object[]> rows = plan.stream().filter(r -> block.equals(r[2])).toList();
                    assertTrue(!rows.isEmpty(), name + ": " + block + " is not read\n" + shown);
                    for (Object[] row : rows) {
                        assertTrue(!"MATERIALIZED".equals(row[1]), name + ": " + block + " is gathered first\n" + shown);
                        assertTrue(Set.of("eq_ref", "ref", "const").contains(String.valueOf(row[3]))
                                && allowed.contains(String.valueOf(row[5])), name + ": " + block + " is not looked up by the"
                                + " community's blocks\n" + shown);
                    }
                });
                for (Object[] p : plan.stream().filter(r -> "p".equals(r[2])).toList()) {
                    assertTrue(!"ALL".equals(p[3]) && p[5] != null, name + ": the proposal table is scanned\n" + shown);
                    assertTrue(p[9] == null || !String.valueOf(p[9]).contains("filesort"), name + ": sorted\n" + shown);
                }
                List<Long> authors = db.inTransaction(s -> query.slice(s).items().stream()
                        .map(p -> p.getAuthor().getId()).toList());
                assertTrue(!authors.isEmpty() && !authors.contains(11L) && !authors.contains(12L), name + ": " + authors);
            } finally {
                st.executeUpdate("DELETE FROM community_server_block");
                st.executeUpdate("DELETE FROM account_block");
                st.executeUpdate("UPDATE actor SET domain = 'localhost' WHERE id = 12");
            }
        }
    }

    /** Searches for a word few proposals hold: the page is found from the term index, not by walking the board. */
    static Map<String, ProposalQuery> rareSearches() {
        ProposalCursor middle = new ProposalCursor(Instant.now().minusSeconds(PROPOSALS / 2), PROPOSALS / 2);
        ProposalQuery.TextMeaning rare = new ProposalQuery.TextMeaning(List.of(),
                List.of(Set.of(BoardSeed.RARE_WORD, "harmonic")), SearchTerms.VERSION);
        ProposalQuery.TextMeaning rareAndConcept = new ProposalQuery.TextMeaning(List.of(BoardSeed.CATEGORIES.get(2)),
                List.of(Set.of("share"), Set.of(BoardSeed.RARE_WORD)), SearchTerms.VERSION);
        ProposalQuery linked = new ProposalQuery("camp", null, List.of(), null, List.of(), "harmonica", null, false, false, 1,
                20);
        Map<String, ProposalQuery> queries = new LinkedHashMap<>();
        queries.put("rare word", board(null, List.of(), null, List.of(), "harmonica", false).withMeaning(rare));
        queries.put("rare word, older page", board(Purpose.REQUEST, List.of(), null, List.of(), "harmonica", true)
                .withMeaning(rare).olderThan(middle));
        queries.put("rare word and a concept, linked board", linked.withMeaning(rareAndConcept));
        queries.put("rare word, linked board, newer page", linked.withMeaning(rare).newerThan(middle));
        queries.put("rare word, API search", new ProposalQuery(null, null, List.of(), null, List.of(), "harmonica", null,
                false, false, 1, 20).withMeaning(rare));
        return queries;
    }

    static List<String> rareNames() {
        return new ArrayList<>(rareSearches().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rareNames")
    void aRareWordIsLookedUpInTheTermIndex(String name) {
        ProposalQuery query = rareSearches().get(name);
        List<Object[]> plan = explain(query);
        String shown = describe(plan);
        Object[] terms = plan.stream().filter(r -> "w".equals(r[2])).findFirst().orElseThrow(() ->
                new AssertionError(name + ": the term table is not read\n" + shown));
        assertEquals("ix_proposal_term_term", terms[5], name + ": the terms are not read by term\n" + shown);
        for (Object[] row : plan) {
            String table = String.valueOf(row[2]);
            // Only the few candidates (a derived table, a union's result) are read whole; no table of the schema is.
            assertTrue(table.startsWith("<") || !"ALL".equals(row[3]) && row[5] != null,
                    name + ": " + table + " is scanned\n" + shown);
        }
        Object[] proposals = plan.stream().filter(r -> "p".equals(r[2])).findFirst().orElseThrow();
        assertEquals("eq_ref", proposals[3], name + ": each candidate is not read by its id\n" + shown);
        assertEquals("PRIMARY", proposals[5], shown);
        // And the search finds what it should: the few posts that hold the word (the rarest word drove the page), and
        // with a concept besides, those in the concept too.
        if (!query.meaning().conceptUris().isEmpty()) {
            return;
        }
        List<Long> found = db.inTransaction(s -> query.newest().run(s).stream().map(ProposalEntity::getId).toList());
        assertTrue(!found.isEmpty() && found.stream().allMatch(id -> id % BoardSeed.RARE_EVERY == 7), name + ": " + found);
    }

    private static List<Long> ids(ProposalQuery.Slice slice) {
        return slice.items().stream().map(ProposalEntity::getId).toList();
    }

    private static List<Object[]> explain(ProposalQuery query) {
        return db.inTransaction(s -> {
            ProposalQuery.Sql sql = query.idSql(s).orElseThrow();
            List<Object[]> rows = new ArrayList<>();
            for (Object row : sql.bind(s.createNativeQuery(sql.explain(" LIMIT 21"))).getResultList()) {
                rows.add((Object[]) row);
            }
            return rows;
        });
    }

    /** The plan as MariaDB prints it: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra. */
    private static String describe(List<Object[]> plan) {
        StringBuilder out = new StringBuilder();
        for (Object[] row : plan) {
            out.append(java.util.Arrays.toString(row)).append('\n');
        }
        return out.toString();
    }

    private static ProposalQuery board(Purpose purpose, List<String> categories, String area, List<ProposalStatus> statuses,
                                       String text, boolean member) {
        return new ProposalQuery("camp", purpose, categories, area, statuses, text, null, member, true, 1, 20);
    }
}
