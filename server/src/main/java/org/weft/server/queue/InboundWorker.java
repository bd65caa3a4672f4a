package org.weft.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.persistence.Database;

/**
 * Processes stored inbound activities in the background, as the delivery worker sends: rows are claimed in batches with
 * their bodies (one transaction for many rows, {@link InboundStore#claimBatch}), each activity is handed to the handler
 * on its own virtual thread, and the outcomes (done, retry, failed) are written by an {@link OutcomeRecorder} in
 * batches (one commit for whatever finished during the previous write). So the cost per activity is the handler's own
 * transactions, not three more of the queue's.
 *
 * <p>Each activity has its own outcome: one that fails is retried (or kept as FAILED) alone, its batch's neighbours
 * are not touched. A failure is retried as the {@link RetryPolicy} says (a few times, with growing delays: a remote
 * actor may be briefly unreachable), then kept as FAILED for the operator.
 *
 * <p>Order: an Undo, Update or Delete ({@link InboundStore#ORDERED_TYPES}) waits until every older activity of its
 * actor is finished: here, by staying claimed until those this process holds are recorded; elsewhere (another process,
 * or a retry's wait) by not being claimed ({@link InboundStore#HOLD_BACK}). Other activities run side by side.
 *
 * <p>Effects once: the handler's changes commit in its own transactions and the row is marked done in the recorder's
 * next write, a few milliseconds later. A crash in between leaves the row leased; after the lease it is processed
 * again, so a handler should treat an activity it already applied as a no-op. The window is one outcome write long,
 * as it was when each row was finished in its own transaction. A redelivery by the sender never gets this far: the
 * inbox stores one row per activity id.
 */
public final class InboundWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboundWorker.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofSeconds(1);
    /**
     * Rows leased per claim, at least. A claim is a commit (a log flush) and a few round trips on the one dispatcher
     * thread, while most activities take well under a millisecond to handle: with claims of 16 (two rounds of the
     * workers) the drain waited on the claims. A crash leaves at most this many rows to their lease.
     */
    static final int CLAIM_AT_LEAST = 128;

    private final InboundStore store;
    private final InboundHandler handler;
    private final JsonLdCodec codec;
    private final RetryPolicy retries;
    private final Clock clock;
    private final WorkDispatcher dispatcher;
    private final OutcomeRecorder<InboundOutcome> recorder;
    private final int claimBatch;
    private final AtomicLong processed = new AtomicLong();
    /** Rows claimed and not yet handed to a thread, in claim order; only the dispatcher thread touches it. */
    private final List<ClaimedActivity> ready = new LinkedList<>();
    /** Rows this process holds whose outcome is not stored yet (waiting, running, or in the recorder). */
    private final Map<Long, ClaimedActivity> held = new ConcurrentHashMap<>();

    public InboundWorker(Database db, InboundStore store, InboundHandler handler, JsonLdCodec codec, RetryPolicy retries,
                         Clock clock, int concurrency, ForegroundRequests foreground) {
        this(store, handler, codec, retries, clock, concurrency, foreground, store::finish);
    }

    /** As the public constructor, with the outcome writer of a test. */
    InboundWorker(InboundStore store, InboundHandler handler, JsonLdCodec codec, RetryPolicy retries, Clock clock,
                  int concurrency, ForegroundRequests foreground, OutcomeRecorder.Writer<InboundOutcome> outcomes) {
        this.store = store;
        this.handler = handler;
        this.codec = codec;
        this.retries = retries;
        this.clock = clock;
        this.claimBatch = Math.max(2 * concurrency, CLAIM_AT_LEAST);
        this.recorder = new OutcomeRecorder<>("weft-inbound-outcomes", batch -> {
            try {
                outcomes.write(batch);
            } catch (RuntimeException e) {
                // Not stored: the rows stay leased and are taken again after the lease; until then, nothing waits on them.
                batch.forEach(o -> held.remove(o.id()));
                throw e;
            }
        }, this::recorded);
        this.dispatcher = new WorkDispatcher("weft-inbound", concurrency, POLL, foreground, this::claim);
    }

    public void start() {
        recorder.start();
        dispatcher.start();
    }

    /** Claims nothing more (the first step of shutting down); running work goes on until {@link #close()}. */
    public void stopClaiming() {
        dispatcher.stop();
    }

    public void poke() {
        dispatcher.poke();
    }

    /** Whether it handles one activity batch at a time now, because someone waits on a request (diagnostics, tests). */
    public boolean steppingAside() {
        return dispatcher.steppingAside();
    }

    /** Activities finished (done, ignored or failed for good) since start. */
    public long processed() {
        return processed.get();
    }

    /** Lets running work end, writes the outcomes known, and makes the rows still held due again at once. */
    @Override
    public void close() {
        dispatcher.close();
        recorder.close();
        if (!held.isEmpty()) {
            store.release(List.copyOf(held.keySet()), clock.instant());
        }
    }

    /**
     * Hands out ready rows, one per free worker, claiming a batch when fewer are ready than workers are free. A row of
     * an ordered type whose actor has an older row still held here stays ready until that one's outcome is stored.
     */
    private List<Runnable> claim(int freeSlots) {
        if (ready.size() < freeSlots) {
            List<ClaimedActivity> claimed = store.claimBatch(claimBatch - ready.size(), LEASE, clock.instant(),
                    List.copyOf(held.keySet()));
            claimed.forEach(row -> held.put(row.id(), row));
            ready.addAll(claimed);
        }
        List<Runnable> tasks = new ArrayList<>();
        for (Iterator<ClaimedActivity> it = ready.iterator(); it.hasNext() && tasks.size() < freeSlots; ) {
            ClaimedActivity row = it.next();
            if (!waitsForOlder(row)) {
                it.remove();
                tasks.add(() -> process(row));
            }
        }
        return tasks;
    }

    private boolean waitsForOlder(ClaimedActivity row) {
        if (!InboundStore.ORDERED_TYPES.contains(row.type())) {
            return false;
        }
        for (ClaimedActivity other : held.values()) {
            if (other.id() < row.id() && other.actorUri().equals(row.actorUri())) {
                return true;
            }
        }
        return false;
    }

    private void process(ClaimedActivity row) {
        Activity activity;
        try {
            // The inbox kept the activity as it parsed it (JsonLdCodec.receive): a plain JSON read, no JSON-LD again.
            String body = row.body() != null ? row.body()
                    : store.body(row.id()).orElseThrow(() -> new IllegalStateException("the body is gone"));
            activity = Activity.fromJson(codec.readStored(body));
        } catch (RuntimeException e) {
            recorder.add(new InboundOutcome.Failed(row.id(), "unreadable: " + e.getMessage(), clock.instant()));
            return;
        }
        try {
            Optional<String> ignored = handler.handle(activity);
            recorder.add(new InboundOutcome.Done(row.id(), ignored.map(reason -> "ignored: " + reason).orElse(null),
                    clock.instant()));
        } catch (Exception e) {
            if (!dispatcher.isRunning() && Thread.currentThread().isInterrupted()) {
                return; // cut off by our own shutdown: close() hands the row back, no attempt counted
            }
            Instant now = clock.instant();
            Optional<Instant> next = retries.nextAttempt(row.attempts() + 1, now, ThreadLocalRandom.current());
            logFailure(activity, row.attempts() + 1, next.isPresent(), e);
            recorder.add(next.<InboundOutcome>map(at -> new InboundOutcome.Retry(row.id(), e.toString(), at))
                    .orElseGet(() -> new InboundOutcome.Failed(row.id(), e.toString(), now)));
        }
    }

    /**
     * A first failure is common and passing (the sender's server is slow, an object it names is not there yet), so it
     * is logged at INFO; from the second on, or when the activity is given up, at WARNING, where an operator (and a
     * test's log, which keeps WARNING and up) sees an activity that keeps failing.
     */
    private static void logFailure(Activity activity, int attempt, boolean willRetry, Exception e) {
        String what = "Processing " + activity.type() + " " + activity.id() + " failed (attempt " + attempt + "); "
                + (willRetry ? "will retry" : "giving up");
        LOG.log(attempt == 1 && willRetry ? Level.INFO : Level.WARNING, what, e);
    }

    /** A batch of outcomes is stored: those rows are no longer held, and what waited for them may go. */
    private void recorded(List<InboundOutcome> batch) {
        for (InboundOutcome outcome : batch) {
            held.remove(outcome.id());
            if (!(outcome instanceof InboundOutcome.Retry)) {
                processed.incrementAndGet();
            }
        }
        dispatcher.poke();
    }
}
