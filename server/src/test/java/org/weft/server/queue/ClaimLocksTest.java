package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.testing.FreshDatabase;

/**
 * Two workers claiming at once (two server processes on one database, or two threads): a claim locks only the
 * rows it takes, so another claim gets the rest straight away, and the longest-waiting rows are taken first. For
 * both queues, on H2 and on MariaDB (WEFT_TEST_DB_URL). With an ORDER BY in the claim, H2 locked every due row
 * before sorting: the second claim then found nothing, and with a backlog every claim took a second. (MariaDB
 * passes either way on these few rows; whether InnoDB locks more depends on its plan.)
 */
class ClaimLocksTest {
    private static final Instant NOW = Instant.now();
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private Database db() {
        return fresh.db();
    }

    @Test
    void anInboundClaimLocksOnlyTheRowsItTakes() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(insert("INSERT INTO inbound_activity (activity_uri, actor_uri, activity_type, body, state, attempts,"
                    + " received_at, next_attempt_at) VALUES ('https://a.example/activities/" + i
                    + "', 'https://a.example/users/rosa', 'Create', '{}', 'PENDING', 0, ?, ?)", dueAt(i)));
        }
        InboundStore store = new InboundStore(db());
        assertOpenClaimLeavesTheRest(InboundStore.CLAIM, ids,
                () -> store.claimDue(10, Duration.ofMinutes(5), NOW));
    }

    @Test
    void aDeliveryClaimLocksOnlyTheRowsItTakes() throws Exception {
        ActorEntity sender = new ActorEntity("https://here.example/groups/camp", ActorKind.GROUP, true, "camp",
                "here.example", NOW);
        sender.setInbox(sender.getUri() + "/inbox");
        sender.setKey(sender.getUri() + "#main-key", "PEM");
        OutboundActivityEntity activity = new OutboundActivityEntity("https://here.example/activities/1", sender,
                "Announce", "{}", true, NOW);
        db().run(s -> {
            s.persist(sender);
            s.persist(activity);
            List<URI> inboxes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                inboxes.add(URI.create("https://host" + i + ".example/inbox"));
            }
            DeliveryQueue.enqueue(s, activity, inboxes, NOW);
        });
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = db().inTransaction(s -> s.createNativeQuery("SELECT id FROM delivery WHERE inbox = ?1", Long.class)
                    .setParameter(1, "https://host" + ids.size() + ".example/inbox").getSingleResult());
            ids.add(id);
            setDue("delivery", id, dueAt(i));
        }
        DeliveryQueue queue = new DeliveryQueue(db());
        assertOpenClaimLeavesTheRest(DeliveryQueue.claimQuery(0), ids,
                () -> queue.claimDue(10, Set.of(), Duration.ofMinutes(2), NOW).stream().map(ClaimedDelivery::id).toList());
    }

    /**
     * {@code ids} are oldest due first. One claim (parameters: now, then the limit) stays open holding a row; the other
     * claim must get the rest.
     */
    private void assertOpenClaimLeavesTheRest(String openClaim, List<Long> ids,
                                              java.util.function.Supplier<List<Long>> claim) throws Exception {
        try (Connection other = db().dataSource().getConnection()) {
            other.setAutoCommit(false);
            List<Long> held = new ArrayList<>();
            // The claims are written for Hibernate (?1, ?2…); plain JDBC on MariaDB wants bare ?.
            try (PreparedStatement select = other.prepareStatement(openClaim.replaceAll("\\?\\d+", "?"))) {
                select.setTimestamp(1, Timestamp.from(NOW));
                select.setInt(2, 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getLong(1));
                    }
                }
            }
            assertEquals(List.of(ids.get(0)), held, "the longest-waiting row first");
            List<Long> claimed = CompletableFuture.supplyAsync(claim).get(20, TimeUnit.SECONDS);
            assertEquals(new HashSet<>(ids.subList(1, ids.size())), new HashSet<>(claimed),
                    "every row the open claim did not take");
            other.rollback();
        }
        assertTrue(claim.get().contains(ids.get(0)), "released by the rollback, the first row is due again");
    }

    private static Instant dueAt(int i) {
        return NOW.minusSeconds(3600).plusSeconds(i);
    }

    private long insert(String sql, Instant due) throws Exception {
        try (Connection c = db().dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, Timestamp.from(due));
            insert.setTimestamp(2, Timestamp.from(due));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void setDue(String table, long id, Instant due) throws Exception {
        try (Connection c = db().dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET next_attempt_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(due));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
