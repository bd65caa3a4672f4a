package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The final report of issue 14: today's classifier on the <em>frozen</em> third of the free-text set
 * ({@code classify/free-text/frozen.tsv}), against the issue's targets per language: concept precision ≥
 * {@value #TARGET_PRECISION}, concept recall ≥ {@value #TARGET_RECALL}, and ≥ {@value #TARGET_REJECTION} of the posts
 * that are neither offer nor request kept off the board.
 *
 * <p>Enable only for the final report of issue 14, once, when the classifier work is done:
 * {@code ./mvnw -B -ntp -pl server -am -Dtest=FrozenFreeTextEvaluationTest -Dweft.eval.frozen=true
 * -Dsurefire.failIfNoSpecifiedTests=false verify}. Without the property it is skipped, so no ordinary build measures
 * the frozen third and nobody tunes to it. It prints the figures (in the surefire output file) but never a post or a
 * miss: looking at the frozen posts one by one is how a held-out set stops being held out.
 */
@EnabledIfSystemProperty(named = "weft.eval.frozen", matches = "true")
class FrozenFreeTextEvaluationTest {

    static final double TARGET_PRECISION = 0.90;
    static final double TARGET_RECALL = 0.85;
    static final double TARGET_REJECTION = 0.95;

    @Test
    void everyLanguageMeetsTheTargetsOfIssue14OnTheFrozenThird() {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        List<FreeTextPost> posts = FreeTextSet.read(FreeTextSet.FROZEN);
        Map<String, FreeTextScore> scores =
                FreeTextScore.byLanguage(posts, post -> FreeTextEvaluationTest.classify(classifier, post));
        String table = FreeTextScore.table(scores);
        System.out.println("Free-text set, FROZEN third (final report of issue 14)\n" + table);
        Taxonomy.LANGUAGES.forEach(lang -> assertEquals(FreeTextSetTest.FROZEN_PER_LANGUAGE, scores.get(lang).posts));
        List<String> below = new ArrayList<>();
        scores.forEach((lang, s) -> {
            check(below, lang, "precision", s.precision(), TARGET_PRECISION);
            check(below, lang, "recall", s.recall(), TARGET_RECALL);
            check(below, lang, "rejection", s.rejectionRate(), TARGET_REJECTION);
        });
        assertTrue(below.isEmpty(), "under the targets of issue 14: " + below + "\n" + table);
    }

    private static void check(List<String> below, String lang, String figure, double value, double target) {
        if (!(value >= target)) {
            below.add(String.format(Locale.ROOT, "%s %s %.2f < %.2f", lang, figure, value, target));
        }
    }
}
