package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The final report of issue 14: the classifier as shipped (the word list, checked against the labelled posts of the
 * spent sets, {@link ExampleCheck}) on a free-text set written blind apart from the tuning and not among the examples
 * ({@link FreeTextSet#BLIND}: its development part, then its frozen third, in {@code classify/free-text/}; the seventh,
 * eighth, ninth and tenth sets were measured so in sessions 32, 34 and 35 and are spent; none waits there now),
 * against the issue's targets
 * per language ({@link FreeTextTargets}): concept precision ≥ 0.90 on what goes on the board without a moderator,
 * recall ≥ 0.85, ≥ 0.95 of the posts that are neither offer nor request kept off the board, and at most a quarter of
 * the offers and requests held for a moderator. Both parts are printed, and the 360 together, for the shipped reading
 * and for the word list alone (the yardstick: what the examples add); the targets are asserted on the frozen third of
 * the shipped reading, the issue's measure.
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
        assumeTrue(FreeTextSet.BLIND.size() == 2, "no set written blind is waiting to be measured");
        String developmentPart = FreeTextSet.BLIND.get(0);
        String frozenPart = FreeTextSet.BLIND.get(1);
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        Reader shipped = post -> FreeTextEvaluationTest.classify(classifier, post);
        Reader words = post -> classifier.explain(post.text(), ClassifierEvaluationTest.hashtagsOf(post.text())).result();
        Map<String, FreeTextScore> development = measure(shipped, "as shipped, development part", developmentPart);
        Map<String, FreeTextScore> frozen = measure(shipped, "as shipped, FROZEN third", frozenPart);
        measure(shipped, "as shipped, both parts (360 posts)", developmentPart, frozenPart);
        measure(words, "word list alone, development part", developmentPart);
        measure(words, "word list alone, FROZEN third", frozenPart);
        measure(words, "word list alone, both parts (360 posts)", developmentPart, frozenPart);
        Taxonomy.LANGUAGES.forEach(lang -> {
            assertEquals(FreeTextSetTest.DEVELOPMENT_PER_LANGUAGE, development.get(lang).posts);
            assertEquals(FreeTextSetTest.FROZEN_PER_LANGUAGE, frozen.get(lang).posts);
        });
        List<String> below = FreeTextTargets.misses(frozen);
        assertTrue(below.isEmpty(), "under the targets of issue 14 on the frozen third: " + below);
    }

    /** One way of reading a post: the shipped classifier, or its word list alone. */
    private interface Reader extends Function<FreeTextPost, Classification> {
    }

    private static Map<String, FreeTextScore> measure(Reader reader, String what, String... parts) {
        List<FreeTextPost> posts = FreeTextSet.readAll(List.of(parts));
        Map<String, FreeTextScore> scores = FreeTextScore.byLanguage(posts, reader);
        System.out.println("Free-text set written blind, " + what + " (final report of issue 14)\n" + FreeTextScore.table(scores)
                + "\nBoard view\n" + FreeTextScore.boardTable(scores));
        return scores;
    }
}
