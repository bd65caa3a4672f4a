package org.weft.server.domain.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Predicate;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.weft.server.model.Purpose;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The open proposals, in memory, by concept and purpose. Finding the offers for a request looks only
 * at the postings of the request's concepts and their parent and children (a few thousand entries at
 * 100,000 proposals), never at every proposal. Kept in step by {@link #put} and {@link #remove}; expired
 * entries leave through {@link #removeExpired}, which pops an end-date queue rather than scanning. An update or a
 * removal leaves its old copy in that queue (taking it out of a heap is linear); once the stale copies outnumber the
 * live ones the queue is rebuilt from the live ones, so the index holds at most about two copies per open proposal
 * however often proposals are edited.
 *
 * <p>Reads (many threads) and writes (the matcher's one thread) share a read-write lock.
 */
public final class MatchIndex {
    private final ConceptRelations concepts;
    private final MatchRules rules;
    private final Map<Long, ProposalSnapshot> byId = new HashMap<>();
    /**
     * Concept → purpose → area code (null for none) → the open proposals posted there. Split by area so a request
     * looks at its own area first and can skip the rest once nothing there can beat what it found; the snapshots
     * are held here so a scan needs no lookup by id.
     */
    private final Map<String, EnumMap<Purpose, Map<String, Map<Long, ProposalSnapshot>>>> postings = new HashMap<>();
    private final PriorityQueue<ProposalSnapshot> byEnd = new PriorityQueue<>(
            Comparator.comparing(ProposalSnapshot::endsAt));
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Below this many entries the end-date queue is left alone: rebuilding a tiny queue often gains nothing. */
    private static final int REBUILD_FLOOR = 64;

    public MatchIndex(Taxonomy taxonomy) {
        this(new ConceptRelations(taxonomy));
    }

    private MatchIndex(ConceptRelations concepts) {
        this(concepts, new MatchRules(concepts));
    }

    MatchIndex(ConceptRelations concepts, MatchRules rules) {
        this.concepts = concepts;
        this.rules = rules;
    }

    /** Adds or replaces a proposal; one that is not open is removed instead. */
    public void put(ProposalSnapshot p) {
        lock.writeLock().lock();
        try {
            removeLocked(p.id());
            if (!p.open()) {
                return;
            }
            Long id = p.id(); // one boxed key for every map, not one per concept
            byId.put(id, p);
            for (String concept : p.categories()) {
                postings.computeIfAbsent(concept, c -> new EnumMap<>(Purpose.class))
                        .computeIfAbsent(p.purpose(), x -> new HashMap<>())
                        .computeIfAbsent(p.areaCode(), a -> new HashMap<>()).put(id, p);
            }
            byEnd.add(p);
            dropStaleEnds();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(long id) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
            dropStaleEnds();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Entries in the end-date queue, current and stale (for tests: it must stay in proportion to the open ones). */
    int queuedEnds() {
        lock.readLock().lock();
        try {
            return byEnd.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Takes out every proposal whose end has passed and returns their ids. */
    public List<Long> removeExpired(Instant now) {
        lock.writeLock().lock();
        try {
            List<Long> expired = new ArrayList<>();
            while (!byEnd.isEmpty() && !byEnd.peek().endsAt().isAfter(now)) {
                ProposalSnapshot head = byEnd.poll();
                // The queue may hold an older copy of a proposal that was renewed; only the current one counts.
                if (byId.get(head.id()) == head) {
                    removeLocked(head.id());
                    expired.add(head.id());
                }
            }
            return expired;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The pair scored afresh, if both are still in the index. */
    public Optional<ScoredMatch> score(long requestId, long offerId, Instant now) {
        lock.readLock().lock();
        try {
            ProposalSnapshot request = byId.get(requestId);
            ProposalSnapshot offer = byId.get(offerId);
            return request == null || offer == null ? Optional.empty() : rules.score(request, offer, now);
        } finally {
            lock.readLock().unlock();
        }
    }

    public ProposalSnapshot get(long id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The proposals of the opposite purpose that fit {@code p}, best first, at most {@code limit}.
     * Ties go to the newer proposal, then the lower id, so the order is stable.
     */
    public List<ScoredMatch> matchesFor(ProposalSnapshot p, Instant now, int limit) {
        return matchesFor(p, now, limit, other -> true);
    }

    /**
     * As above, among the candidates {@code keep} accepts (the matcher keeps only pairs with a local side).
     * One pass over the postings of the related concepts gives each candidate its points without allocating
     * (a {@link CandidateScorer}); only the best {@code limit} are kept (a {@link TopCandidates} heap), and
     * only those are scored in full, with their reasons, by {@link MatchRules}. Postings of concepts that
     * score less (the narrower concepts of a broad request, say) are skipped once they cannot beat the kept.
     */
    public List<ScoredMatch> matchesFor(ProposalSnapshot p, Instant now, int limit, Predicate<ProposalSnapshot> keep) {
        Purpose wanted = p.purpose() == Purpose.REQUEST ? Purpose.OFFER : Purpose.REQUEST;
        CandidateScorer scorer = new CandidateScorer(p, now, concepts);
        if (!scorer.subjectMatchable()) {
            return List.of();
        }
        TopCandidates top = new TopCandidates(limit);
        lock.readLock().lock();
        try {
            // First the subject's own area, best concept first, then every other area: each pass stops once
            // the most a posting could score cannot beat the worst of a full top list.
            for (String concept : scorer.candidateConcepts()) {
                if (!top.couldTake(scorer.mostFor(concept))) {
                    break;
                }
                Map<String, Map<Long, ProposalSnapshot>> byArea = postings(concept, wanted);
                scan(byArea.get(scorer.area()), p, keep, scorer, top);
            }
            for (String concept : scorer.candidateConcepts()) {
                if (!top.couldTake(scorer.mostElsewhereFor(concept))) {
                    break;
                }
                for (var area : postings(concept, wanted).entrySet()) {
                    if (!Objects.equals(area.getKey(), scorer.area())) {
                        scan(area.getValue(), p, keep, scorer, top);
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<ScoredMatch> found = new ArrayList<>();
        for (ProposalSnapshot other : top.bestFirst()) {
            var scored = wanted == Purpose.OFFER ? rules.score(p, other, now) : rules.score(other, p, now);
            found.add(scored.orElseThrow(() -> new IllegalStateException("Scorer and rules disagree on " + other.id())));
        }
        return List.copyOf(found);
    }

    private Map<String, Map<Long, ProposalSnapshot>> postings(String concept, Purpose purpose) {
        EnumMap<Purpose, Map<String, Map<Long, ProposalSnapshot>>> byPurpose = postings.get(concept);
        Map<String, Map<Long, ProposalSnapshot>> byArea = byPurpose == null ? null : byPurpose.get(purpose);
        return byArea == null ? Collections.emptyMap() : byArea; // not Map.of(): its get(null) throws
    }

    private static void scan(Map<Long, ProposalSnapshot> posted, ProposalSnapshot p, Predicate<ProposalSnapshot> keep,
                             CandidateScorer scorer, TopCandidates top) {
        if (posted == null) {
            return;
        }
        for (ProposalSnapshot other : posted.values()) {
            if (other.id() == p.id() || !keep.test(other)) {
                continue;
            }
            int points = scorer.score(other);
            if (points != CandidateScorer.NO_FIT) {
                top.offer(other, points);
            }
        }
    }

    private void removeLocked(long id) {
        ProposalSnapshot old = byId.remove(id);
        if (old == null) {
            return;
        }
        for (String concept : old.categories()) {
            Map<Long, ProposalSnapshot> posted = postings(concept, old.purpose()).get(old.areaCode());
            if (posted != null) {
                posted.remove(id);
            }
        }
        // The end-date queue keeps the stale copy: removeExpired skips it, and dropStaleEnds bounds how many pile up.
    }

    /**
     * Rebuilds the end-date queue from the live proposals once it holds more than twice as many entries: each rebuild
     * follows at least as many updates as there are live entries, so its cost is constant per update on average.
     */
    private void dropStaleEnds() {
        if (byEnd.size() > REBUILD_FLOOR && byEnd.size() > 2 * byId.size()) {
            byEnd.clear();
            byEnd.addAll(byId.values());
        }
    }
}
