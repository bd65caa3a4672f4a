package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Research for issue 14, skipped unless {@code -Dweft.eval.samewriter=true}: would a community's own labelled posts
 * (a moderator's one-tap choices, kept as examples) help the classifier read that community's next posts? The seventh
 * set stands in for one community's writers: its frozen third is read with the shipped examples, then with the
 * shipped examples and its development part (the same writers, other scenes) labelled as a moderator would. The set
 * is spent (measured once, session 32), so this is a question about the mechanism, not a new figure of quality.
 */
@EnabledIfSystemProperty(named = "weft.eval.samewriter", matches = "true")
class SameWriterExamplesResearchTest {

    @Test
    void aCommunitysOwnLabelledPostsAsExtraExamples() {
        Taxonomy taxonomy = Taxonomy.load();
        List<FreeTextPost> frozen = FreeTextSet.read(FreeTextSet.FROZEN_7);
        // The seventh set is among the shipped examples since session 34: the six sets before it stand in for them.
        List<LabelledExample> sixSets = FreeTextSet.readAll(FreeTextSet.ALL.subList(0, 12)).stream()
                .map(LeaveOneSetOutEvaluationTest::example).toList();
        List<LabelledExample> withOwn = new ArrayList<>(sixSets);
        FreeTextSet.read(FreeTextSet.DEVELOPMENT_7).stream().map(LeaveOneSetOutEvaluationTest::example).forEach(withOwn::add);
        TextClassifier shipped = new TextClassifier(taxonomy, () -> sixSets);
        TextClassifier own = new TextClassifier(taxonomy, () -> withOwn);
        report("shipped examples (2,160)", FreeTextScore.byLanguage(frozen, p -> FreeTextEvaluationTest.classify(shipped, p)));
        report("shipped + the same writers' 240 labelled posts",
                FreeTextScore.byLanguage(frozen, p -> FreeTextEvaluationTest.classify(own, p)));
    }

    private static void report(String what, Map<String, FreeTextScore> scores) {
        System.out.println("Seventh set's frozen third, " + what + "\n" + FreeTextScore.table(scores) + "\nBoard view\n"
                + FreeTextScore.boardTable(scores));
    }
}
