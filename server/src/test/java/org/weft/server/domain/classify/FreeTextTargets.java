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
 * {@value #HELD} of the offers and requests wait. Definitions in {@code classify/free-text/README.md}.
 */
final class FreeTextTargets {

    static final double PRECISION = 0.90;
    static final double RECALL = 0.85;
    static final double KEPT_OFF = 0.95;
    static final double HELD = 0.25;

    private FreeTextTargets() {
    }

    /** Every figure of every language that misses its target, as readable lines; empty when all are met. */
    static List<String> misses(Map<String, FreeTextScore> scores) {
        List<String> below = new ArrayList<>();
        scores.forEach((lang, s) -> {
            atLeast(below, lang, "board precision", s.boardPrecision(), PRECISION);
            atLeast(below, lang, "recall", s.recall(), RECALL);
            atLeast(below, lang, "non-offers kept off the board", s.keptOffRate(), KEPT_OFF);
            if (!(s.heldShare() <= HELD)) {
                below.add(String.format(Locale.ROOT, "%s held for a moderator %.2f > %.2f", lang, s.heldShare(), HELD));
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
