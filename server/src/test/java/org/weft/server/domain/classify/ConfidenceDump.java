package org.weft.server.domain.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;

/**
 * A tuning aid, not a check: writes {@code target/confidence.tsv}, one line per post of the parts that may be tuned
 * on ({@link FreeTextSet#TUNING}, never the frozen third), with the label, what the classifier made of the post and
 * the evidence its confidence was built from ({@link TextClassifier.Explanation}), so that the confidence can be
 * compared with being right. Run with {@code -Dweft.eval.dump=true}.
 */
@EnabledIfSystemProperty(named = "weft.eval.dump", matches = "true")
class ConfidenceDump {

    @Test
    void writeTheEvidenceBehindEachConfidence() throws IOException {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        List<String> lines = new ArrayList<>();
        lines.add("part\tid\twant\tgot\tneeds\tpredicted\tright\tconfidence\tsure\tpurpose\tconcept\trival\town\tkindDisagrees\tphrases\ttext");
        for (String part : FreeTextSet.TUNING) {
            for (FreeTextPost post : FreeTextSet.read(part)) {
                TextClassifier.Explanation e =
                        classifier.explain(post.text(), ClassifierEvaluationTest.hashtagsOf(post.text()));
                Classification c = e.result();
                List<String> got = FreeTextScore.predictedConcepts(c);
                long right = got.stream().filter(post.acceptableConcepts()::contains).count();
                lines.add(String.join("\t", part.substring(part.lastIndexOf('/') + 1), post.id(), wire(post),
                        c.purpose().map(Purpose::wire).orElse("none"), post.needs().toString(), got.toString(),
                        right + "/" + got.size(), String.format(Locale.ROOT, "%.2f", c.confidence()),
                        Boolean.toString(c.isSure()), String.format(Locale.ROOT, "%.2f", e.purposeStrength()),
                        String.format(Locale.ROOT, "%.2f", e.conceptEvidence()), Boolean.toString(e.rival()),
                        Boolean.toString(e.ownWords()), Boolean.toString(e.kindDisagrees()),
                        String.join("; ", e.phrases()), post.text().replace('\n', ' ')));
            }
        }
        Files.write(Path.of("target", "confidence.tsv"), lines);
    }

    private static String wire(FreeTextPost post) {
        return post.purpose().map(Purpose::wire).orElse("none");
    }
}
