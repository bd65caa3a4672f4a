package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.CapturedLog;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.WaitFor;

/**
 * The inbound worker retries a failing activity as its RetryPolicy says: 30 s, then 1, 2 and 4 minutes later, and
 * after the fifth failure keeps it as FAILED and never tries it again, while other activities go on being processed.
 * Its first failure is logged at INFO, every later one at WARNING (what an operator's log, and a test's, shows).
 * Runs on H2 and on MariaDB (WEFT_TEST_DB_URL).
 */
class InboundWorkerRetryTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final String BAD = "https://peer.example/activities/bad";
    private static final String GOOD = "https://peer.example/activities/good";

    @Test
    void aFailingActivityIsRetriedOnTheDoublingScheduleThenKeptAsFailed() throws Exception {
        Path dir = TestDatabases.tempDir();
        DatabaseSettings settings = TestDatabases.fresh(dir);
        TestClock clock = new TestClock(START);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        InboundHandler handler = activity -> {
            calls.computeIfAbsent(activity.id(), id -> new AtomicInteger()).incrementAndGet();
            if (activity.id().equals(BAD)) {
                throw new IOException("the sender's server is unreachable");
            }
            return Optional.empty();
        };
        Logger log = Logger.getLogger(InboundWorker.class.getName());
        Level before = log.getLevel();
        log.setLevel(Level.INFO); // the tests' logging shows WARNING and up: INFO must reach the capture too
        CapturedLog logged = CapturedLog.everything(log);
        try (Database db = Database.open(settings, dir)) {
            InboundWorker worker = new InboundWorker(db, new InboundStore(db), handler, new JsonLdCodec(),
                    RetryPolicy.doubling(Duration.ofSeconds(30), 5), clock, 1, new ForegroundRequests());
            try (InboxWriter writer = new InboxWriter(db.dataSource(), worker::poke)) {
                writer.start();
                worker.start();
                writer.store(BAD, "https://peer.example/users/p", "Follow", follow(BAD), clock.instant());

                List<Duration> waits = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(4));
                for (int attempt = 1; attempt <= 4; attempt++) {
                    int expected = attempt;
                    WaitFor.condition("attempt " + attempt, () -> row(db).getAttempts() == expected);
                    assertEquals(InboundActivityEntity.State.PENDING, row(db).getState());
                    assertEquals(clock.instant().plus(waits.get(attempt - 1)), nextAttemptAt(db), "after attempt " + attempt);
                    clock.advance(waits.get(attempt - 1).minusSeconds(1));
                    worker.poke();
                    writer.store(GOOD + attempt, "https://peer.example/users/p", "Follow", follow(GOOD + attempt),
                            clock.instant());
                    WaitFor.condition("a later activity is processed meanwhile", () -> calls.containsKey(GOOD + expected));
                    assertEquals(attempt, calls.get(BAD).get(), "not retried a second early");
                    clock.advance(Duration.ofSeconds(1));
                    worker.poke();
                }
                WaitFor.condition("the fifth attempt fails for good",
                        () -> row(db).getState() == InboundActivityEntity.State.FAILED);
                assertEquals(5, row(db).getAttempts());
                assertTrue(row(db).getLastError().contains("unreachable"), row(db).getLastError());

                clock.advance(Duration.ofDays(3));
                worker.poke();
                writer.store(GOOD, "https://peer.example/users/p", "Follow", follow(GOOD), clock.instant());
                WaitFor.condition("a later activity is processed", () -> calls.containsKey(GOOD));
                assertEquals(5, calls.get(BAD).get(), "a failed activity is not tried again");
                List<LogRecord> failures = logged.records().stream().filter(r -> r.getMessage().contains(BAD)).toList();
                assertEquals(List.of(Level.INFO, Level.WARNING, Level.WARNING, Level.WARNING, Level.WARNING),
                        failures.stream().map(LogRecord::getLevel).toList());
                assertTrue(failures.get(4).getMessage().contains("giving up"), failures.get(4).getMessage());
            } finally {
                worker.stopClaiming();
                worker.close();
            }
        } finally {
            logged.close();
            log.setLevel(before);
            TestDatabases.drop(settings);
        }
    }

    private static String follow(String id) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Follow\","
                + "\"actor\":\"https://peer.example/users/p\",\"object\":\"https://camp.example/groups/block3\"}";
    }

    private static InboundActivityEntity row(Database db) {
        return db.inTransaction(s -> s.createSelectionQuery("from InboundActivityEntity where activityUri = :u",
                InboundActivityEntity.class).setParameter("u", BAD).getSingleResult());
    }

    private static Instant nextAttemptAt(Database db) {
        return db.inTransaction(s -> s.createSelectionQuery(
                "select nextAttemptAt from InboundActivityEntity where activityUri = :u", Instant.class)
                .setParameter("u", BAD).getSingleResult());
    }
}
