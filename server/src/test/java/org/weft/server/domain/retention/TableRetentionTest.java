package org.weft.server.domain.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestDatabases;

/**
 * The retention rules for the tables other than the inbound one, each against a real database (H2, or MariaDB with
 * WEFT_TEST_DB_URL): what a rule removes once its time has passed, and what it keeps however old because something
 * still needs it (a pending delivery, an unread notification, a tombstone, an open proposal's responses). Rows are
 * written with explicit times; the clock is moved, never waited for.
 */
class TableRetentionTest {
    private static final Instant START = Instant.parse("2030-05-01T12:00:00Z");
    /** The defaults: delivered 2 days, given up 14, sent 7, outbox 90, read notifications 90, deleted 30, matches 30. */
    private static final RetentionSettings SETTINGS = new RetentionSettings(10, 6, 72, 7, 500);

    private DatabaseSettings settings;
    private Database db;
    private final TestClock clock = new TestClock(START);

    @BeforeEach
    void open() throws SQLException {
        Path dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
        update("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (1, 'https://camp.example/users/amina', 'PERSON', TRUE,"
                + " 'amina', 'camp.example', 'Amina', 'https://camp.example/users/amina/inbox', 'k1', 'pem', FALSE, TRUE, "
                + at(START) + ")");
        update("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (2, 'https://remote.example/users/rosa', 'PERSON', FALSE,"
                + " 'rosa', 'remote.example', 'Rosa', 'https://remote.example/users/rosa/inbox', 'k2', 'pem', FALSE, TRUE, "
                + at(START) + ")");
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void finishedDeliveriesGoAfterTheirDaysAndPendingOnesNever() throws SQLException {
        long activity = sent(10, false, START);
        delivery(100, activity, "DELIVERED", START);
        delivery(101, activity, "GAVE_UP", START);
        delivery(102, activity, "PENDING", null); // still being retried, however old

        prune(Duration.ofDays(2).minusMinutes(1));
        assertEquals(3, count("delivery"), "nothing is old enough yet");

        prune(Duration.ofMinutes(2)); // two days after the delivery finished
        assertFalse(exists("delivery", 100), "delivered two days ago: gone");
        assertTrue(exists("delivery", 101), "given up: kept 14 days for the operator");
        assertTrue(exists("delivery", 102), "pending: the queue itself");

        prune(Duration.ofDays(12));
        assertFalse(exists("delivery", 101), "given up 14 days ago: gone");
        assertTrue(exists("delivery", 102));
        assertTrue(exists("outbound_activity", activity), "a pending delivery still needs its activity's body");
    }

    @Test
    void aSentActivityGoesOnceNoDeliveryHoldsItAndItsDaysArePast() throws SQLException {
        long direct = sent(10, false, START);
        long waiting = sent(11, false, START);
        long outbox = sent(12, true, START);
        delivery(100, direct, "DELIVERED", START);
        delivery(101, waiting, "PENDING", null);

        prune(Duration.ofDays(7).plusMinutes(1));
        assertFalse(exists("outbound_activity", direct), "sent 7 days ago, its delivery done and pruned: gone");
        assertFalse(exists("delivery", 100));
        assertTrue(exists("outbound_activity", waiting), "its delivery is still pending");
        assertTrue(exists("outbound_activity", outbox), "public: stays in the outbox 90 days");

        prune(Duration.ofDays(83));
        assertFalse(exists("outbound_activity", outbox), "90 days after it was sent it leaves the outbox");
        assertTrue(exists("outbound_activity", waiting));
    }

    @Test
    void readNotificationsGoAfterTheirDaysAndUnreadOnesStay() throws SQLException {
        notification(100, null, START);
        notification(101, null, null);
        prune(Duration.ofDays(89));
        assertTrue(exists("notification", 100), "read 89 days ago: still listed");
        prune(Duration.ofDays(1).plusMinutes(1));
        assertFalse(exists("notification", 100), "read 90 days ago: gone");
        assertTrue(exists("notification", 101), "unread: kept until the member reads it");
    }

    @Test
    void aDeletedProposalIsPurgedAfterItsGraceAndItsTombstoneStays() throws SQLException {
        proposal(10, "https://camp.example/proposals/10", true, "OPEN", START);
        update("INSERT INTO tombstone (uri, former_type, deleted_at) VALUES ('https://camp.example/proposals/10', 'Note', "
                + at(START) + ")");
        proposal(11, "https://camp.example/proposals/11", true, "OPEN", START); // deleted before tombstones were kept
        proposal(12, "https://remote.example/notes/12", false, "OPEN", START);
        proposal(13, "https://camp.example/proposals/13", true, "OPEN", null); // open: everything on it stays
        response(200, 10);
        response(201, 13);
        notification(100, 10L, null); // unread, about the deleted proposal

        prune(Duration.ofDays(29));
        assertEquals(4, count("proposal"), "within the grace period a deleted proposal is kept");

        prune(Duration.ofDays(1).plusMinutes(1));
        assertFalse(exists("proposal", 10));
        assertFalse(exists("proposal", 11));
        assertFalse(exists("proposal", 12), "a remote proposal its server deleted goes the same way");
        assertFalse(exists("response", 200), "its responses went with it");
        assertFalse(exists("notification", 100), "a notification about it points at nothing any more");
        assertTrue(exists("proposal", 13));
        assertTrue(exists("response", 201), "an open proposal's responses stay");
        assertEquals(2, count("tombstone"), "both local proposals keep a tombstone: their URLs stay 410 Gone");
        assertEquals(1, count("tombstone WHERE uri = 'https://camp.example/proposals/11'"));
        assertEquals(0, count("tombstone WHERE uri = 'https://remote.example/notes/12'"), "not ours to answer for");

        prune(Duration.ofDays(3650));
        assertEquals(2, count("tombstone"), "tombstones stay for ever");
    }

    @Test
    void aClosedCopyOfAnotherServersProposalGoesAfterItsDaysUnlessAMemberHereTookPart() throws SQLException {
        // Copies from rosa's server, all ending a week after START: 20 expired there, 21 past its end date while still
        // open here (its server never said), 22 withdrawn, 23 answered by amina, 24 with an unread notification,
        // 25 with amina's message in rosa's conversation; 26 is amina's own, expired; 27 a copy still open.
        Instant week = START.plus(Duration.ofDays(7));
        copy(20, "EXPIRED", week, null);
        copy(21, "OPEN", week, null);
        copy(22, "WITHDRAWN", START.plus(Duration.ofDays(90)), week);
        copy(23, "EXPIRED", week, null);
        copy(24, "EXPIRED", week, null);
        copy(25, "EXPIRED", week, null);
        proposal(26, "https://camp.example/proposals/26", true, "EXPIRED", null);
        copy(27, "OPEN", START.plus(Duration.ofDays(120)), null);
        update("INSERT INTO response (id, uri, proposal_id, responder_id, kind, state, is_public, content, created_at)"
                + " VALUES (230, 'https://camp.example/notes/r230', 23, 1, 'REPLY', 'NEW', FALSE, 'I can', " + at(START) + ")");
        notification(240, 24L, null);
        response(250, 25);
        update("INSERT INTO conversation_message (id, response_id, uri, author_side, sender_id, content, created_at,"
                + " written_at) VALUES (251, 250, 'https://camp.example/notes/m251', FALSE, 1, 'See you at noon', "
                + at(START) + ", " + at(START) + ")");
        match(260, 21, 20, "WITHDRAWN");
        update("INSERT INTO proposal_term (proposal_id, term) VALUES (20, 'bread'), (22, 'bread'), (27, 'bread')");

        prune(Duration.ofDays(36)); // a day before the 30 days after the week's end
        for (long id = 20; id <= 27; id++) {
            assertTrue(exists("proposal", id), "within 30 days of closing every copy is kept: " + id);
        }

        prune(Duration.ofDays(1).plusMinutes(1));
        assertFalse(exists("proposal", 20), "an expired copy goes");
        assertFalse(exists("proposal", 21), "a copy past its end date goes whatever its server last said");
        assertFalse(exists("proposal", 22), "a withdrawn copy goes 30 days after it was withdrawn, before its end date");
        assertEquals(1, count("proposal_term"), "their search terms went with them");
        assertEquals(0, count("proposal_match"), "so did the match between them");
        assertTrue(exists("proposal", 23), "a copy a member here answered stays: it is part of their history");
        assertTrue(exists("proposal", 24), "an unread notification still points at it");
        assertTrue(exists("proposal", 25), "a member here wrote in its conversation");
        assertTrue(exists("proposal", 26), "a member's own proposal stays while their account does");
        assertTrue(exists("proposal", 27), "an open copy stays");
        assertEquals(0, count("tombstone"), "no tombstone for another server's URL");
    }

    /** A copy of a proposal from rosa's server, with its end date and when it last changed. */
    private void copy(long id, String status, Instant endsAt, Instant updatedAt) throws SQLException {
        update("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, purpose, kind, status, audience,"
                + " source, moderation, title, description, language, ends_at, published_at, updated_at) VALUES (" + id
                + ", 'https://remote.example/notes/" + id + "', FALSE, 2, 2, 'OFFER', 'GIFT', '" + status
                + "', 'PUBLIC', 'WEFT', 'VISIBLE', 'Bread', '', 'en', " + at(endsAt) + ", " + at(START) + ", "
                + at(updatedAt) + ")");
    }

    @Test
    void aWithdrawnMatchGoesAfterItsDaysUnlessAnUnreadNotificationAnnouncesIt() throws SQLException {
        proposal(10, "https://camp.example/proposals/10", true, "OPEN", null);
        proposal(11, "https://camp.example/proposals/11", true, "EXPIRED", null);
        proposal(12, "https://camp.example/proposals/12", true, "WITHDRAWN", null);
        proposal(13, "https://camp.example/proposals/13", true, "OPEN", null);
        match(300, 10, 11, "WITHDRAWN");
        match(301, 10, 12, "WITHDRAWN");
        match(302, 10, 13, "NEW"); // both open: never withdrawn, never removed
        update("INSERT INTO notification (id, member_id, kind, proposal_id, match_id, created_at) VALUES (101, 1, 'MATCH',"
                + " 10, 301, " + at(START) + ")");

        prune(Duration.ofDays(30).plusMinutes(1));
        assertFalse(exists("proposal_match", 300), "withdrawn 30 days ago: gone");
        assertTrue(exists("proposal_match", 301), "the member has not read the notification about it yet");
        assertTrue(exists("proposal_match", 302));

        update("UPDATE notification SET read_at = " + at(clock.instant()) + " WHERE id = 101");
        prune(Duration.ofMinutes(1));
        assertFalse(exists("proposal_match", 301), "read now: the match may go (the notification stays 90 days)");
        assertTrue(exists("proposal_match", 302));
        assertEquals(4, count("proposal"), "the proposals themselves are not touched");
    }

    @Test
    void expiredSessionsUnusedExpiredInvitesAndForgottenDevicesGo() throws SQLException {
        update("INSERT INTO web_session (id, member_id, csrf_token, created_at, expires_at) VALUES ('s-old', 1, 'c', "
                + at(START) + ", " + at(START.plus(Duration.ofDays(1))) + ")");
        update("INSERT INTO web_session (id, member_id, csrf_token, created_at, expires_at) VALUES ('s-live', 1, 'c', "
                + at(START) + ", " + at(START.plus(Duration.ofDays(30))) + ")");
        update("INSERT INTO invite (code, created_at, expires_at) VALUES ('i-unused', " + at(START) + ", "
                + at(START.plus(Duration.ofDays(1))) + ")");
        update("INSERT INTO invite (code, created_at, expires_at, used_at, used_by) VALUES ('i-used', " + at(START) + ", "
                + at(START.plus(Duration.ofDays(1))) + ", " + at(START) + ", 1)");
        update("INSERT INTO invite (code, created_at, expires_at) VALUES ('i-live', " + at(START) + ", "
                + at(START.plus(Duration.ofDays(14))) + ")");
        update("INSERT INTO login_device (id, member_id, created_at, last_used_at) VALUES ('d-old', 1, " + at(START) + ", "
                + at(START) + ")");
        update("INSERT INTO login_device (id, member_id, created_at, last_used_at) VALUES ('d-recent', 1, " + at(START)
                + ", " + at(START.plus(Duration.ofDays(300))) + ")");

        prune(Duration.ofDays(2));
        assertEquals(0, count("web_session WHERE id = 's-old'"), "expired: the cookie is refused anyway");
        assertEquals(1, count("web_session WHERE id = 's-live'"));
        assertEquals(0, count("invite WHERE code = 'i-unused'"), "expired and never used: cannot be used any more");
        assertEquals(1, count("invite WHERE code = 'i-used'"), "a used code says who came with it");
        assertEquals(1, count("invite WHERE code = 'i-live'"));
        assertEquals(2, count("login_device"));

        prune(Duration.ofDays(364)); // a year and a day after START
        assertEquals(0, count("login_device WHERE id = 'd-old'"), "not used for a year: its cookie is no use");
        assertEquals(1, count("login_device WHERE id = 'd-recent'"));
    }

    @Test
    void aMessageACommunityKeptForAResponseStillToComeGoesAfterThreeDaysAndAMembersNever() throws SQLException {
        update("INSERT INTO actor (id, uri, kind, is_local, username, domain, display_name, inbox, key_id, public_key_pem,"
                + " manually_approves, discoverable, created_at) VALUES (3, 'https://camp.example/groups/block3', 'GROUP',"
                + " TRUE, 'block3', 'camp.example', 'Block 3', 'https://camp.example/groups/block3/inbox', 'k3', 'pem',"
                + " FALSE, TRUE, " + at(START) + ")");
        message(100, 3, START); // to an anonymous request's community, ahead of its Offer
        message(101, 1, START); // to Amina herself
        prune(Duration.ofDays(3).minusMinutes(1));
        assertTrue(exists("message", 100), "its Offer may still come: the sender retries for up to 62 hours");
        prune(Duration.ofMinutes(2));
        assertFalse(exists("message", 100), "three days on, no response will take it: no one's to read");
        assertTrue(exists("message", 101), "a member's message is hers until she or its sender deletes it");
    }

    @Test
    void manyRowsGoInSmallBatches() throws SQLException {
        for (int i = 0; i < 7; i++) {
            notification(100 + i, null, START);
        }
        clock.advance(Duration.ofDays(91));
        Pruner.Report report = new Pruner(db, Pruner.standardRules(SETTINGS), clock, 3).runOnce();
        assertEquals(7, report.pruned().get("read notifications"));
        assertEquals(0, count("notification"));
    }

    @Test
    void aRunSamplesTheTableSizesAboutOnceADay() throws SQLException {
        prune(Duration.ZERO);
        long first = count("storage_sample");
        assertTrue(first > 10, "one row per table and one for the whole database");
        assertEquals(1, count("storage_sample WHERE table_name = '*'"));
        prune(Duration.ofHours(12));
        assertEquals(first, count("storage_sample"), "half a day later: no new sample");
        prune(Duration.ofHours(12));
        assertEquals(2, count("storage_sample WHERE table_name = '*'"), "a day later: the next one");
        prune(Duration.ofDays(401));
        assertEquals(1, count("storage_sample WHERE table_name = '*'"), "samples over 400 days old go");
    }

    /** Moves the clock on, then runs every rule once. */
    private void prune(Duration after) {
        clock.advance(after);
        new Pruner(db, Pruner.standardRules(SETTINGS), clock, 100).runOnce();
    }

    private long sent(long id, boolean isPublic, Instant at) throws SQLException {
        update("INSERT INTO outbound_activity (id, activity_uri, actor_id, activity_type, body, is_public, created_at)"
                + " VALUES (" + id + ", 'https://camp.example/activities/" + id + "', 1, 'Create', '{}', " + isPublic + ", "
                + at(at) + ")");
        return id;
    }

    private void delivery(long id, long activity, String state, Instant finished) throws SQLException {
        update("INSERT INTO delivery (id, activity_id, inbox, host, state, attempts, next_attempt_at, created_at,"
                + " finished_at) VALUES (" + id + ", " + activity + ", 'https://remote.example/inbox/" + id
                + "', 'remote.example', '" + state + "', 1, " + at(START) + ", " + at(START) + ", " + at(finished) + ")");
    }

    private void notification(long id, Long proposal, Instant readAt) throws SQLException {
        update("INSERT INTO notification (id, member_id, kind, proposal_id, created_at, read_at) VALUES (" + id
                + ", 1, 'RESPONSE', " + proposal + ", " + at(START) + ", " + at(readAt) + ")");
    }

    private void message(long id, long recipient, Instant receivedAt) throws SQLException {
        update("INSERT INTO message (id, uri, member_id, sender_id, content, received_at, context_uri) VALUES (" + id
                + ", 'https://remote.example/notes/m" + id + "', " + recipient + ", 2, 'Is it still there?', "
                + at(receivedAt) + ", 'https://remote.example/offers/" + id + "')");
    }

    private void proposal(long id, String uri, boolean local, String status, Instant deletedAt) throws SQLException {
        long author = local ? 1 : 2;
        update("INSERT INTO proposal (id, uri, is_local, author_id, attributed_to_id, purpose, kind, status, audience,"
                + " source, moderation, title, description, language, ends_at, published_at, deleted_at) VALUES (" + id
                + ", '" + uri + "', " + local + ", " + author + ", " + author + ", 'OFFER', 'GIFT', '" + status
                + "', 'PUBLIC', 'LOCAL', 'VISIBLE', 'Bread', '', 'en', " + at(START.plus(Duration.ofDays(7))) + ", "
                + at(START) + ", " + at(deletedAt) + ")");
    }

    private void response(long id, long proposal) throws SQLException {
        update("INSERT INTO response (id, uri, proposal_id, responder_id, kind, state, is_public, content, created_at)"
                + " VALUES (" + id + ", 'https://remote.example/notes/r" + id + "', " + proposal + ", 2, 'REPLY', 'NEW',"
                + " TRUE, 'Yes please', " + at(START) + ")");
    }

    private void match(long id, long request, long offer, String state) throws SQLException {
        update("INSERT INTO proposal_match (id, request_id, offer_id, score, reasons, state, created_at, updated_at)"
                + " VALUES (" + id + ", " + request + ", " + offer + ", 50, '', '" + state + "', " + at(START) + ", "
                + at(START) + ")");
    }

    private boolean exists(String table, long id) throws SQLException {
        return count(table + " WHERE id = " + id) == 1;
    }

    private long count(String tableAndWhere) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static String at(Instant instant) {
        return instant == null ? "NULL"
                : "'" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
    }
}
