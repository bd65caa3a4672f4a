package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * A member's matches ({@link MatchRepository#ofMember}, their matches page and API), read a side at a time: the
 * matches of their requests and of their offers come as one list in the page's order (score, then newest), a match
 * between two of their own proposals once, others' matches never, and what is withdrawn or they dismissed only when
 * everything is asked for. On H2 and MariaDB.
 */
class MatchesOfMemberTest {
    /** A member of {@link BoardSeed}: the seed wrote their offers 2, 18 and 26; here they also wrote requests 3 and 7. */
    private static final long MEMBER = 5;
    private final Path dir = TestDatabases.tempDir();
    private final DatabaseSettings settings = TestDatabases.fresh(dir);
    private Database db;

    @BeforeEach
    void seed() throws SQLException {
        db = Database.open(settings, dir, true);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(dir), settings.userOrDefault(),
                settings.passwordOrDefault())) {
            BoardSeed.seed(c, 40);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE proposal SET author_id = " + MEMBER + ", attributed_to_id = " + MEMBER
                        + " WHERE id IN (3, 7)");
                match(st, 3, 4, 40, "NEW", null, null);      // their request
                match(st, 5, 2, 70, "NEW", null, null);      // their offer
                match(st, 7, 12, 55, "NEW", null, null);     // their request
                match(st, 3, 18, 60, "NEW", null, null);     // their request and their offer
                match(st, 9, 6, 90, "NEW", null, null);      // two other members'
                match(st, 7, 2, 80, "WITHDRAWN", null, null); // a side stopped being open
                match(st, 11, 26, 65, "NEW", null, "CURRENT_TIMESTAMP"); // they dismissed it on their side (the offer)
                match(st, 3, 14, 45, "NEW", "CURRENT_TIMESTAMP", null); // they dismissed it on their side (the request)
                match(st, 15, 34, 50, "NEW", "CURRENT_TIMESTAMP", null); // the other member dismissed it, not they
            }
        }
    }

    @AfterEach
    void drop() {
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void bothSidesComeAsOneListBestFirstEachMatchOnce() {
        assertEquals(List.of(70, 60, 55, 50, 40), scores(false, 20));
        assertEquals(List.of(70, 60), scores(false, 2), "the best of both sides, not the first side's");
    }

    @Test
    void everythingAskedForAddsWhatWasWithdrawnOrDismissed() {
        assertEquals(List.of(80, 70, 65, 60, 55, 50, 45, 40), scores(true, 20));
    }

    @Test
    void oneOfTheirProposalsAloneListsItsMatchesOnWhicheverSideItIs() {
        assertEquals(List.of(60, 40), scoresOf(3, false), "request 3's, among them the one with their own offer 18");
        assertEquals(List.of(60, 45, 40), scoresOf(3, true));
        assertEquals(List.of(60), scoresOf(18, false), "offer 18's: the same match, from the offer's side");
        assertEquals(List.of(), scoresOf(9, true), "another member's request lists nothing for them");
    }

    private List<Integer> scoresOf(long proposal, boolean all) {
        return db.inTransaction(s -> MatchRepository.ofMember(s, MEMBER, all, proposal, 20).stream()
                .map(pair -> pair.match().getScore()).toList());
    }

    private List<Integer> scores(boolean all, int limit) {
        return db.inTransaction(s -> MatchRepository.ofMember(s, MEMBER, all, limit).stream()
                .map(pair -> pair.match().getScore()).toList());
    }

    private static void match(Statement st, long request, long offer, int score, String state, String requestDismissed,
                              String offerDismissed) throws SQLException {
        st.executeUpdate("INSERT INTO proposal_match (request_id, offer_id, score, reasons, state, created_at, updated_at,"
                + " request_dismissed_at, offer_dismissed_at) VALUES (" + request + ", " + offer + ", " + score
                + ", 'SAME_KIND:gift', '" + state + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, " + requestDismissed + ", "
                + offerDismissed + ")");
    }
}
