package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.activitypub.vocab.AgreementOffer;

/**
 * V22 and V23 give an agreement response its Agreement's id in its own row. One received before them takes it from
 * its Offer while the inbound table still keeps that; one whose Offer is gone or unreadable, and every other kind of
 * response, keep none. Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class AgreementIdMigrationTest {
    private static final String NOW = "2026-11-01 10:00:00";
    @RegisterExtension
    final OlderSchema older = new OlderSchema();

    @Test
    void anAgreementReceivedBeforeV22TakesItsIdFromItsKeptOffer() throws SQLException {
        // Weft's own migrations (the Java one, 14, included) up to the last before the response kept its agreement id.
        older.migrateTo("20");
        String kept = offer("https://camp-b.example/activities/offer/1", "https://camp-b.example/agreements/1");
        older.insertWithoutForeignKeys(c -> {
            insertResponse(c, 1, "https://camp-b.example/activities/offer/1", "AGREEMENT");
            insertResponse(c, 2, "https://camp-b.example/activities/offer/2", "AGREEMENT"); // its Offer was pruned
            insertResponse(c, 3, "https://camp-b.example/activities/offer/3", "AGREEMENT"); // its Offer is unreadable
            insertResponse(c, 4, "https://mastodon.example/users/rosa/statuses/4", "REPLY");
            insertInbound(c, 1, "https://camp-b.example/activities/offer/1", "Offer", kept);
            insertInbound(c, 3, "https://camp-b.example/activities/offer/3", "Offer", "{\"type\": \"Offer\"}");
            insertInbound(c, 4, "https://mastodon.example/users/rosa/statuses/4/activity", "Create", "{}");
        });

        try (Database db = older.upgrade()) {
            assertEquals("https://camp-b.example/agreements/1", agreementOf(db, 1));
            assertNull(agreementOf(db, 2), "no Offer left to read it from");
            assertNull(agreementOf(db, 3));
            assertNull(agreementOf(db, 4), "a reply is no agreement");
        }
    }

    private static String offer(String offerId, String agreementId) {
        return new AgreementOffer(offerId, "https://camp-b.example/users/bob", "https://camp-a.example/users/amina",
                agreementId, "https://camp-a.example/proposals/7f3c9a#primary", "transfer", null, "<p>Two, please.</p>",
                Instant.parse("2026-11-01T09:00:00Z")).toActivity().toJson().toString();
    }

    private static void insertResponse(Connection c, long id, String uri, String kind) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO response (id, uri, proposal_id, responder_id, kind,"
                + " state, is_public, content, created_at) VALUES (?, ?, 10, 20, ?, 'NEW', FALSE, '', '" + NOW + "')")) {
            insert.setLong(1, id);
            insert.setString(2, uri);
            insert.setString(3, kind);
            insert.executeUpdate();
        }
    }

    private static void insertInbound(Connection c, long id, String uri, String type, String body) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_activity (id, activity_uri, actor_uri,"
                + " activity_type, body, state, attempts, received_at, next_attempt_at)"
                + " VALUES (?, ?, 'https://camp-b.example/users/bob', ?, ?, 'DONE', 1, '" + NOW + "', '" + NOW + "')")) {
            insert.setLong(1, id);
            insert.setString(2, uri);
            insert.setString(3, type);
            insert.setString(4, body);
            insert.executeUpdate();
        }
    }

    private static String agreementOf(Database db, long responseId) {
        return db.inTransaction(s -> s.find(ResponseEntity.class, responseId).getAgreementUri());
    }
}
