package org.weft.server.domain.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.weft.server.persistence.Database;

/**
 * Writes a small community's proposals straight into the database, each with exactly the fields the overview
 * counts by (purpose, status, audience, category, area, times), so a test knows every count it should see.
 */
final class OverviewSeed {
    static final String TAXONOMY = "https://w3id.org/weft/taxonomy/v1#";

    private final Database db;
    private long nextId = 1;

    OverviewSeed(Database db) {
        this.db = db;
    }

    /** The communities {@code camp} (1) and {@code port} (2), a remote one {@code town} (4), a member (3), two areas. */
    OverviewSeed actorsAndAreas() throws SQLException {
        actor(1, "camp", "GROUP", true);
        actor(2, "port", "GROUP", true);
        actor(3, "amina", "PERSON", true);
        actor(4, "town", "GROUP", false);
        update("INSERT INTO area (code, name, latitude, longitude) VALUES ('camp-a', 'Camp A', 36.20, 37.10)");
        update("INSERT INTO area (code, name, latitude, longitude) VALUES ('camp-b', 'Camp B', 36.25, 37.30)");
        return this;
    }

    /** A proposal; {@code promised} and {@code fulfilled} may be null. Returns its id. */
    long proposal(long group, String purpose, String status, String audience, String category, String area,
                  Instant published, Instant promised, Instant fulfilled) throws SQLException {
        long id = nextId++;
        update("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, group_id, purpose, kind, status,"
                + " audience, source, moderation, title, description, language, area_code, ends_at, published_at,"
                + " promised_at, fulfilled_at) VALUES (" + id + ", 'http://localhost/p/" + id + "', " + (group != 4)
                + ", 3, 3, " + group + ", '" + purpose + "', 'GIFT', '" + status + "', '" + audience + "', 'LOCAL',"
                + " 'VISIBLE', 'p" + id + "', 'p" + id + "', 'en', " + quoted(area) + ", '2031-01-01 00:00:00', "
                + time(published) + ", " + time(promised) + ", " + time(fulfilled) + ")");
        if (category != null) {
            update("INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (" + id + ", '" + TAXONOMY
                    + category + "', 0)");
        }
        return id;
    }

    /** One more category of proposal {@code id}, at {@code position} in its list. */
    void category(long id, String category, int position) throws SQLException {
        update("INSERT INTO proposal_category (proposal_id, concept_uri, position) VALUES (" + id + ", '" + TAXONOMY
                + category + "', " + position + ")");
    }

    /** {@code n} open public proposals alike, published at {@code at}. */
    void open(int n, long group, String purpose, String category, String area, Instant at) throws SQLException {
        for (int i = 0; i < n; i++) {
            proposal(group, purpose, "OPEN", "PUBLIC", category, area, at, null, null);
        }
    }

    void update(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private void actor(long id, String name, String kind, boolean local) throws SQLException {
        String domain = local ? "localhost" : "remote.example";
        update("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (" + id + ", 'http://" + domain + "/a/" + name
                + "', '" + kind + "', " + local + ", '" + name + "', '" + domain + "', '" + name + "', 'http://" + domain
                + "/a/" + name + "/inbox', 'http://" + domain + "/a/" + name + "#key', 'pem', false, true,"
                + " '2030-01-01 00:00:00')");
        if (local) {
            update("INSERT INTO local_username (username, actor_id) VALUES ('" + name + "', " + id + ")");
        }
    }

    private static String quoted(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    static String time(Instant at) {
        return at == null ? "NULL" : "'" + LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
    }
}
