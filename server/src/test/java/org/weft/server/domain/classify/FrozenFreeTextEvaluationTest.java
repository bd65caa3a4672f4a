package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The final report of issue 14: the classifier on the sixth free-text set, written blind apart from the tuning
 * ({@code classify/free-text/development6.tsv} and {@code frozen6.tsv}; the older sets were measured once each and are
 * spent), against the issue's targets per language ({@link FreeTextTargets}): concept precision ≥ 0.90 on what goes on
 * the board without a moderator, recall ≥ 0.85, ≥ 0.95 of the posts that are neither offer nor request kept off the
 * board, and at most a quarter of the offers and requests held for a moderator. Both parts are printed, and the 360
 * together; the targets are asserted on the frozen third, the issue's measure.
 *
 * <p>Enable only for the final report of issue 14, once, when the classifier work is done:
 * {@code ./mvnw -B -ntp -pl server -am -Dtest=FrozenFreeTextEvaluationTest -Dweft.eval.frozen=true
 * -Dsurefire.failIfNoSpecifiedTests=false verify}. Without the property it is skipped, so no ordinary build measures
 * the set and nobody tunes to it. It prints the figures, the classifier's and the board view (in the surefire output
 * file), but never a post or a miss: looking at the posts one by one is how a held-out set stops being held out.
 */
@EnabledIfSystemProperty(named = "weft.eval.frozen", matches = "true")
class FrozenFreeTextEvaluationTest {

    @Test
    void everyLanguageMeetsTheTargetsOfIssue14OnTheFrozenThird() {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        Map<String, FreeTextScore> development = measure(classifier, "development part", FreeTextSet.DEVELOPMENT_6);
        Map<String, FreeTextScore> frozen = measure(classifier, "FROZEN third", FreeTextSet.FROZEN_6);
        measure(classifier, "both parts (360 posts)", FreeTextSet.DEVELOPMENT_6, FreeTextSet.FROZEN_6);
        Taxonomy.LANGUAGES.forEach(lang -> {
            assertEquals(FreeTextSetTest.DEVELOPMENT_PER_LANGUAGE, development.get(lang).posts);
            assertEquals(FreeTextSetTest.FROZEN_PER_LANGUAGE, frozen.get(lang).posts);
        });
        List<String> below = FreeTextTargets.misses(frozen);
        assertTrue(below.isEmpty(), "under the targets of issue 14 on the frozen third: " + below);
    }

    private static Map<String, FreeTextScore> measure(TextClassifier classifier, String what, String... parts) {
        List<FreeTextPost> posts = FreeTextSet.readAll(List.of(parts));
        Map<String, FreeTextScore> scores =
                FreeTextScore.byLanguage(posts, post -> FreeTextEvaluationTest.classify(classifier, post));
        System.out.println("Free-text sixth set, " + what + " (final report of issue 14)\n" + FreeTextScore.table(scores)
                + "\nBoard view\n" + FreeTextScore.boardTable(scores));
        return scores;
    }
}
