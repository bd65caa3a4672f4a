package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import org.hibernate.Session;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.TestDatabases;

/**
 * A board page costs a few statements whatever its cards hold: the page's ids, then its proposals with their
 * categories, authors and communities in one read. Loaded one by one, each card's categories and each author were a
 * statement of their own (some 30 for a page of 20: the "board cards N+1" of G14). Counted by Hibernate's statistics,
 * on H2 and on MariaDB.
 */
class BoardCardsStatementsTest {
    private static final Path DIR = TestDatabases.tempDir();
    private static DatabaseSettings settings;
    private static Database db;

    @BeforeAll
    static void seed() throws SQLException {
        settings = TestDatabases.fresh(DIR);
        db = Database.open(settings, DIR, true);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(DIR), settings.userOrDefault(),
                settings.passwordOrDefault())) {
            BoardSeed.seed(c, 300);
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
    void aPageOfCardsIsReadInAFewStatements() {
        ProposalQuery page = new ProposalQuery("camp", null, List.of(), null, List.of(), null, null, true, false, 1, 20);
        long statements = db.inTransaction(s -> {
            Statistics stats = s.getSessionFactory().getStatistics();
            stats.setStatisticsEnabled(true);
            stats.clear();
            List<ProposalEntity> cards = page.run(s);
            assertEquals(20, cards.size());
            // What a card shows (ProposalCards): categories, the author's name, where it comes from.
            long touched = cards.stream().mapToLong(p -> p.getCategories().size() + p.getAuthor().getDisplayName().length()
                    + p.getAttributedTo().getDisplayName().length() + (p.getGroup() == null ? 0 : p.getGroup().getId()))
                    .sum();
            assertTrue(touched > 0);
            long count = stats.getPrepareStatementCount();
            stats.setStatisticsEnabled(false);
            return count;
        });
        // The community (its name, then its actor), the communities it links to, the page's ids, and the page's
        // proposals with what they show: 5 on both databases, however many cards, categories and authors.
        assertTrue(statements <= 6, "a page of 20 cards took " + statements + " statements");
    }

    @Test
    void aPageAndItsCountLookTheBoardUpOnce() {
        ProposalQuery page = new ProposalQuery("camp", null, List.of(), null, List.of(), null, null, true, false, 1, 20);
        long pageAlone = statements(s -> assertEquals(20, page.slice(s).items().size()));
        // The count is one more statement (its ids), not the board's community, links and blocks looked up again.
        long withCount = statements(s -> assertTrue(page.sliceAndCount(s, 300).count() > 20));
        assertEquals(pageAlone + 1, withCount, "a page alone took " + pageAlone + " statements, with its count "
                + withCount);
    }

    private static long statements(Consumer<Session> view) {
        return db.inTransaction(s -> {
            Statistics stats = s.getSessionFactory().getStatistics();
            stats.setStatisticsEnabled(true);
            stats.clear();
            view.accept(s);
            long count = stats.getPrepareStatementCount();
            stats.setStatisticsEnabled(false);
            return count;
        });
    }
}
