package org.weft.server.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.client.AddressGuard;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestDatabases;

/**
 * The guard every outgoing request passes: none may be made while the calling thread holds one of the instance's
 * database transactions. Made outside, a request goes out; made inside, it fails (assertions are on in tests), is
 * counted, and never leaves.
 */
class OutsideTransactionsTest {

    @Test
    void aRequestInsideATransactionFailsIsCountedAndNeverSent() throws IOException {
        assertTrue(OutsideTransactions.class.desiredAssertionStatus(), "the tests run with assertions enabled (-ea)");
        Path dir = TestDatabases.tempDir();
        DatabaseSettings settings = TestDatabases.fresh(dir);
        WireMockServer peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        peer.start();
        URI note = URI.create(peer.baseUrl() + "/notes/1");
        peer.stubFor(get(urlPathEqualTo("/notes/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json")
                .withBody("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + note + "\",\"type\":\"Note\"}")));
        try (Database db = Database.open(settings, dir)) {
            OutsideTransactions guard = new OutsideTransactions(db, new AddressGuard(true));
            try (ActivityPubClient client = ActivityPubClient.builder("weft-test").addressCheck(guard).build()) {
                assertEquals(note.toString(), client.fetchObject(note).path("id").asText(), "outside a transaction");

                AssertionError refused = assertThrows(AssertionError.class, () -> db.run(s -> fetch(client, note)));
                assertTrue(refused.getMessage().contains("inside a database transaction"), refused.getMessage());
                assertThrows(AssertionError.class, () -> db.inTransaction(s -> db.inTransaction(inner -> fetch(client, note))),
                        "nested transactions are inside one too");
                assertEquals(1, db.transactionsInsideTransactions(), "and the nested transaction is counted itself");
                assertEquals(2, guard.requestsInsideTransactions());
                assertEquals(1, peer.countRequestsMatching(getRequestedFor(urlPathEqualTo("/notes/1")).build()).getCount(),
                        "neither request inside a transaction reached the peer");

                client.fetchObject(note);
                assertEquals(2, guard.requestsInsideTransactions(), "once the transaction is over, requests go out again");
                assertEquals(2, peer.countRequestsMatching(getRequestedFor(urlPathEqualTo("/notes/1")).build()).getCount());
            }
        } finally {
            peer.stop();
            TestDatabases.drop(settings);
        }
    }

    private static String fetch(ActivityPubClient client, URI uri) {
        try {
            return client.fetchObject(uri).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
