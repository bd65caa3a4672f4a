package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.model.ProposalStatus;
import org.weft.server.testing.TestDatabases;

/**
 * A board that holds a linked community's proposals is read as one range per community, merged
 * ({@link ProposalQuery#idSql}): walking it by keyset, older pages then newer pages back, and by the old offset
 * pages, gives every card once, in the board's order (newest first, ties by id), the same as one query over both
 * communities sorted in full. On H2 and MariaDB.
 */
class LinkedBoardPagingTest {
    private static final int PROPOSALS = 600;
    private final Path dir = TestDatabases.tempDir();
    private final DatabaseSettings settings = TestDatabases.fresh(dir);
    private Database db;

    @AfterEach
    void drop() {
        if (db != null) {
            db.close();
        }
        TestDatabases.drop(settings);
    }

    @Test
    void pagesOfAMergedBoardGiveEveryCardOnceInOrder() throws SQLException {
        db = Database.open(settings, dir, true);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(dir), settings.userOrDefault(),
                settings.passwordOrDefault())) {
            BoardSeed.seed(c, PROPOSALS);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id,"
                        + " public_key_pem, manually_approves, discoverable, created_at) VALUES (13, 'http://remote/g/town',"
                        + " 'GROUP', false, 'town', 'remote', 'Town', 'http://remote/g/town/inbox', 'http://remote/g/town#key',"
                        + " 'pem', false, true, CURRENT_TIMESTAMP)");
                st.executeUpdate("INSERT INTO follow (follower_id, followee_id, activity_uri, state, created_at, accepted_at)"
                        + " VALUES (1, 13, 'http://localhost/follows/1', 'ACCEPTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                st.executeUpdate("UPDATE proposal SET group_id = 13, source = 'WEFT' WHERE is_local = false AND id % 20 = 0");
            }
        }
        List<ProposalStatus> all = List.of(ProposalStatus.values());
        List<Long> expected = db.inTransaction(s -> s.createNativeQuery("select id from proposal where group_id in (1, 13)"
                + " and audience <> 'COMMUNITY' order by published_at desc, id desc", Long.class).getResultList());
        ProposalQuery first = new ProposalQuery("camp", null, null, null, all, null, null, false, false, 1, 7);

        List<Long> walked = new ArrayList<>();
        List<ProposalQuery.Slice> slices = new ArrayList<>();
        ProposalQuery query = first;
        while (query != null) {
            ProposalQuery at = query;
            ProposalQuery.Slice slice = db.inTransaction(s -> at.slice(s));
            slice.items().forEach(p -> walked.add(p.getId()));
            slices.add(slice);
            query = slice.older() == null ? null : first.olderThan(slice.older());
        }
        assertEquals(expected, walked, "older pages, from the newest");
        assertEquals(true, expected.stream().anyMatch(id -> id % 20 == 0), "the linked community's are among them");

        // Back up from the oldest page by the newer cursors: the same pages, in reverse.
        ProposalQuery.Slice oldest = slices.getLast();
        List<Long> back = new ArrayList<>(oldest.items().stream().map(ProposalEntity::getId).toList());
        ProposalQuery.Slice slice = oldest;
        while (slice.newer() != null) {
            ProposalQuery newer = first.newerThan(slice.newer());
            slice = db.inTransaction(s -> newer.slice(s));
            back.addAll(0, slice.items().stream().map(ProposalEntity::getId).toList());
        }
        assertNull(slice.newer());
        assertEquals(expected, back, "newer pages, from the oldest");

        // The old offset pages: page 3 is the third slice.
        ProposalQuery third = new ProposalQuery("camp", null, null, null, all, null, null, false, false, 3, 7);
        assertEquals(expected.subList(14, 21), db.inTransaction(s -> third.run(s)).stream().map(ProposalEntity::getId)
                .toList());
        assertEquals(expected.size(), (long) db.inTransaction(s -> first.countUpTo(s, 10_000)));
    }
}
