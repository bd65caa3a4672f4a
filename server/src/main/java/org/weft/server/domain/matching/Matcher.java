package org.weft.server.domain.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToIntBiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.weft.server.domain.proposal.ProposalListener;
import org.weft.server.domain.response.DirectMessages;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.BackgroundTasks;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.KeyViolation;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * Keeps the index in step with every proposal change and the stored matches in step with the index.
 * Changes are applied one at a time on the matcher's own thread, in the order they were committed, so
 * the index has a single writer and a member's request never waits for matching.
 *
 * <p>The start-up load of the index (several seconds at 100,000 proposals) is the first task on that same
 * thread, so start-up does not wait for it, and every change that arrives meanwhile queues behind it and is
 * applied once the index is whole: nothing is missed, and nothing is matched against a half-built index.
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
    private final BlockedDomains blocked;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("weft-matcher").daemon().factory());
    private final AtomicLong applied = new AtomicLong();
    /** Fills the index with what the database holds; returns how many proposals the index then holds. */
    private final ToIntBiFunction<MatchIndex, Instant> loader;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();

    Matcher(Database db, MatchIndex index, MatchNotifier notifier, Clock clock, BlockedDomains blocked) {
        this(db, index, notifier, clock, new IndexLoader(db, blocked)::load, blocked);
    }

    Matcher(Database db, MatchIndex index, MatchNotifier notifier, Clock clock, ToIntBiFunction<MatchIndex, Instant> loader) {
        this(db, index, notifier, clock, loader, BlockedDomains.NONE);
    }

    private Matcher(Database db, MatchIndex index, MatchNotifier notifier, Clock clock,
                    ToIntBiFunction<MatchIndex, Instant> loader, BlockedDomains blocked) {
        this.blocked = blocked;
        this.db = db;
        this.index = index;
        this.notifier = notifier;
        this.clock = clock;
        this.loader = loader;
    }

    public static Matcher create(Database db, Taxonomy taxonomy, DirectMessages direct, Clock clock) {
        return create(db, taxonomy, direct, clock, BlockedDomains.NONE);
    }

    /** {@code blocked}: proposals from silenced or suspended servers never match, even once on a board. */
    public static Matcher create(Database db, Taxonomy taxonomy, DirectMessages direct, Clock clock, BlockedDomains blocked) {
        return new Matcher(db, new MatchIndex(taxonomy), new MatchNotifier(direct, new ReasonText(taxonomy), clock), clock,
                blocked);
    }

    /**
     * Starts filling the index from the database on the matcher's thread and returns at once. The future
     * completes with the number of proposals loaded (or the failure; changes are still applied after it).
     */
    public CompletableFuture<Integer> rebuild() {
        worker.execute(() -> {
            long started = System.nanoTime();
            try {
                int size = loader.applyAsInt(index, clock.instant());
                long ms = (System.nanoTime() - started) / 1_000_000;
                LOG.info(() -> "Matching index holds " + size + " open proposal(s), built in " + ms + " ms");
                ready.complete(size);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Matching index could not be loaded; only new changes will match", e);
                ready.completeExceptionally(e);
            }
        });
        return ready;
    }

    /** Whether the start-up load has finished (health checks and tests; matching itself never needs to ask). */
    public boolean ready() {
        return ready.isDone();
    }

    @Override
    public void changed(ProposalEntity proposal) {
        // A remote proposal's id is on its author's server (checked when it arrived), so it names the server.
        ProposalSnapshot snapshot = ProposalSnapshot.of(proposal,
                proposal.isLocal() || !blocked.isBlockedUri(proposal.getUri()));
        worker.execute(() -> safely(() -> apply(snapshot)));
    }

    /**
     * A proposal changed on another node sharing the database (read from the change feed): the index here takes it as
     * stored now, or lets it go. Matches are not stored or told from here: the node that made the change did that, and
     * doing it twice would tell members twice. Harmless when the change was this node's own (the index gets what it
     * already holds).
     */
    public void changedElsewhere(long proposalId) {
        worker.execute(() -> safely(() -> {
            Optional<ProposalSnapshot> stored = db.inTransaction(s -> Optional.ofNullable(s.find(ProposalEntity.class,
                    proposalId)).map(p -> ProposalSnapshot.of(p, p.isLocal() || !blocked.isBlockedUri(p.getUri()))));
            if (stored.isPresent() && stored.get().matchableAt(clock.instant())) {
                index.put(stored.get());
            } else {
                index.remove(proposalId);
            }
        }));
    }

    /** Proposals whose end has passed leave the index and their matches are withdrawn (remote ones too). */
    public void expireDue() {
        worker.execute(() -> safely(() -> {
            Instant now = clock.instant();
            List<Long> expired = index.removeExpired(now);
            if (!expired.isEmpty()) {
                db.run(s -> {
                    store.withdrawAll(s, expired, now);
                    notifier.settle(s, expired);
                });
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

    /**
     * Completes once every change handed to the matcher before this call has been applied: the single worker takes
     * its tasks in order, so this runs after them. A barrier for tests ("the request was matched against the index as
     * it is now") that does not depend on counting.
     */
    public CompletableFuture<Void> settled() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> done.complete(null));
        return done;
    }

    private void apply(ProposalSnapshot p) {
        Instant now = clock.instant();
        // Matches are made only with proposals held now: whatever the stored copy says, a copy that came through a link
        // no longer followed from here does not match (checked here, at every change, not only when a link ends).
        // A stranger's proposal kept under a community here (approved by a moderator) names that community: it is held.
        Set<Long> followed = db.inTransaction(s -> {
            Set<Long> holding = FollowRepository.followedRemoteActorIds(s);
            ActorRepository.localGroups(s).forEach(g -> holding.add(g.getId()));
            return holding;
        });
        index.put(p);
        if (!p.open() || !p.heldBy(followed)) {
            // Closed, deleted, waiting for a moderator, or no longer held: the other side's member is told it is gone.
            index.remove(p.id());
            db.run(s -> notifier.tellGone(s, store.withdrawAllOf(s, p.id(), now), p.id()));
            return;
        }
        if (!p.matchableAt(now)) {
            index.remove(p.id());
            db.run(s -> {
                store.withdrawAll(s, List.of(p.id()), now);
                notifier.settle(s, List.of(p.id()));
            });
            return;
        }
        Predicate<ProposalSnapshot> held = other -> other != null && other.heldBy(followed);
        Predicate<ProposalSnapshot> candidate = other -> (p.local() || other.local()) && held.test(other);
        List<ScoredMatch> found = index.matchesFor(p, now, LIMIT, candidate);
        try {
            storeMatches(p, found, held, now);
        } catch (RuntimeException e) {
            // The pruner purges rows of proposals that ended long ago; with short retention windows it can purge one
            // before its last change reached this thread, and a match naming it then fails its foreign key. Forget
            // the proposals the database no longer holds and match again, so the others' matches are not lost.
            if (!KeyViolation.was(e) || forgetPurged(found, p.id()) == 0) {
                throw e;
            }
            storeMatches(p, index.matchesFor(p, now, LIMIT, candidate), held, now);
        }
    }

    private void storeMatches(ProposalSnapshot p, List<ScoredMatch> found, Predicate<ProposalSnapshot> held, Instant now) {
        db.run(s -> {
            MatchStore.Reconciled changed = store.reconcile(s, p.id(), found, (request, offer) ->
                    held.test(index.get(request)) && held.test(index.get(offer))
                            ? index.score(request, offer, now) : Optional.empty(), now);
            notifier.tell(s, changed.fresh());
            // An edit that takes a need out (a remote author's Update, read again) withdraws a match a member
            // was told of: they are told it is gone, as when the other proposal closes.
            notifier.tellGone(s, changed.withdrawn(), p.id());
        });
    }

    /** Removes from the index the other sides of {@code found} whose rows are gone; returns how many. */
    private int forgetPurged(List<ScoredMatch> found, long subjectId) {
        List<Long> candidates = found.stream().map(m -> m.requestId() == subjectId ? m.offerId() : m.requestId()).toList();
        Set<Long> stored = db.inTransaction(s -> ProposalRepository.existingIds(s, candidates));
        List<Long> purged = candidates.stream().filter(id -> !stored.contains(id)).toList();
        purged.forEach(index::remove);
        if (!purged.isEmpty()) {
            LOG.info(() -> "Matching index forgot " + purged.size() + " proposal(s) purged before the matcher heard");
        }
        return purged.size();
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
        // What is queued (matches to store for proposals just written) still runs; then the worker ends.
        BackgroundTasks.stop(worker, "The matcher");
    }
}
