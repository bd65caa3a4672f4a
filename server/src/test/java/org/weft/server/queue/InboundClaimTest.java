package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestServers;

/**
 * Two workers claiming inbound activities at once (two server processes on one database, or two threads): a
 * claim locks only the rows it takes, so the other claim gets the rest straight away, and the oldest due rows are
 * taken first. On H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class InboundClaimTest {

    @Test
    void aClaimLocksOnlyTheRowsItTakesAndTakesTheOldestFirst() throws Exception {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().inboundWorker().stopClaiming(); // this test claims by hand
            Instant base = Instant.now().minusSeconds(3600);
            for (int i = 0; i < 5; i++) {
                insertPending(weft, "https://a.example/activities/" + i, base.plusSeconds(i));
            }
            InboundStore store = new InboundStore(weft.server().db());
            try (Connection other = weft.server().db().dataSource().getConnection()) {
                other.setAutoCommit(false);
                List<Long> held = new ArrayList<>();
                try (PreparedStatement claim = other.prepareStatement(InboundStore.claimQuery(1))) {
                    claim.setTimestamp(1, Timestamp.from(Instant.now()));
                    try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                            held.add(rs.getLong(1));
                        }
                    }
                }
                assertEquals(List.of(idOf(weft, "https://a.example/activities/0")), held, "the oldest due row first");

                List<Long> claimed = CompletableFuture.supplyAsync(
                        () -> store.claimDue(10, Duration.ofMinutes(5), Instant.now())).get(20, TimeUnit.SECONDS);
                Set<Long> rest = new HashSet<>();
                for (int i = 1; i < 5; i++) {
                    rest.add(idOf(weft, "https://a.example/activities/" + i));
                }
                assertEquals(rest, new HashSet<>(claimed), "every row the open claim did not take");
                other.rollback();
            }
            assertTrue(store.claimDue(10, Duration.ofMinutes(5), Instant.now()).contains(
                    idOf(weft, "https://a.example/activities/0")), "released by the rollback, the first row is due again");
        }
    }

    private static void insertPending(TestServers.Instance weft, String uri, Instant due) throws Exception {
        try (Connection c = weft.server().db().dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_activity (activity_uri, actor_uri,"
                     + " activity_type, body, state, attempts, received_at, next_attempt_at)"
                     + " VALUES (?, 'https://a.example/users/rosa', 'Create', '{}', 'PENDING', 0, ?, ?)")) {
            insert.setString(1, uri);
            insert.setTimestamp(2, Timestamp.from(due));
            insert.setTimestamp(3, Timestamp.from(due));
            insert.executeUpdate();
        }
    }

    private static long idOf(TestServers.Instance weft, String uri) {
        return weft.server().db().inTransaction(s -> s.createNativeQuery(
                "SELECT id FROM inbound_activity WHERE activity_uri = ?1", Long.class).setParameter(1, uri).getSingleResult());
    }
}
