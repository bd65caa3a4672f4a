package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The index over time: an edited proposal is replaced, not added, and editing or removing proposals again and again
 * (a year of a busy instance) does not pile up old copies in memory.
 */
class MatchIndexUpdatesTest {
    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private static final Instant NOW = Snapshots.NOW;

    private final MatchIndex index = new MatchIndex(TAXONOMY);

    private static List<Long> offerIds(List<ScoredMatch> found) {
        return found.stream().map(ScoredMatch::offerId).toList();
    }

    @Test
    void anEditedProposalIsFoundUnderItsNewConceptOnly() {
        ProposalSnapshot bread = Snapshots.offer("bread").build();
        index.put(bread);
        index.put(Snapshots.offer("prams").id(bread.id()).build());

        assertEquals(1, index.size());
        assertEquals(List.of(), index.matchesFor(Snapshots.request("bread").build(), NOW, 10));
        assertEquals(List.of(bread.id()), offerIds(index.matchesFor(Snapshots.request("prams").build(), NOW, 10)));
    }

    @Test
    void aProposalRenewedForLongerDoesNotExpireAtItsOldEnd() {
        ProposalSnapshot first = Snapshots.offer("bread").window(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)))
                .build();
        index.put(first);
        index.put(Snapshots.offer("bread").id(first.id())
                .window(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10))).build());

        assertEquals(List.of(), index.removeExpired(NOW.plus(Duration.ofDays(2))));
        assertEquals(1, index.size());
        assertEquals(List.of(first.id()), index.removeExpired(NOW.plus(Duration.ofDays(11))));
        assertEquals(0, index.size());
    }

    @Test
    void editingTheSameProposalsThousandsOfTimesKeepsOnlyAFewCopies() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ProposalSnapshot p = Snapshots.offer("bread").build();
            index.put(p);
            ids.add(p.id());
        }
        for (int round = 1; round <= 1_000; round++) {
            for (long id : ids) {
                index.put(Snapshots.offer(round % 2 == 0 ? "bread" : "rice").id(id)
                        .window(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(10_000 + round))).build());
            }
            assertTrue(index.queuedEnds() <= 64, "after round " + round + " the end-date queue holds "
                    + index.queuedEnds() + " entries for 10 open proposals");
        }

        assertEquals(10, index.size());
        assertEquals(List.of(), index.removeExpired(NOW.plus(Duration.ofMinutes(10_000))));
        List<Long> expired = index.removeExpired(NOW.plus(Duration.ofDays(30)));
        assertEquals(ids.stream().sorted().toList(), expired.stream().sorted().toList());
        assertEquals(0, index.size());
    }

    @Test
    void removedProposalsDoNotStayInTheEndQueue() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ProposalSnapshot p = Snapshots.offer("bread").build();
            index.put(p);
            ids.add(p.id());
        }
        ids.forEach(index::remove);

        assertEquals(0, index.size());
        assertTrue(index.queuedEnds() <= 64, index.queuedEnds() + " entries left for no open proposal");
        assertEquals(List.of(), index.removeExpired(NOW.plus(Duration.ofDays(30))));
    }
}
