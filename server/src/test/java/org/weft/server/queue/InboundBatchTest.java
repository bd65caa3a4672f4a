package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.WaitFor;

/**
 * The inbound worker claims, processes and finishes in batches: with two workers (two processes on one database)
 * every activity is handled exactly once; a poison activity fails alone, its batch's neighbours are done; an Undo
 * waits for its actor's Follow, here and in another process; a redelivered activity is not handled again. On H2 and
 * on MariaDB (WEFT_TEST_DB_URL).
 */
class InboundBatchTest {
    private static final String ACTOR = "https://peer.example/users/p";
    private Path dir;
    private DatabaseSettings settings;
    private Database db;
    private InboxWriter writer;
    private final List<InboundWorker> workers = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
        writer = new InboxWriter(db.dataSource(), () -> workers.forEach(InboundWorker::poke));
        writer.start();
    }

    @AfterEach
    void close() {
        workers.forEach(InboundWorker::stopClaiming);
        workers.forEach(InboundWorker::close);
        writer.close();
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void twoWorkersHandleEveryActivityExactlyOnce() {
        InboundHandler handler = counting(activity -> Optional.empty());
        worker(handler, 3);
        worker(handler, 3);
        for (int i = 0; i < 300; i++) {
            store("https://peer" + i % 7 + ".example/activities/" + i, "https://peer" + i % 7 + ".example/users/a",
                    "Create");
        }
        WaitFor.condition("every row finished", Duration.ofSeconds(60), () -> count("state = 'DONE'") == 300);
        assertEquals(300, calls.size(), "none lost");
        assertTrue(calls.values().stream().allMatch(n -> n.get() == 1), "none handled twice: " + calls);
        assertEquals(0, count("state <> 'DONE'"));
    }

    @Test
    void aPoisonActivityFailsAloneAndItsNeighboursAreDone() {
        InboundHandler handler = counting(activity -> {
            if (activity.id().endsWith("/poison")) {
                throw new IOException("cannot be applied");
            }
            return Optional.empty();
        });
        // Stored before the worker starts, so all of them are in one claim.
        store(ACTOR.replace("users/p", "activities/1"), ACTOR, "Create");
        store(ACTOR.replace("users/p", "activities/poison"), ACTOR, "Create");
        writer.store("https://peer.example/activities/unreadable", ACTOR, "Create", "{not json", Instant.now());
        store(ACTOR.replace("users/p", "activities/2"), ACTOR, "Create");
        worker(handler, 4, RetryPolicy.doubling(Duration.ofSeconds(30), 1));

        WaitFor.condition("all four finished", () -> count("state <> 'PENDING'") == 4);
        assertEquals(2, count("state = 'DONE'"));
        assertEquals("FAILED", state("https://peer.example/activities/poison"));
        assertEquals("FAILED", state("https://peer.example/activities/unreadable"));
        assertEquals("DONE", state("https://peer.example/activities/1"));
        assertEquals("DONE", state("https://peer.example/activities/2"));
        assertEquals(1, count("state = 'FAILED' AND attempts = 1 AND last_error LIKE '%cannot be applied%'"));
        assertEquals(1, count("state = 'FAILED' AND last_error LIKE 'unreadable%'"));
    }

    @Test
    void anUndoWaitsForItsFollowWhileOthersGoOn() throws Exception {
        CountDownLatch followMayFinish = new CountDownLatch(1);
        InboundHandler handler = counting(activity -> {
            if ("Follow".equals(activity.type())) {
                followMayFinish.await(30, TimeUnit.SECONDS);
            }
            return Optional.empty();
        });
        store("https://peer.example/activities/follow", ACTOR, "Follow");
        store("https://peer.example/activities/undo", ACTOR, "Undo");
        store("https://other.example/activities/create", "https://other.example/users/o", "Create");
        worker(handler, 4);

        WaitFor.condition("another actor's later activity is done meanwhile",
                () -> "DONE".equals(state("https://other.example/activities/create")));
        assertTrue(calls.containsKey("https://peer.example/activities/follow"), "the Follow is being handled");
        assertFalse(calls.containsKey("https://peer.example/activities/undo"), "the Undo waits for its Follow");
        followMayFinish.countDown();
        WaitFor.condition("the Undo is done", () -> "DONE".equals(state("https://peer.example/activities/undo")));
        assertEquals(List.of("https://other.example/activities/create", "https://peer.example/activities/follow",
                "https://peer.example/activities/undo"), order, "the order the handler finished them in");
    }

    @Test
    void anUndoWaitsForItsFollowHeldByAnotherProcess() {
        InboundHandler handler = counting(activity -> Optional.empty());
        store("https://peer.example/activities/follow", ACTOR, "Follow");
        // As if another process had claimed the Follow: leased, still pending.
        execute("UPDATE inbound_activity SET next_attempt_at = ?1 WHERE activity_uri = 'https://peer.example/activities/follow'",
                Instant.now().plus(Duration.ofMinutes(5)));
        store("https://peer.example/activities/undo", ACTOR, "Undo");
        store("https://other.example/activities/create", "https://other.example/users/o", "Create");
        worker(handler, 4);

        WaitFor.condition("another actor's later activity is done meanwhile",
                () -> "DONE".equals(state("https://other.example/activities/create")));
        WaitFor.condition("the Undo was looked at and held back", () -> count(
                "activity_uri = 'https://peer.example/activities/undo' AND next_attempt_at > received_at") == 1);
        assertFalse(calls.containsKey("https://peer.example/activities/undo"), "the Undo waits for the other process");
        assertEquals("PENDING", state("https://peer.example/activities/undo"));

        // The other process finishes the Follow: the Undo goes on.
        execute("UPDATE inbound_activity SET state = 'DONE' WHERE activity_uri = 'https://peer.example/activities/follow'",
                null);
        WaitFor.condition("the Undo is done", () -> "DONE".equals(state("https://peer.example/activities/undo")));
        assertEquals(1, calls.get("https://peer.example/activities/undo").get());
    }

    @Test
    void aRedeliveredActivityIsNotHandledAgain() {
        InboundHandler handler = counting(activity -> Optional.empty());
        worker(handler, 4);
        store("https://peer.example/activities/1", ACTOR, "Create");
        store("https://peer.example/activities/1", ACTOR, "Create");
        WaitFor.condition("done", () -> "DONE".equals(state("https://peer.example/activities/1")));
        store("https://peer.example/activities/1", ACTOR, "Create");
        store("https://peer.example/activities/2", ACTOR, "Create");
        WaitFor.condition("a later activity is done", () -> "DONE".equals(state("https://peer.example/activities/2")));
        assertEquals(1, calls.get("https://peer.example/activities/1").get(), "handled once");
        assertEquals(2, count("1 = 1"), "one row per activity id");
    }

    /** A handler body that may throw anything the real handlers may. */
    @FunctionalInterface
    private interface Body {
        Optional<String> apply(org.weft.activitypub.vocab.Activity activity) throws IOException, InterruptedException;
    }

    private InboundHandler counting(Body body) {
        return activity -> {
            calls.computeIfAbsent(activity.id(), id -> new AtomicInteger()).incrementAndGet();
            try {
                Optional<String> result = body.apply(activity);
                order.add(activity.id());
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        };
    }

    private void worker(InboundHandler handler, int concurrency) {
        worker(handler, concurrency, RetryPolicy.doubling(Duration.ofSeconds(30), 5));
    }

    private void worker(InboundHandler handler, int concurrency, RetryPolicy retries) {
        InboundWorker worker = new InboundWorker(db, new InboundStore(db), handler, new JsonLdCodec(), retries,
                Clock.systemUTC(), concurrency, new ForegroundRequests());
        workers.add(worker);
        worker.start();
    }

    private void store(String id, String actor, String type) {
        String object = "Undo".equals(type)
                ? "{\"id\":\"https://peer.example/activities/follow\",\"type\":\"Follow\",\"actor\":\"" + actor
                        + "\",\"object\":\"https://camp.example/groups/block3\"}"
                : "\"https://camp.example/groups/block3\"";
        writer.store(id, actor, type, "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id
                + "\",\"type\":\"" + type + "\",\"actor\":\"" + actor + "\",\"object\":" + object + "}", Instant.now());
    }

    private long count(String where) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM inbound_activity WHERE " + where,
                Long.class).getSingleResult());
    }

    private String state(String activityId) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT state FROM inbound_activity WHERE activity_uri = ?1",
                String.class).setParameter(1, activityId).uniqueResultOptional().orElse(null));
    }

    private void execute(String sql, Instant at) {
        db.run(s -> {
            var update = s.createNativeMutationQuery(sql);
            if (at != null) {
                update.setParameter(1, at);
            }
            update.executeUpdate();
        });
    }
}
