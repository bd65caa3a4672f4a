package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.model.ActorKind;
import org.weft.server.queue.ClaimedDelivery;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.queue.InboundStore;
import org.weft.server.queue.InboxWriter;
import org.weft.server.testing.FreshDatabase;
import org.weft.server.testing.TestDatabases;

/** Runs on H2 by default and on MariaDB when WEFT_TEST_DB_URL is set (CI does both). */
class DatabaseTest {
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();
    private Database db;

    @BeforeEach
    void open() {
        db = fresh.db();
    }

    @Test
    void migrationsProduceTheSchemaTheEntitiesMap() {
        // Another handle on the freshly migrated database, asking Hibernate to check every mapped column against it.
        assertDoesNotThrow(() -> Database.open(fresh.settings(), fresh.dir(), true).close());
    }

    @Test
    void aColumnAnEntityMapsButTheSchemaLacksIsCaught() {
        db.run(s -> s.createNativeMutationQuery("ALTER TABLE message DROP COLUMN read_at").executeUpdate());
        RuntimeException refused = assertThrows(RuntimeException.class, () -> Database.open(fresh.settings(), fresh.dir(), true).close());
        String messages = Stream.iterate((Throwable) refused, t -> t != null, Throwable::getCause).map(Throwable::getMessage)
                .toList().toString();
        assertTrue(messages.contains("read_at"), "the validation names the missing column: " + messages);
    }

    @Test
    void theTestsRunOnTheDatabaseTheEnvironmentNames() {
        assertEquals(TestDatabases.usingMariaDb(), !db.isEmbedded());
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsRows() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        db.run(s -> s.persist(actor("https://a.example/users/rosa", created)));
        db = fresh.reopen(false);
        ActorEntity again = db.inTransaction(s -> s.createSelectionQuery("from ActorEntity where uri = :u", ActorEntity.class)
                .setParameter("u", "https://a.example/users/rosa").getSingleResult());
        assertEquals(created, again.getCreatedAt());
    }

    @Test
    void actorUriIsUnique() {
        db.run(s -> s.persist(actor("https://a.example/users/same", Instant.now())));
        assertThrows(RuntimeException.class,
                () -> db.run(s -> s.persist(actor("https://a.example/users/same", Instant.now()))));
        long count = db.inTransaction(s -> s.createSelectionQuery("select count(*) from ActorEntity", Long.class)
                .getSingleResult());
        assertEquals(1, count);
    }

    @Test
    void textOverSixtyFourKilobytesFits() {
        String big = "x".repeat(200_000);
        ActorEntity a = actor("https://a.example/users/big", Instant.now());
        a.setSummary(big);
        db.run(s -> s.persist(a));
        String read = db.inTransaction(s -> s.find(ActorEntity.class, a.getId()).getSummary());
        assertEquals(big.length(), read.length());
    }

    @Test
    void aRowAnotherWorkerHoldsIsSkippedNotWaitedFor() throws Exception {
        ActorEntity sender = actor("https://a.example/users/sender", Instant.now());
        db.run(s -> {
            s.persist(sender);
            OutboundActivityEntity activity = new OutboundActivityEntity("https://a.example/activities/1", sender, "Create", "{}", true,
                    Instant.now().minusSeconds(60));
            s.persist(activity);
            DeliveryQueue.enqueue(s, activity, List.of(URI.create("https://b.example/inbox"),
                    URI.create("https://c.example/inbox")),
                    Instant.now().minusSeconds(60));
        });
        try (Connection other = db.dataSource().getConnection()) {
            // Another worker (another process, say) holds the row for b.example in an open transaction.
            other.setAutoCommit(false);
            try (PreparedStatement statement = other.prepareStatement(
                    "SELECT id FROM delivery WHERE host = 'b.example' FOR UPDATE");
                 ResultSet held = statement.executeQuery()) {
                assertTrue(held.next());
            }
            List<ClaimedDelivery> claimed = CompletableFuture.supplyAsync(() -> new DeliveryQueue(db)
                    .claimDue(10, Set.of(), Duration.ofMinutes(2), Instant.now()))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of("c.example"), claimed.stream().map(ClaimedDelivery::host).toList());
            other.rollback();
        }
    }

    @Test
    void redeliveredInboundActivityIsStoredOnce() {
        InboundStore store = new InboundStore(db);
        Instant now = Instant.now();
        try (InboxWriter writer = new InboxWriter(db.dataSource(), () -> { })) {
            writer.start();
            assertTrue(writer.store("https://a.example/activities/1", "https://a.example/users/rosa", "Follow", "{}", now));
            assertEquals(false, writer.store("https://a.example/activities/1", "https://a.example/users/rosa", "Follow", "{}",
                    now));
        }
        assertEquals(1, store.countPending());
    }

    static ActorEntity actor(String uri, Instant created) {
        ActorEntity a = new ActorEntity(uri, ActorKind.PERSON, false, "rosa", "a.example", created);
        a.setInbox(uri + "/inbox");
        a.setKey(uri + "#main-key", "PEM");
        return a;
    }
}
