package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The final report of issue 14: the classifier on the <em>frozen</em> third of a sixth free-text set ({@code
 * classify/free-text/frozen6.tsv}, written blind apart from the tuning and added by the lead when it is measured; the
 * older sets' {@code frozen.tsv} to {@code frozen5.tsv} were measured once each and are spent; while
 * {@code frozen6.tsv} is absent the test is skipped), against the
 * issue's targets per language ({@link FreeTextTargets}): concept precision ≥ 0.90 on what goes on the board without
 * a moderator, recall ≥ 0.85, ≥ 0.95 of the posts that are neither offer nor request kept off the board, and at most
 * a quarter of the offers and requests held for a moderator.
 *
 * <p>Enable only for the final report of issue 14, once, when the classifier work is done:
 * {@code ./mvnw -B -ntp -pl server -am -Dtest=FrozenFreeTextEvaluationTest -Dweft.eval.frozen=true
 * -Dsurefire.failIfNoSpecifiedTests=false verify}. Without the property it is skipped, so no ordinary build measures
 * the frozen third and nobody tunes to it. It prints the figures, the classifier's and the board view (in the
 * surefire output file), but never a post or a miss: looking at the frozen posts one by one is how a held-out set
 * stops being held out.
 */
@EnabledIfSystemProperty(named = "weft.eval.frozen", matches = "true")
class FrozenFreeTextEvaluationTest {

    @Test
    void everyLanguageMeetsTheTargetsOfIssue14OnTheFrozenThird() {
        assumeTrue(FreeTextSet.exists(FreeTextSet.FROZEN_6), "no " + FreeTextSet.FROZEN_6 + " yet: nothing to measure");
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        List<FreeTextPost> posts = FreeTextSet.read(FreeTextSet.FROZEN_6);
        Map<String, FreeTextScore> scores =
                FreeTextScore.byLanguage(posts, post -> FreeTextEvaluationTest.classify(classifier, post));
        String table = FreeTextScore.table(scores) + "\nBoard view\n" + FreeTextScore.boardTable(scores);
        System.out.println("Free-text set, sixth set's FROZEN third (final report of issue 14)\n" + table);
        Taxonomy.LANGUAGES.forEach(lang -> assertEquals(FreeTextSetTest.FROZEN_PER_LANGUAGE, scores.get(lang).posts));
        List<String> below = FreeTextTargets.misses(scores);
        assertTrue(below.isEmpty(), "under the targets of issue 14: " + below + "\n" + table);
    }
}
