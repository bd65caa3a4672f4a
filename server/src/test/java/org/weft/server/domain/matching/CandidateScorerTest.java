package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * The fast path of {@link MatchIndex#matchesFor} (primitive points, a bounded heap, reasons only for the kept)
 * must give exactly what scoring every candidate in full with {@link MatchRules} and sorting them all gives:
 * same pairs, same order, same points, same reasons, for requests and for offers, with nested areas,
 * coordinates, quantities, closed and expired proposals and windows that do not overlap.
 */
class CandidateScorerTest {
    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private static final Instant NOW = Snapshots.NOW;
    private static final List<String> AREAS = List.of("camp", "camp/block-1", "camp/block-2", "camp/block-2/row-a",
            "town", "town/north", "campus", "campus/east");

    @Test
    void theFastPathAgreesWithScoringEveryCandidateInFull() {
        List<String> concepts = TAXONOMY.all().stream().map(Concept::uri).toList();
        ConceptRelations relations = new ConceptRelations(TAXONOMY);
        MatchRules rules = new MatchRules(relations);
        MatchIndex index = new MatchIndex(relations, rules);
        Random random = new Random(7);
        List<ProposalSnapshot> all = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            ProposalSnapshot p = random(random, i, random.nextBoolean() ? Purpose.OFFER : Purpose.REQUEST, concepts);
            all.add(p);
            index.put(p);
        }
        int compared = 0;
        for (int q = 0; q < 400; q++) {
            ProposalSnapshot p = random(random, 10_000 + q, q % 2 == 0 ? Purpose.REQUEST : Purpose.OFFER, concepts);
            int limit = 1 + random.nextInt(25);
            List<ScoredMatch> expected = everyCandidate(rules, all, p, limit);
            assertEquals(expected, index.matchesFor(p, NOW, limit), "proposal " + p);
            compared += expected.size();
        }
        // Guard against a generator so narrow that both sides agree on nothing.
        assertEquals(true, compared > 2_000, "only " + compared + " matches compared");
    }

    @Test
    void aLimitOfZeroKeepsNothing() {
        MatchIndex index = new MatchIndex(TAXONOMY);
        index.put(Snapshots.offer("babysitting").build());
        assertEquals(List.of(), index.matchesFor(Snapshots.request("babysitting").build(), NOW, 0));
    }

    /** The reference: every open proposal of the other purpose scored in full, sorted, cut to {@code limit}. */
    private static List<ScoredMatch> everyCandidate(MatchRules rules, List<ProposalSnapshot> all, ProposalSnapshot p,
                                                    int limit) {
        List<ProposalSnapshot> found = new ArrayList<>();
        List<ScoredMatch> scored = new ArrayList<>();
        for (ProposalSnapshot other : all) {
            if (other.purpose() == p.purpose() || !other.open()) {
                continue;
            }
            Optional<ScoredMatch> m = p.purpose() == Purpose.REQUEST ? rules.score(p, other, NOW) : rules.score(other, p, NOW);
            if (m.isPresent()) {
                found.add(other);
                scored.add(m.get());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> scored.get(i).score()).reversed()
                .thenComparing(i -> found.get(i).publishedAt(), Comparator.reverseOrder())
                .thenComparingLong(i -> found.get(i).id()));
        return order.stream().limit(limit).map(scored::get).toList();
    }

    private static ProposalSnapshot random(Random r, long id, Purpose purpose, List<String> concepts) {
        String first = concepts.get((int) Math.min(concepts.size() - 1, Math.abs(r.nextGaussian()) * concepts.size() / 4));
        List<String> categories = r.nextInt(4) == 0
                ? List.of(first, concepts.get(r.nextInt(concepts.size()))).stream().distinct().toList() : List.of(first);
        boolean coordinates = r.nextInt(3) == 0;
        boolean quantity = r.nextInt(3) == 0;
        HelpKind kind = HelpKind.values()[r.nextInt(HelpKind.values().length)];
        return new ProposalSnapshot(id, r.nextBoolean(), purpose, kind, categories,
                r.nextInt(6) == 0 ? null : AREAS.get(r.nextInt(AREAS.size())),
                coordinates ? 52.0 + r.nextInt(80) * 0.01 : null, coordinates ? 13.0 + r.nextInt(80) * 0.01 : null,
                NOW.minus(Duration.ofHours(r.nextInt(24 * 10) - 24)), NOW.plus(Duration.ofHours(r.nextInt(24 * 12) - 12)),
                quantity ? BigDecimal.valueOf(1 + r.nextInt(5)) : null, quantity ? (r.nextInt(4) == 0 ? "kg" : "one") : null,
                r.nextInt(15) != 0, null, null, r.nextInt(5) == 0 ? null : (long) r.nextInt(12));
    }
}
