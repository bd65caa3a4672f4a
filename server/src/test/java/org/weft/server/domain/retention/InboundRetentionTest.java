package org.weft.server.domain.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.RetentionSettings;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.RetentionRuns;
import org.weft.server.queue.InboxWriter;
import org.weft.server.testing.TestDatabases;

/**
 * The retention rules for the inbound table, each against a real database (H2, or MariaDB with WEFT_TEST_DB_URL):
 * what goes, when, and what never goes (pending rows, failed rows within their limits, a body an agreement still
 * needs). Rows are written with explicit states and times; the pruner runs with a fixed clock.
 */
class InboundRetentionTest {
    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private static final RetentionSettings SETTINGS = new RetentionSettings(10, 6, 72, 7, 3);

    private DatabaseSettings settings;
    private Database db;

    @BeforeEach
    void open() {
        Path dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void aProcessedBodyGoesAfterItsHoursAndItsRowStays() throws SQLException {
        insert("done-7h", "DONE", NOW.minus(Duration.ofHours(7)));
        insert("done-5h", "DONE", NOW.minus(Duration.ofHours(5)));
        insert("pending-10d", "PENDING", null); // received ten days ago, never processed: needed
        insert("failed-1d", "FAILED", NOW.minus(Duration.ofDays(1)));

        Pruner.Report report = pruner(100).runOnce();

        assertEquals(1, report.pruned().get("processed inbound bodies"));
        assertPruned("done-7h");
        assertKept("done-5h");
        assertKept("pending-10d");
        assertKept("failed-1d");
        assertEquals(4, count(), "rows stay: their ids still make a redelivery a no-op");
        var runs = RetentionRuns.all(db.dataSource());
        assertEquals(1, runs.get("processed inbound bodies").removed(), "the run is recorded for the operator");
        assertEquals(NOW, runs.get("processed inbound bodies").at());
        assertEquals(0, runs.get("remembered inbound ids").removed());
    }

    @Test
    void anAgreementOfferWaitingForItsAnswerKeepsItsBodyUntilTheMemberDecides() throws SQLException {
        insert("offer", "DONE", NOW.minus(Duration.ofDays(3)));
        long response = agreementResponse(uri("offer"));

        pruner(100).runOnce();
        assertKept("offer"); // AgreementService.answer quotes it when the member decides

        update("UPDATE response SET state = 'ACCEPTED' WHERE id = " + response);
        pruner(100).runOnce();
        assertPruned("offer");
    }

    @Test
    void failedBodiesAreKeptWithinTheirAgeAndCount() throws SQLException {
        insert("failed-8d", "FAILED", NOW.minus(Duration.ofDays(8)));
        insert("failed-4h", "FAILED", NOW.minus(Duration.ofHours(4)));
        insert("failed-3h", "FAILED", NOW.minus(Duration.ofHours(3)));
        insert("failed-2h", "FAILED", NOW.minus(Duration.ofHours(2)));
        insert("failed-1h", "FAILED", NOW.minus(Duration.ofHours(1)));

        Pruner.Report report = pruner(100).runOnce();

        assertEquals(2, report.pruned().get("failed inbound bodies"));
        assertPruned("failed-8d"); // too old
        assertPruned("failed-4h"); // beyond the newest three
        assertKept("failed-3h");
        assertKept("failed-2h");
        assertKept("failed-1h");
    }

    @Test
    void aRememberedIdGoesItsHoursAfterItsBody() throws SQLException {
        insert("done-80h", "DONE", NOW.minus(Duration.ofHours(80)));
        insert("done-76h", "DONE", NOW.minus(Duration.ofHours(76)));
        pruner(100).runOnce(); // both bodies go now
        assertPruned("done-80h");

        Instant later = NOW.plus(Duration.ofHours(72)).plusSeconds(1);
        update("UPDATE inbound_activity SET pruned_at = '" + sql(NOW.plus(Duration.ofHours(1))) + "' WHERE activity_uri = '"
                + uri("done-76h") + "'"); // as if its body had gone at the next run, an hour later
        Pruner.Report report = new Pruner(db, Pruner.standardRules(SETTINGS), Clock.fixed(later,
                ZoneOffset.UTC), 100).runOnce();

        assertEquals(1, report.pruned().get("remembered inbound ids"));
        assertFalse(exists("done-80h"), "gone 72 h after its body");
        assertTrue(exists("done-76h"), "its body went an hour later: kept an hour longer");
    }

    @Test
    void manyRowsGoInSmallBatches() throws SQLException {
        for (int i = 0; i < 10; i++) {
            insert("old-" + i, "DONE", NOW.minus(Duration.ofHours(9)));
        }
        Pruner.Report report = pruner(3).runOnce();
        assertEquals(10, report.pruned().get("processed inbound bodies"));
        for (int i = 0; i < 10; i++) {
            assertPruned("old-" + i);
        }
    }

    @Test
    void aRedeliveryStaysANoOpWhileTheIdIsRememberedAndIsNewAfterwards() throws SQLException {
        InboxWriter writer = new InboxWriter(db.dataSource(), () -> { });
        writer.start();
        try {
            String id = uri("follow");
            assertTrue(writer.store(id, "https://remote.example/users/rosa", "Follow", "{\"body\":1}",
                    NOW.minus(Duration.ofDays(1))));
            update("UPDATE inbound_activity SET state = 'DONE', processed_at = '" + sql(NOW.minus(Duration.ofHours(7)))
                    + "' WHERE activity_uri = '" + id + "'");
            pruner(100).runOnce();
            assertPruned("follow");

            assertFalse(writer.store(id, "https://remote.example/users/rosa", "Follow", "{\"body\":2}", NOW),
                    "the body is gone, but the id still makes it a redelivery");
            assertEquals(1, count());
            assertPruned("follow"); // not back to PENDING: nothing will process it again

            Instant afterIds = NOW.plus(Duration.ofHours(73));
            new Pruner(db, Pruner.standardRules(SETTINGS), Clock.fixed(afterIds, ZoneOffset.UTC), 100)
                    .runOnce();
            assertEquals(0, count());
            assertTrue(writer.store(id, "https://remote.example/users/rosa", "Follow", "{\"body\":3}", afterIds),
                    "forgotten after its hours: a new delivery");
        } finally {
            writer.close();
        }
    }

    private Pruner pruner(int batch) {
        return new Pruner(db, Pruner.standardRules(SETTINGS), Clock.fixed(NOW, ZoneOffset.UTC), batch);
    }

    private static String uri(String name) {
        return "https://remote.example/activities/" + name;
    }

    /** A row received ten days ago, finished at {@code processedAt} (null: still pending). */
    private void insert(String name, String state, Instant processedAt) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_activity (activity_uri, actor_uri,"
                     + " activity_type, body, state, attempts, received_at, next_attempt_at, processed_at)"
                     + " VALUES (?, ?, 'Like', ?, ?, 0, ?, ?, ?)")) {
            insert.setString(1, uri(name));
            insert.setString(2, "https://remote.example/users/rosa");
            insert.setString(3, "{\"id\":\"" + uri(name) + "\"}");
            insert.setString(4, state);
            insert.setObject(5, LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(10)), ZoneOffset.UTC));
            insert.setObject(6, LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(10)), ZoneOffset.UTC));
            insert.setObject(7, processedAt == null ? null : LocalDateTime.ofInstant(processedAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** A remote member's agreement offer to a local member's proposal, still waiting for an answer. */
    private long agreementResponse(String offerUri) throws SQLException {
        String t = "'" + sql(NOW.minus(Duration.ofDays(4))) + "'";
        update("INSERT INTO actor (uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES ('https://camp.example/users/amina', 'PERSON', TRUE,"
                + " 'amina', 'camp.example', 'Amina', 'https://camp.example/users/amina/inbox', 'k1', 'pem', FALSE, TRUE, "
                + t + ")");
        update("INSERT INTO actor (uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES ('https://remote.example/users/rosa', 'PERSON', FALSE,"
                + " 'rosa', 'remote.example', 'Rosa', 'https://remote.example/users/rosa/inbox', 'k2', 'pem', FALSE, TRUE, "
                + t + ")");
        update("INSERT INTO proposal (uri, is_local, author_id, attributed_to_id, purpose, kind, status, audience, source,"
                + " moderation, title, description, language, ends_at, published_at) SELECT 'https://camp.example/proposals/1',"
                + " TRUE, id, id, 'OFFER', 'GIFT', 'OPEN', 'PUBLIC', 'LOCAL', 'VISIBLE', 'Bread', '', 'en', " + t + ", " + t
                + " FROM actor WHERE username = 'amina'");
        update("INSERT INTO response (uri, proposal_id, responder_id, kind, state, is_public, content, created_at)"
                + " SELECT '" + offerUri + "', p.id, a.id, 'AGREEMENT', 'NEW', FALSE, '', " + t
                + " FROM proposal p, actor a WHERE a.username = 'rosa'");
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM response")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void assertPruned(String name) throws SQLException {
        Row row = row(name);
        assertNotNull(row, name + " still exists");
        assertEquals("", row.body(), name + "'s body is gone");
        assertNotNull(row.prunedAt(), name + " says when its body went");
    }

    private void assertKept(String name) throws SQLException {
        Row row = row(name);
        assertNotNull(row, name + " still exists");
        assertEquals("{\"id\":\"" + uri(name) + "\"}", row.body(), name + " keeps its body");
        assertNull(row.prunedAt());
    }

    private record Row(String body, Object prunedAt) {
    }

    private Row row(String name) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT body, pruned_at FROM inbound_activity WHERE activity_uri = ?")) {
            q.setString(1, uri(name));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getObject(2)) : null;
            }
        }
    }

    private boolean exists(String name) throws SQLException {
        return row(name) != null;
    }

    private long count() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbound_activity")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }

    private static String sql(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ');
    }
}
