package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.delivery.DeliveryOutcome;
import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.WaitFor;

/**
 * The delivery worker against a real database (H2, or MariaDB with WEFT_TEST_DB_URL) with a transport that answers
 * from memory: outcomes are stored in batches, and neither a failed batch nor a shutdown loses a row.
 */
class DeliveryWorkerTest {
    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);

    private Path dir;
    private DatabaseSettings settings;
    private Database db;
    private DeliveryQueue queue;
    /** POSTs per inbox, as the transport saw them. */
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
        queue = new DeliveryQueue(db);
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void everyOutcomeIsStoredAndTheyShareWrites() {
        AtomicInteger writes = new AtomicInteger();
        enqueue(200, "ok");
        enqueue(5, "gone");
        enqueue(5, "busy");
        Instant start = Instant.now();
        try (DeliveryWorker worker = worker(Duration.ofMinutes(2), batch -> {
            writes.incrementAndGet();
            queue.record(batch);
        })) {
            worker.start();
            worker.poke();
            WaitFor.condition("every row has its outcome", () -> rows().stream().allMatch(r -> r.getAttempts() == 1));
        }
        List<DeliveryEntity> rows = rows();
        for (DeliveryEntity row : rows) {
            switch (row.getInbox().substring(row.getInbox().lastIndexOf('/') + 1)) {
                case "ok" -> {
                    assertEquals(DeliveryEntity.State.DELIVERED, row.getState());
                    assertEquals(202, row.getLastStatus());
                }
                case "gone" -> {
                    assertEquals(DeliveryEntity.State.GAVE_UP, row.getState());
                    assertEquals(410, row.getLastStatus());
                }
                default -> {
                    assertEquals(DeliveryEntity.State.PENDING, row.getState());
                    assertEquals(503, row.getLastStatus());
                    assertTrue(row.getNextAttemptAt().isAfter(start.plus(Duration.ofMinutes(9))),
                            "Retry-After (10 minutes) is kept: " + row.getNextAttemptAt());
                }
            }
        }
        assertEquals(210, rows.size());
        assertTrue(posts.values().stream().allMatch(n -> n.get() == 1), "each inbox got one POST");
        assertTrue(writes.get() < 210, "outcomes share transactions, got " + writes.get() + " writes for 210 rows");
    }

    @Test
    void rowsWhoseOutcomeCouldNotBeWrittenAreSentAgainAfterTheLease() {
        enqueue(20, "ok");
        AtomicInteger writes = new AtomicInteger();
        try (DeliveryWorker worker = worker(SHORT_LEASE, batch -> {
            if (writes.incrementAndGet() == 1) {
                throw new IllegalStateException("simulated: the database went away for a moment");
            }
            queue.record(batch);
        })) {
            worker.start();
            worker.poke();
            WaitFor.condition("every row delivered in the end",
                    () -> rows().stream().allMatch(r -> r.getState() == DeliveryEntity.State.DELIVERED));
        }
        assertEquals(20, posts.size(), "every inbox got the activity");
        assertTrue(posts.values().stream().anyMatch(n -> n.get() == 2), "the unrecorded rows were sent again");
    }

    @Test
    void closeStoresTheOutcomesStillWaitingToBeWritten() throws Exception {
        // As many as may be out with their outcome unstored: all of them answer while the writer hangs.
        enqueue(DeliveryWorker.MAX_UNRECORDED, "ok");
        // A slow disk: the writer's first write hangs. Only one inbox answers before that write has begun, so
        // the other answers must wait behind it, whatever the machine's speed.
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        DeliveryTransport oneAnswerFirst = (inbox, body, sender) -> {
            if (answered.incrementAndGet() > 1) {
                await(writerStuck);
            }
            return answer(inbox, body, sender);
        };
        AtomicInteger batches = new AtomicInteger();
        DeliveryWorker worker = worker(Duration.ofMinutes(2), oneAnswerFirst, batch -> {
            if (batches.incrementAndGet() == 1) {
                writerStuck.countDown();
                await(release);
            }
            queue.record(batch);
        });
        worker.start();
        worker.poke();
        WaitFor.condition("every inbox answered", () -> posts.size() == DeliveryWorker.MAX_UNRECORDED);
        assertEquals(1, batches.get(), "the writer is still in its first batch");
        assertTrue(rows().stream().noneMatch(r -> r.getState() == DeliveryEntity.State.DELIVERED),
                "every answer is still waiting to be written when close() begins");

        Thread closer = Thread.ofPlatform().start(worker::close);
        WaitFor.condition("close() is waiting for the outcome writer", () -> waitingIn(closer, OutcomeRecorder.class, "close"));
        release.countDown();
        closer.join(Duration.ofSeconds(20));
        assertFalse(closer.isAlive(), "close() returned");
        assertTrue(rows().stream().allMatch(r -> r.getState() == DeliveryEntity.State.DELIVERED),
                "answered before the shutdown, so recorded by it (and not sent again after a restart)");
    }

    @Test
    void closeHandsBackRowsWhoseOutcomeCouldNotBeWritten() {
        enqueue(10, "ok");
        DeliveryWorker worker = worker(Duration.ofMinutes(2), batch -> {
            throw new IllegalStateException("simulated: every write fails");
        });
        worker.start();
        worker.poke();
        WaitFor.condition("every inbox answered", () -> posts.size() == 10);
        worker.close();
        Instant now = Instant.now();
        for (DeliveryEntity row : rows()) {
            assertEquals(DeliveryEntity.State.PENDING, row.getState());
            assertEquals(0, row.getAttempts());
            assertFalse(row.getNextAttemptAt().isAfter(now), "due again at once, not after the two-minute lease");
        }
    }

    @Test
    void rowsForABusyHostAreSentAsSoonAsTheHostHasRoom() {
        enqueue(20, "ok", i -> "https://one.example/users/u" + i + "/inbox/ok");
        // A clock that stands still: a row handed back "for a moment" would never be due again.
        Clock stopped = Clock.fixed(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), java.time.ZoneOffset.UTC);
        HostGate gate = new HostGate(2, 5, Duration.ofMinutes(1), stopped);
        try (DeliveryWorker worker = new DeliveryWorker(db, queue, this::answer, gate, new RetryPolicy(), stopped, 16,
                new ForegroundRequests(), Duration.ofMinutes(2), DeliveryWorker.SLOW, queue::record)) {
            worker.start();
            worker.poke();
            WaitFor.condition("every row for the one host delivered",
                    () -> rows().stream().allMatch(r -> r.getState() == DeliveryEntity.State.DELIVERED));
        }
        assertTrue(posts.values().stream().allMatch(n -> n.get() == 1));
    }

    /**
     * What a kill -9 sends twice is what was sent and not yet stored: while the outcome writer is stuck, no more than
     * MAX_UNRECORDED deliveries go out to hosts that answer, however many workers are free; once it writes, the rest
     * follow. (No host here counts as slow, however busy the machine running the test: that is the next test's case.)
     */
    @Test
    void noMoreThanTenDeliveriesAreOutWithTheirOutcomeUnstored() {
        enqueue(60, "ok");
        CountDownLatch writerStuck = new CountDownLatch(1);
        try (DeliveryWorker worker = worker(Duration.ofMinutes(2), Duration.ofMinutes(1), this::answer, batch -> {
            await(writerStuck);
            queue.record(batch);
        })) {
            worker.start();
            worker.poke();
            WaitFor.condition("ten POSTs answered", () -> sent() == DeliveryWorker.MAX_UNRECORDED);
            Thread dispatcher = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("weft-delivery")).findFirst().orElseThrow();
            WaitFor.condition("the dispatcher has looked for room again and waits",
                    () -> waitingIn(dispatcher, WorkDispatcher.class, "idle"));
            assertEquals(DeliveryWorker.MAX_UNRECORDED, sent(), "nothing more sent while no outcome is stored");
            writerStuck.countDown();
            WaitFor.condition("every row delivered",
                    () -> rows().stream().allMatch(r -> r.getState() == DeliveryEntity.State.DELIVERED));
        }
        assertEquals(60, sent());
        assertTrue(posts.values().stream().allMatch(n -> n.get() == 1));
    }

    /**
     * Hosts that take their time to answer (100 ms, as many servers on the internet) do not make the fan-out ten at a
     * time: once a POST has been out for {@link DeliveryWorker#SLOW} it stops holding back the others, and every
     * worker is busy. With the bound counting unanswered POSTs for a second, 40 such inboxes took 0.4 s at ten at a time.
     */
    @Test
    void hostsThatTakeTheirTimeAreSentToByEveryWorkerAtOnce() {
        enqueue(40, "ok");
        AtomicInteger out = new AtomicInteger();
        AtomicInteger mostOut = new AtomicInteger();
        DeliveryTransport slowHosts = (inbox, body, sender) -> {
            mostOut.accumulateAndGet(out.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100); // the host's time to answer: what this test is about, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.decrementAndGet();
            return answer(inbox, body, sender);
        };
        try (DeliveryWorker worker = worker(Duration.ofMinutes(2), slowHosts, queue::record)) {
            worker.start();
            worker.poke();
            WaitFor.condition("every row delivered",
                    () -> rows().stream().allMatch(r -> r.getState() == DeliveryEntity.State.DELIVERED));
        }
        assertEquals(40, sent());
        assertTrue(posts.values().stream().allMatch(n -> n.get() == 1), "each host got the post once: " + posts);
        assertTrue(mostOut.get() > DeliveryWorker.MAX_UNRECORDED,
                "POSTs out at once: " + mostOut.get() + " (the worker has 16 workers)");
    }

    private int sent() {
        return posts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private DeliveryWorker worker(Duration lease, OutcomeRecorder.Writer<Outcome> writer) {
        return worker(lease, this::answer, writer);
    }

    private DeliveryWorker worker(Duration lease, DeliveryTransport transport, OutcomeRecorder.Writer<Outcome> writer) {
        return worker(lease, DeliveryWorker.SLOW, transport, writer);
    }

    private DeliveryWorker worker(Duration lease, Duration slow, DeliveryTransport transport,
                                  OutcomeRecorder.Writer<Outcome> writer) {
        HostGate gate = new HostGate(2, 5, Duration.ofMinutes(1), Clock.systemUTC());
        return new DeliveryWorker(db, queue, transport, gate, new RetryPolicy(), Clock.systemUTC(), 16, new ForegroundRequests(),
                lease, slow, writer);
    }

    /** The inbox's last path segment says how it answers. */
    private DeliveryOutcome answer(URI inbox, byte[] body, long sender) {
        assertNotNull(body);
        posts.computeIfAbsent(inbox.toString(), k -> new AtomicInteger()).incrementAndGet();
        String path = inbox.getPath();
        if (path.endsWith("/gone")) {
            return new DeliveryOutcome.GiveUp(410, "Gone");
        }
        if (path.endsWith("/busy")) {
            return new DeliveryOutcome.Retry(503, "Service Unavailable", Optional.of(Duration.ofMinutes(10)));
        }
        return new DeliveryOutcome.Delivered(202);
    }

    /** {@code n} rows to inboxes on as many hosts, all due now. */
    private void enqueue(int n, String kind) {
        enqueue(n, kind, i -> "https://h" + i + "-" + kind + ".example/inbox/" + kind);
    }

    private void enqueue(int n, String kind, java.util.function.IntFunction<String> inbox) {
        Instant now = Instant.now();
        db.run(s -> {
            ActorEntity sender = new ActorEntity("https://weft.example/groups/block3-" + kind, ActorKind.GROUP, true,
                    "block3-" + kind, "weft.example", now);
            sender.setInbox(sender.getUri() + "/inbox");
            sender.setKey(sender.getUri() + "#main-key", "PEM");
            s.persist(sender);
            OutboundActivityEntity activity = new OutboundActivityEntity("https://weft.example/activities/" + kind, sender,
                    "Create", "{\"type\":\"Create\"}", true, now);
            s.persist(activity);
            List<URI> inboxes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                inboxes.add(URI.create(inbox.apply(i)));
            }
            DeliveryQueue.enqueue(s, activity, inboxes, now.minusSeconds(1));
        });
    }

    private List<DeliveryEntity> rows() {
        return db.inTransaction(s -> s.createSelectionQuery("from DeliveryEntity", DeliveryEntity.class).getResultList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code thread} is waiting (parked or joining) inside {@code type.method}: it has got that far. */
    static boolean waitingIn(Thread thread, Class<?> type, String method) {
        Thread.State state = thread.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(type.getName()) && f.getMethodName().equals(method));
    }
}
