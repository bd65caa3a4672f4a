package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.h2.api.Trigger;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.model.Purpose;
import org.weft.server.testing.FreshDatabase;

/**
 * A proposal's search terms reach the table in the order of its (proposal, term) key, when the proposal is written and
 * when its terms change: InnoDB then fills each page it appends to instead of splitting pages in the middle, which left
 * the rows' pages about half empty (G15 soak, 2026-12-05). Every insert into the table is logged by a trigger, in the
 * order the database received it. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class ProposalTermsOrderTest {
    /** The rows H2's trigger saw, in order ("proposal term"). */
    private static final List<String> H2_LOG = Collections.synchronizedList(new ArrayList<>());

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    @Test
    void termsAreInsertedInKeyOrderWhenWrittenAndWhenChanged() throws SQLException {
        Database db = fresh.db();
        logInserts(db);
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        // Terms as a hash set would give them, in no particular order (one with an accent: the key compares bytes).
        Set<String> first = new LinkedHashSet<>(List.of("pram", "blanket", "zip", "café", "cafe", "apple", "mango"));
        Set<String> second = new LinkedHashSet<>(List.of("wool", "kettle", "bread", "soup"));
        long[] ids = new long[2];
        db.run(s -> {
            ActorEntity rosa = DatabaseTest.actor("https://a.example/users/rosa", now);
            s.persist(rosa);
            ids[0] = proposal(s, rosa, 1, first, now);
            ids[1] = proposal(s, rosa, 2, second, now);
        });
        List<String> expected = new ArrayList<>(inKeyOrder(ids[0], first));
        expected.addAll(inKeyOrder(ids[1], second));
        assertEquals(expected, inserted(db), "each proposal's terms inserted in key order");

        clearLog(db);
        Set<String> edited = new LinkedHashSet<>(List.of("stroller", "pram", "bicycle", "zip"));
        db.run(s -> s.find(ProposalEntity.class, ids[0]).setSearchTerms(edited, SearchTerms.VERSION));
        List<String> afterEdit = inserted(db);
        assertEquals(afterEdit.stream().sorted().toList(), afterEdit, "an edit's new terms too: " + afterEdit);
        assertEquals(new TreeSet<>(edited), stored(db, ids[0]), "the edited proposal holds exactly its new terms");
        assertEquals(new TreeSet<>(second), stored(db, ids[1]), "the other proposal's terms untouched");
    }

    private static long proposal(Session s, ActorEntity author, int n, Set<String> terms, Instant now) {
        ProposalEntity p = new ProposalEntity("https://a.example/proposals/" + n, false, author, author, null,
                Purpose.OFFER, ProposalEntity.Source.WEFT, now);
        p.setTitle("Proposal " + n);
        p.setDescription(String.join(" ", terms));
        p.setLanguage("en");
        p.setEndsAt(now.plus(Duration.ofDays(7)));
        p.setSearchTerms(terms, SearchTerms.VERSION);
        s.persist(p);
        s.flush();
        return p.getId();
    }

    private static List<String> inKeyOrder(long id, Set<String> terms) {
        return new TreeSet<>(terms).stream().map(t -> id + " " + t).toList();
    }

    private static Set<String> stored(Database db, long id) {
        List<String> terms = db.inTransaction(s -> s.createNativeQuery("select term from proposal_term where"
                + " proposal_id = :id", String.class).setParameter("id", id).getResultList());
        return new TreeSet<>(terms);
    }

    /** Logs every row inserted into proposal_term, in the order the database receives them. */
    private static void logInserts(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            if (db.isEmbedded()) {
                H2_LOG.clear();
                st.execute("CREATE TRIGGER proposal_term_log AFTER INSERT ON proposal_term FOR EACH ROW CALL '"
                        + H2Log.class.getName() + "'");
            } else {
                st.execute("CREATE TABLE proposal_term_log (seq INT AUTO_INCREMENT PRIMARY KEY, proposal_id BIGINT,"
                        + " term VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)");
                st.execute("CREATE TRIGGER proposal_term_log AFTER INSERT ON proposal_term FOR EACH ROW"
                        + " INSERT INTO proposal_term_log (proposal_id, term) VALUES (NEW.proposal_id, NEW.term)");
            }
        }
    }

    private static List<String> inserted(Database db) {
        if (db.isEmbedded()) {
            return List.copyOf(H2_LOG);
        }
        return db.inTransaction(s -> s.createNativeQuery("select concat(proposal_id, ' ', term) from proposal_term_log"
                + " order by seq", String.class).getResultList());
    }

    private static void clearLog(Database db) {
        if (db.isEmbedded()) {
            H2_LOG.clear();
        } else {
            db.run(s -> s.createNativeMutationQuery("delete from proposal_term_log").executeUpdate());
        }
    }

    /** H2's trigger: a Java class it calls for each inserted row. */
    public static final class H2Log implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            H2_LOG.add(newRow[0] + " " + newRow[1]);
        }
    }
}
