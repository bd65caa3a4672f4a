package org.weft.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.InboundActivityEntity;

/**
 * Processes stored inbound activities in the background: claims due rows, hands each to the handler on
 * a virtual thread, records done / retry / failed. A failure is retried as its {@link RetryPolicy} says (a few times,
 * with growing delays: a remote actor may be briefly unreachable), then kept as FAILED for the operator.
 */
public final class InboundWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboundWorker.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Database db;
    private final InboundStore store;
    private final InboundHandler handler;
    private final JsonLdCodec codec;
    private final RetryPolicy retries;
    private final Clock clock;
    private final WorkDispatcher dispatcher;
    private final AtomicLong processed = new AtomicLong();

    public InboundWorker(Database db, InboundStore store, InboundHandler handler, JsonLdCodec codec, RetryPolicy retries,
                         Clock clock, int concurrency) {
        this.db = db;
        this.store = store;
        this.handler = handler;
        this.codec = codec;
        this.retries = retries;
        this.clock = clock;
        this.dispatcher = new WorkDispatcher("weft-inbound", concurrency, POLL,
                free -> store.claimDue(free, LEASE, clock.instant()).stream().<Runnable>map(id -> () -> process(id)).toList());
    }

    public void start() {
        dispatcher.start();
    }

    /** Claims nothing more (the first step of shutting down); running work goes on until {@link #close()}. */
    public void stopClaiming() {
        dispatcher.stop();
    }

    public void poke() {
        dispatcher.poke();
    }

    /** Activities finished (done, ignored or failed for good) since start. */
    public long processed() {
        return processed.get();
    }

    @Override
    public void close() {
        dispatcher.close();
    }

    private void process(long id) {
        Activity activity;
        try {
            // The inbox kept the activity as it parsed it (JsonLdCodec.receive): a plain JSON read, no JSON-LD again.
            String body = store.body(id).orElseThrow(() -> new IllegalStateException("the body is gone"));
            activity = Activity.fromJson(codec.readStored(body));
        } catch (RuntimeException e) {
            finish(id, "unreadable: " + e.getMessage(), true);
            return;
        }
        try {
            Optional<String> ignored = handler.handle(activity);
            finish(id, ignored.map(reason -> "ignored: " + reason).orElse(null), false);
        } catch (Exception e) {
            LOG.log(Level.INFO, "Processing " + activity.type() + " " + activity.id() + " failed; will retry", e);
            retry(id, e.toString());
        }
    }

    private void finish(long id, String note, boolean failed) {
        Instant now = clock.instant();
        db.run(s -> {
            if (failed) {
                s.find(InboundActivityEntity.class, id).markFailed(note, now, null);
            } else {
                // The common case, as one UPDATE: no need to read the row (and its body) back first.
                s.createMutationQuery("update InboundActivityEntity set state = :done, processedAt = :now, lastError = null"
                        + " where id = :id").setParameter("done", InboundActivityEntity.State.DONE)
                        .setParameter("now", now).setParameter("id", id).executeUpdate();
            }
        });
        processed.incrementAndGet();
    }

    private void retry(long id, String error) {
        Instant now = clock.instant();
        db.run(s -> {
            InboundActivityEntity row = s.find(InboundActivityEntity.class, id);
            row.markFailed(error, now,
                    retries.nextAttempt(row.getAttempts() + 1, now, ThreadLocalRandom.current()).orElse(null));
            if (row.getState() == InboundActivityEntity.State.FAILED) {
                processed.incrementAndGet();
            }
        });
    }

}
