package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.weft.server.domain.classify.SearchTerms;

/**
 * Fills a migrated database with a board big enough for the planner to choose as it would in production: a
 * community ({@code camp}) with many proposals, another with fewer, some remote ones, in a spread of statuses,
 * purposes, areas, audiences and categories. Plain batched SQL, since thousands of proposals through the services
 * would take minutes.
 */
final class BoardSeed {
    static final List<String> CATEGORIES = List.of("https://w3id.org/weft/taxonomy/v1#bread",
            "https://w3id.org/weft/taxonomy/v1#tools", "https://w3id.org/weft/taxonomy/v1#babysitting");
    /** A word a few proposals hold (one in {@value #RARE_EVERY}), stored among their terms as the analyzer reads it. */
    static final String RARE_WORD = "harmonica";
    static final int RARE_EVERY = 1_000;
    static final List<String> AREAS = List.of("camp-a/block-3", "camp-a/block-5", "camp-b");

    private BoardSeed() {
    }

    /** Adds the actors and {@code proposals} proposals; ids of groups are 1 ({@code camp}) and 2 ({@code port}). */
    static void seed(Connection c, int proposals) throws SQLException {
        Instant now = Instant.now();
        try (Statement st = c.createStatement()) {
            for (int i = 1; i <= 12; i++) {
                String kind = i <= 2 ? "GROUP" : "PERSON";
                String name = i == 1 ? "camp" : i == 2 ? "port" : "member" + i;
                st.executeUpdate("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id,"
                        + " public_key_pem, manually_approves, discoverable, created_at) VALUES (" + i + ", 'http://localhost/a/"
                        + name + "', '" + kind + "', " + (i < 11) + ", '" + name + "', 'localhost', '" + name
                        + "', 'http://localhost/a/" + name + "/inbox', 'http://localhost/a/" + name + "#key', 'pem', false, true,"
                        + " CURRENT_TIMESTAMP)");
                if (i < 11) {
                    st.executeUpdate("INSERT INTO local_username (username, actor_id) VALUES ('" + name + "', " + i + ")");
                }
            }
        }
        String[] statuses = {"OPEN", "OPEN", "OPEN", "PROMISED", "FULFILLED", "WITHDRAWN", "EXPIRED"};
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id,"
                + " group_id, purpose, kind, status, audience, source, moderation, title, description, language, area_code,"
                + " ends_at, published_at, terms_version) VALUES (?, ?, ?, ?, ?, ?, ?, 'GIFT', ?, ?, 'LOCAL', 'VISIBLE', ?, ?,"
                + " 'en', ?, ?, ?, " + SearchTerms.VERSION + ")");
             PreparedStatement cat = c.prepareStatement(
                     "INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (?, ?, 0)");
             PreparedStatement term = c.prepareStatement("INSERT INTO proposal_term (proposal_id, term) VALUES (?, ?)")) {
            for (int id = 1; id <= proposals; id++) {
                boolean remote = id % 10 == 0;
                long author = remote ? 11 + id % 2 : 3 + id % 8;
                p.setLong(1, id);
                p.setString(2, "http://localhost/p/" + id);
                p.setBoolean(3, !remote);
                p.setLong(4, author);
                p.setLong(5, author);
                p.setLong(6, id % 5 == 0 ? 2 : 1);
                p.setString(7, id % 2 == 0 ? "OFFER" : "REQUEST");
                p.setString(8, statuses[id % statuses.length]);
                p.setString(9, id % 6 == 0 ? "COMMUNITY" : "PUBLIC");
                p.setString(10, "Proposal " + id);
                p.setString(11, "Something to share, number " + id + (id % RARE_EVERY == 7 ? ", a harmonica" : ""));
                p.setString(12, AREAS.get(id % AREAS.size()));
                p.setTimestamp(13, Timestamp.from(now.plusSeconds(86_400L * 14)));
                // A few share an instant, as proposals received in one batch do.
                p.setTimestamp(14, Timestamp.from(now.minusSeconds(proposals - id / 2 * 2L)));
                p.addBatch();
                cat.setLong(1, id);
                cat.setString(2, CATEGORIES.get(id % CATEGORIES.size()));
                cat.addBatch();
                List<String> terms = new ArrayList<>(List.of("proposal", String.valueOf(id), "someth", "share", "number"));
                if (id % RARE_EVERY == 7) {
                    terms.add(RARE_WORD);
                }
                for (String t : terms) {
                    term.setLong(1, id);
                    term.setString(2, t);
                    term.addBatch();
                }
                if (id % 1_000 == 0 || id == proposals) {
                    p.executeBatch();
                    cat.executeBatch();
                    term.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }
}
