package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of issue 14, per language, as both free-text tests check them: on what goes on the board without a
 * moderator, concept precision ≥ {@value #PRECISION}; of the needs in offers and requests, ≥ {@value #RECALL} found
 * by the classifier (a post that waits for a moderator reaches the board with those concepts once approved); of the
 * posts that are neither offer nor request, ≥ {@value #KEPT_OFF} kept off the board. A classifier could reach the
 * first and third by holding everything for a moderator, so the moderators' load is capped too: at most
 * {@value #HELD} of the offers and requests wait. Definitions in {@code classify/examples/README.md}.
 */
final class FreeTextTargets {

    static final double PRECISION = 0.90;
    static final double RECALL = 0.85;
    static final double KEPT_OFF = 0.95;
    static final double HELD = 0.25;
    /** The targets as one set of bounds. */
    static final Bounds TARGETS = new Bounds(PRECISION, RECALL, KEPT_OFF, HELD);

    /**
     * Bounds for the four figures of every language: the first three are minimums, {@code held} a maximum.
     */
    record Bounds(double precision, double recall, double keptOff, double held) {
    }

    private FreeTextTargets() {
    }

    /** Every figure of every language that misses its target, as readable lines; empty when all are met. */
    static List<String> misses(Map<String, FreeTextScore> scores) {
        return missesOfFloors(scores, TARGETS);
    }

    /** Every figure of every language outside {@code bounds}, as readable lines; empty when all are inside. */
    static List<String> missesOfFloors(Map<String, FreeTextScore> scores, Bounds bounds) {
        List<String> below = new ArrayList<>();
        scores.forEach((lang, s) -> {
            atLeast(below, lang, "board precision", s.boardPrecision(), bounds.precision());
            atLeast(below, lang, "recall", s.recall(), bounds.recall());
            atLeast(below, lang, "non-offers kept off the board", s.keptOffRate(), bounds.keptOff());
            if (!(s.heldShare() <= bounds.held())) {
                below.add(String.format(Locale.ROOT, "%s held for a moderator %.2f > %.2f", lang, s.heldShare(), bounds.held()));
            }
        });
        return below;
    }

    private static void atLeast(List<String> below, String lang, String figure, double value, double target) {
        if (!(value >= target)) {
            below.add(String.format(Locale.ROOT, "%s %s %.2f < %.2f", lang, figure, value, target));
        }
    }
}
