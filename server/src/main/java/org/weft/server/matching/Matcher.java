package org.weft.server.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.proposal.ProposalListener;

/**
 * Keeps the index in step with every proposal change and the stored matches in step with the index.
 * Changes are applied one at a time on the matcher's own thread, in the order they were committed, so
 * the index has a single writer and a member's request never waits for matching.
 */
public final class Matcher implements ProposalListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Matcher.class.getName());
    /** Matches kept per proposal when it changes; more would only bury the best ones. */
    static final int LIMIT = 20;

    private final Database db;
    private final MatchIndex index;
    private final MatchStore store = new MatchStore();
    private final MatchNotifier notifier;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("weft-matcher").daemon().factory());
    private final AtomicLong applied = new AtomicLong();

    Matcher(Database db, MatchIndex index, MatchNotifier notifier, Clock clock) {
        this.db = db;
        this.index = index;
        this.notifier = notifier;
        this.clock = clock;
    }

    public static Matcher create(Database db, org.weft.server.taxonomy.Taxonomy taxonomy,
                                 org.weft.server.proposal.DirectMessages direct, Clock clock) {
        return new Matcher(db, new MatchIndex(taxonomy), new MatchNotifier(direct, new ReasonText(taxonomy), clock), clock);
    }

    /** Fills the index from the database; returns how long it took, in milliseconds. */
    public long rebuild() {
        long started = System.nanoTime();
        int size = new IndexLoader(db).load(index, clock.instant());
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Matching index holds " + size + " open proposal(s), built in " + ms + " ms");
        return ms;
    }

    @Override
    public void changed(ProposalEntity proposal) {
        ProposalSnapshot snapshot = ProposalSnapshot.of(proposal);
        worker.execute(() -> safely(() -> apply(snapshot)));
    }

    /** Proposals whose end has passed leave the index and their matches are withdrawn (remote ones too). */
    public void expireDue() {
        worker.execute(() -> safely(() -> {
            Instant now = clock.instant();
            List<Long> expired = index.removeExpired(now);
            if (!expired.isEmpty()) {
                db.run(s -> store.withdrawAll(s, expired, now));
            }
        }));
    }

    public MatchIndex index() {
        return index;
    }

    /** How many changes the matcher has applied; tests wait on it. */
    public long applied() {
        return applied.get();
    }

    private void apply(ProposalSnapshot p) {
        Instant now = clock.instant();
        index.put(p);
        if (!p.matchableAt(now)) {
            index.remove(p.id());
            db.run(s -> store.withdrawAll(s, List.of(p.id()), now));
            return;
        }
        List<ScoredMatch> found = index.matchesFor(p, now, LIMIT, other -> p.local() || other.local());
        db.run(s -> {
            List<MatchEntity> fresh = store.reconcile(s, p.id(), found,
                    (request, offer) -> index.score(request, offer, now), now);
            notifier.tell(s, fresh);
        });
    }

    private void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Matching failed", e);
        } finally {
            applied.incrementAndGet();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
