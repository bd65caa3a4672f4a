package org.weft.server.queue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.activitypub.delivery.DeliveryOutcome;
import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.OutboundActivityEntity;

/**
 * Sends due deliveries: claims due rows in batches, skipping hosts that are full or whose circuit is
 * open, and hands them to free workers; each delivery runs on its own virtual thread. Outcomes go to an
 * {@link OutcomeRecorder}, which writes them in batches, so a worker is free for the next inbox as soon as
 * the POST is answered and a fan-out does not cost one commit per inbox.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    /** How long a claimed row stays hidden from other workers; longer than any single attempt can take. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * How many deliveries may be answered (or about to be, by a host that answers at once) with their outcome not yet
     * stored: what a {@code kill -9} makes this server send twice although it had heard back. 1 % of a fan-out to a
     * thousand inboxes; the recorder's writes set the pace around it.
     */
    static final int MAX_UNRECORDED = 10;
    /**
     * A delivery unanswered for this long is to a host that takes its time (most servers on the internet take 50 to
     * 500 ms); it stops counting against MAX_UNRECORDED until it is answered. Counting it longer would bound how many
     * POSTs to such hosts are out at once, which is the fan-out's pace: with one second here, ten hosts that take
     * 100 ms each set it (950 inboxes in 15 s instead of 2.5 s; BENCHMARKS.md, "G2 with hosts that take their time").
     * The price: a POST in flight at a crash is sent again, so a crash in such a fan-out sends more twice.
     */
    static final Duration SLOW = Duration.ofMillis(20);
    private static final long ANSWERED = Long.MAX_VALUE;
    /** Handed to a worker that has not begun its POST yet (reading the activity): our own time, not the host's. */
    private static final long PREPARING = Long.MAX_VALUE - 1;
    private static final Duration POLL = Duration.ofSeconds(1);

    private final DeliveryQueue queue;
    private final Database db;
    private final DeliveryTransport transport;
    private final HostGate gate;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final WorkDispatcher dispatcher;
    private final Duration lease;
    private final long slowNanos;
    /** Runs {@link WorkDispatcher#poke} when a POST turns slow; one for the worker, not one per POST. */
    private final Executor whenTurnedSlow;
    private final OutcomeRecorder<Outcome> recorder;
    private final Map<Long, Payload> payloads = new LruMap<>(256);
    private final AtomicLong attempts = new AtomicLong();
    /**
     * Rows claimed ahead of free workers, in claim order; only the dispatcher thread touches it. At most one batch
     * (as many rows as workers), so a row waits here at most one turn of the workers, far less than its lease.
     */
    private final Deque<ClaimedDelivery> ready = new ArrayDeque<>();
    private final int claimBatch;
    /** Claimed rows whose outcome is not stored yet (claimed ahead, being sent, or waiting in the recorder). */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Rows handed to a worker whose outcome is not stored yet: {@link #PREPARING}, then when the POST began
     * (System.nanoTime), then {@link #ANSWERED} once the host answered. A process killed now sends these again after
     * the lease, so at most {@link #MAX_UNRECORDED} are allowed at once. One still unanswered after {@link #SLOW} (a
     * host that takes its time, or hangs) no longer counts, or slow and dead hosts would set the pace of every
     * delivery; an answered one counts until it is stored, however slow the database.
     */
    private final Map<Long, Long> unrecorded = new ConcurrentHashMap<>();

    public DeliveryWorker(Database db, DeliveryQueue queue, DeliveryTransport transport, HostGate gate,
                          RetryPolicy retryPolicy, Clock clock, int concurrency, ForegroundRequests foreground) {
        this(db, queue, transport, gate, retryPolicy, clock, concurrency, foreground, LEASE, SLOW, queue::record);
    }

    /** As the public constructor, with the lease, the time after which a host is slow, and the outcome writer of a test. */
    DeliveryWorker(Database db, DeliveryQueue queue, DeliveryTransport transport, HostGate gate, RetryPolicy retryPolicy,
                   Clock clock, int concurrency, ForegroundRequests foreground, Duration lease, Duration slow,
                   OutcomeRecorder.Writer<Outcome> outcomes) {
        this.db = db;
        this.queue = queue;
        this.transport = transport;
        this.gate = gate;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.lease = lease;
        this.slowNanos = slow.toNanos();
        this.whenTurnedSlow = CompletableFuture.delayedExecutor(slowNanos, TimeUnit.NANOSECONDS);
        this.claimBatch = concurrency;
        this.recorder = new OutcomeRecorder<>("weft-delivery-outcomes", batch -> {
            try {
                outcomes.write(batch);
            } catch (RuntimeException e) {
                // Not stored: the rows stay leased and are sent again after the lease, and no longer hold up others.
                batch.forEach(o -> unrecorded.remove(o.deliveryId()));
                throw e;
            }
        }, this::stored);
        this.dispatcher = new WorkDispatcher("weft-delivery", concurrency, POLL, foreground, this::claim);
    }

    public void start() {
        recorder.start();
        dispatcher.start();
    }

    /** Claims nothing more (the first step of shutting down); running work goes on until {@link #close()}. */
    public void stopClaiming() {
        dispatcher.stop();
    }

    /** Tells the worker that new rows are due, so it does not wait for its next poll. */
    public void poke() {
        dispatcher.poke();
    }

    /** Number of POST attempts made by this worker since start (benchmarks count them). */
    public long attempts() {
        return attempts.get();
    }

    /**
     * Stops claiming, cuts off deliveries in progress, writes the outcomes already known, and makes the rows
     * still held due again at once (from this thread: the interrupted ones may not be able to reach the database).
     * A crash skips this; then the rows come back when their lease runs out.
     */
    @Override
    public void close() {
        dispatcher.close();
        recorder.close();
        if (!inFlight.isEmpty()) {
            queue.releaseAll(List.copyOf(inFlight), clock.instant());
        }
    }

    /**
     * Turns claimed rows whose host has room into tasks, one per free worker; the others go back, due at once.
     * Claims from the database only when the rows claimed ahead run short, and then a whole batch: each claim is a
     * commit (a log flush; tens of milliseconds on H2), and it runs on the one dispatcher thread, so claiming just the
     * one or two slots that came free would make the claims, not the POSTs, the pace of a fan-out.
     */
    private List<Runnable> claim(int freeSlots) {
        int room = Math.min(freeSlots, MAX_UNRECORDED - recentUnrecorded());
        if (room <= 0) {
            return List.of(); // the recorder's next write pokes, and so does each POST when it turns slow
        }
        if (ready.size() < room) {
            List<ClaimedDelivery> claimed = queue.claimDue(claimBatch - ready.size(), gate.blockedHosts(), lease,
                    clock.instant());
            claimed.forEach(delivery -> inFlight.add(delivery.id()));
            ready.addAll(claimed);
        }
        List<Runnable> tasks = new ArrayList<>();
        List<Long> busy = new ArrayList<>();
        while (tasks.size() < room && !ready.isEmpty()) {
            ClaimedDelivery delivery = ready.poll();
            if (gate.tryEnter(delivery.host())) {
                unrecorded.put(delivery.id(), PREPARING);
                tasks.add(() -> send(delivery));
            } else {
                busy.add(delivery.id());
            }
        }
        if (!busy.isEmpty()) {
            // Due again at once: the next claim skips the host while it is full (blockedHosts), so this cannot spin,
            // and a delay here would leave the host idle after its current delivery until the delay or a poll.
            queue.releaseAll(busy, clock.instant());
            busy.forEach(inFlight::remove);
        }
        return tasks;
    }

    /** A batch of outcomes is stored: those rows are no longer held, and there is room to send more. */
    private void stored(List<Outcome> batch) {
        batch.forEach(o -> {
            inFlight.remove(o.deliveryId());
            unrecorded.remove(o.deliveryId());
        });
        dispatcher.poke();
    }

    /** Deliveries handed out whose outcome is not stored yet, but for those whose POST has been out over {@link #SLOW}. */
    private int recentUnrecorded() {
        long since = System.nanoTime() - slowNanos;
        int recent = 0;
        for (long posted : unrecorded.values()) {
            if (posted >= PREPARING || posted - since > 0) {
                recent++;
            }
        }
        return recent;
    }

    private void send(ClaimedDelivery delivery) {
        boolean hostAnswered = false;
        try {
            Payload payload = payload(delivery.activityId());
            attempts.incrementAndGet();
            unrecorded.replace(delivery.id(), System.nanoTime());
            // When it turns slow it stops counting, which makes room without any answer or write: look again then.
            whenTurnedSlow.execute(dispatcher::poke);
            DeliveryOutcome outcome = transport.deliver(URI.create(delivery.inbox()), payload.body(), payload.senderId());
            if (!dispatcher.isRunning() && outcome instanceof DeliveryOutcome.Retry r && r.status() < 0) {
                // Cut off by our own shutdown, not the host's fault: close() puts the row back as due.
                return;
            }
            // The row leaves inFlight once the recorder has stored its outcome, not now.
            unrecorded.replace(delivery.id(), ANSWERED);
            hostAnswered = record(delivery, outcome);
        } catch (RuntimeException e) {
            if (!dispatcher.isRunning()) {
                return;
            }
            LOG.log(Level.WARNING, "Delivery " + delivery.id() + " to " + delivery.inbox() + " failed unexpectedly", e);
            retryOrGiveUp(delivery, -1, e.toString(), Optional.empty());
        } finally {
            gate.leave(delivery.host(), hostAnswered);
        }
    }

    /** Hands the outcome to the recorder; returns whether the host itself answered (for the circuit breaker). */
    private boolean record(ClaimedDelivery delivery, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        return switch (outcome) {
            case DeliveryOutcome.Delivered d -> {
                recorder.add(new Outcome.Delivered(delivery.id(), d.status(), now));
                yield true;
            }
            case DeliveryOutcome.GiveUp g -> {
                LOG.info(() -> "Giving up delivery to " + delivery.inbox() + ": " + g.status() + " " + g.reason());
                recorder.add(new Outcome.GaveUp(delivery.id(), g.status(), g.reason(), now));
                yield true;
            }
            case DeliveryOutcome.Retry r -> {
                retryOrGiveUp(delivery, r.status(), r.reason(), r.retryAfter());
                yield r.status() > 0 && r.status() < 500;
            }
        };
    }

    /** The next attempt as the policy says, no sooner than the host's {@code Retry-After}; or give up. */
    private void retryOrGiveUp(ClaimedDelivery delivery, int status, String reason, Optional<Duration> retryAfter) {
        Instant now = clock.instant();
        Optional<Instant> next = retryPolicy.nextAttempt(delivery.attempts() + 1, now, ThreadLocalRandom.current(),
                retryAfter);
        if (next.isEmpty()) {
            recorder.add(new Outcome.GaveUp(delivery.id(), status, "retries exhausted: " + reason, now));
            return;
        }
        recorder.add(new Outcome.Retry(delivery.id(), status, reason, next.get()));
    }

    /**
     * The activity's bytes and signer, loaded once per activity: the load happens under the cache's lock so the
     * workers that start a fan-out together share one byte array (and so one body digest).
     */
    private Payload payload(long activityId) {
        synchronized (payloads) {
            Payload cached = payloads.get(activityId);
            if (cached == null) {
                cached = db.inTransaction(session -> {
                    OutboundActivityEntity activity = session.find(OutboundActivityEntity.class, activityId);
                    return new Payload(activity.getBody().getBytes(StandardCharsets.UTF_8),
                            activity.getActor().getId());
                });
                payloads.put(activityId, cached);
            }
            return cached;
        }
    }

    /** The serialised activity (shared by every inbox it goes to) and who signs it. */
    private record Payload(byte[] body, long senderId) {
    }

    /** A small least-recently-used map: fan-out sends one body to many inboxes in a short time. */
    private static final class LruMap<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        LruMap(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }
}
