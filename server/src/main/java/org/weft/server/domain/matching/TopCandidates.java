package org.weft.server.domain.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code limit} candidates seen so far, in a min-heap whose root is the worst one kept, so a
 * candidate that cannot enter costs one comparison and nothing is allocated per candidate. Better means:
 * more points, then published later, then the lower id (the index's stable order).
 */
final class TopCandidates {
    private final ProposalSnapshot[] kept;
    private final int[] points;
    private int size;

    TopCandidates(int limit) {
        this.kept = new ProposalSnapshot[Math.max(0, limit)];
        this.points = new int[kept.length];
    }

    /** Offers a candidate; one already kept (it can sit in two postings) is not kept twice. */
    void offer(ProposalSnapshot candidate, int score) {
        if (kept.length == 0) {
            return;
        }
        if (size == kept.length && !better(candidate, score, kept[0], points[0])) {
            return;
        }
        for (int i = 0; i < size; i++) {
            if (kept[i] == candidate) {
                return;
            }
        }
        if (size < kept.length) {
            kept[size] = candidate;
            points[size] = score;
            siftUp(size++);
        } else {
            kept[0] = candidate;
            points[0] = score;
            siftDown(0);
        }
    }

    /** Whether a candidate with at most {@code score} points could still enter (a tie may win on date or id). */
    boolean couldTake(int score) {
        return kept.length > 0 && (size < kept.length || score >= points[0]);
    }

    /** The kept candidates, best first. */
    List<ProposalSnapshot> bestFirst() {
        ProposalSnapshot[] order = new ProposalSnapshot[size];
        int[] scores = points.clone();
        ProposalSnapshot[] heap = kept.clone();
        int n = size;
        for (int i = size - 1; i >= 0; i--) {
            order[i] = heap[0];
            n--;
            heap[0] = heap[n];
            scores[0] = scores[n];
            siftDown(heap, scores, n, 0);
        }
        return new ArrayList<>(List.of(order));
    }

    private static boolean better(ProposalSnapshot a, int aScore, ProposalSnapshot b, int bScore) {
        if (aScore != bScore) {
            return aScore > bScore;
        }
        int published = a.publishedAt().compareTo(b.publishedAt());
        if (published != 0) {
            return published > 0;
        }
        return a.id() < b.id();
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(kept[parent], points[parent], kept[i], points[i])) {
                return;
            }
            swap(kept, points, i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        siftDown(kept, points, size, i);
    }

    private static void siftDown(ProposalSnapshot[] heap, int[] scores, int n, int i) {
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < n; child++) {
                if (better(heap[worst], scores[worst], heap[child], scores[child])) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(heap, scores, i, worst);
            i = worst;
        }
    }

    private static void swap(ProposalSnapshot[] heap, int[] scores, int a, int b) {
        ProposalSnapshot p = heap[a];
        heap[a] = heap[b];
        heap[b] = p;
        int s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
