package org.weft.server.domain.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.poll.PollFederation;
import org.weft.server.domain.poll.PollService;
import org.weft.server.domain.poll.PollWire;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.PollRepository;
import org.weft.server.queue.Outbox;
import org.weft.server.testing.LockWaits;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The closing job run by two nodes at the same moment (a lease that lapsed, a slow node): both find the ended poll,
 * and both are made to wait on its row until the test lets go, so their transactions truly overlap. One closes it
 * and decides; the other finds it closed. The rules change once, the log has one outcome, followers are owed one
 * final Update. On H2 and on MariaDB.
 */
class DecisionClosingTest {
    @Test
    void twoNodesClosingAtOnceDecideOnce() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock)) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            // Ends in a year of the test clock's time: the server's own timer never closes it; the two nodes do.
            String poll = ApiClient.expect(201, amina.post("/groups/block3/decisions", "{\"rules\":\"Meet on Fridays.\","
                    + "\"endsAt\":\"" + clock.instant().plus(Duration.ofDays(30)) + "\"}")).path("uri").asText();
            ApiClient.expect(200, dina.post(URI.create(poll).getRawPath() + "/votes", "{\"choices\":[0]}"));
            TestClock later = new TestClock(clock.instant().plus(Duration.ofDays(31)));
            Database db = weft.server().db();
            PollService nodeOne = node(db, weft, later);
            PollService nodeTwo = node(db, weft, later);

            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                CountDownLatch held = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Future<?> holder = threads.submit(() -> db.run(s -> {
                    PollRepository.lockByUri(s, poll).orElseThrow();
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                held.await();
                Future<Integer> one = threads.submit(nodeOne::closeEnded);
                Future<Integer> two = threads.submit(nodeTwo::closeEnded);
                // Looked at every 250 ms: InnoDB refreshes the lock tables' copy only once it has gone unread for
                // 0.1 s, and looking every 25 ms kept the first copy, taken before the nodes waited, until their waits
                // timed out (50 s: the stall CI saw). On a timeout, what the nodes were doing.
                WaitFor.condition(() -> "both nodes wait for the poll's row; node one: " + outcome(one)
                        + ", node two: " + outcome(two) + "; transactions now: " + transactions(db),
                        Duration.ofSeconds(30), Duration.ofMillis(250), () -> LockWaits.now(db) >= 2);
                release.countDown();
                holder.get();
                assertEquals(1, one.get() + two.get(), "one of them closed it");
            } finally {
                threads.shutdownNow();
            }
            assertEquals(0, nodeOne.closeEnded(), "a later run finds nothing to close");

            JsonNode log = TestHttp.json(TestHttp.get(weft.base() + "/moderation-log/block3?format=json",
                    "application/json").body());
            List<String> kinds = new ArrayList<>();
            log.path("items").forEach(i -> kinds.add(i.path("kind").asText()));
            assertEquals(List.of("decision_adopted"), kinds);
            JsonNode decisions = ApiClient.expect(200, ApiClient.anonymous(weft).get("/groups/block3/decisions"));
            assertEquals(1, decisions.path("decisions").size());
            assertEquals("adopted", decisions.path("decisions").path(0).path("outcome").asText());
            assertEquals(1, decisions.path("decisions").path(0).path("counts").path("voters").asInt());
            int updates = db.inTransaction(s -> ((Number) s.createNativeQuery("select count(*) from outbound_activity"
                    + " where activity_type = 'Update'", Object.class).getSingleResult()).intValue());
            assertEquals(1, updates,
                    "one final Update is owed to followers");
        }
    }

    /** How a node's run ended, or that it has not, for a timeout's message. */
    private static String outcome(Future<Integer> node) {
        if (!node.isDone()) {
            return "still running";
        }
        try {
            return "closed " + node.get();
        } catch (ExecutionException e) {
            return "failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** What the database's transactions are doing, for a timeout's message. */
    private static String transactions(Database db) {
        String sql = TestDatabases.usingMariaDb()
                ? "select group_concat(concat(trx_state, ': ', coalesce(trx_query, '-')) separator ' | ')"
                        + " from information_schema.innodb_trx"
                : "select group_concat(concat(coalesce(cast(blocker_id as varchar), 'none'), ': ',"
                        + " coalesce(executing_statement, '-')) separator ' | ') from information_schema.sessions";
        Object waiting = db.inTransaction(s -> s.createNativeQuery(sql, Object.class).getSingleResult());
        return String.valueOf(waiting);
    }

    private static PollService node(Database db, TestServers.Instance weft, Clock clock) {
        ModerationLog log = new ModerationLog(db);
        Outbox outbox = new Outbox(weft.server().urls(), new JsonLdCodec(), clock);
        return new PollService(db, weft.server().urls(), new PollFederation(new PollWire(weft.server().urls()), outbox),
                log, clock, new DecisionOutcomes(log));
    }
}
