package org.weft.server.domain.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * What the cue file's size costs one post (session 35, classifier9), skipped unless {@code -Dweft.eval.cuecost} names
 * an older cue file: the shipped classifier (word list and examples) with that file and with the shipped one, in one
 * JVM, over the posts of the spent sets (3,240 when it was run), alternating which goes first, three rounds (the first warms the JIT
 * up, all are counted). docs/classifier-evaluation.md, "Session 35: words a new writer uses", gives the figures.
 */
@EnabledIfSystemProperty(named = "weft.eval.cuecost", matches = ".+")
class CueCostResearchTest {

    @Test
    void whatTheLargerCueFileCostsAPost() {
        Taxonomy taxonomy = Taxonomy.load();
        List<FreeTextPost> all = FreeTextSet.readAll(FreeTextSet.ALL);
        ClassifierCues older = older(Path.of(System.getProperty("weft.eval.cuecost")));
        List<TextClassifier> classifiers = List.of(new TextClassifier(taxonomy, ExampleSet::shipped, () -> older),
                new TextClassifier(taxonomy, ExampleSet::shipped, ClassifierCues::load));
        classifiers.forEach(c -> c.classify("warm up", List.of()));
        long[][] times = new long[2][all.size() * 3];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < all.size(); i++) {
                FreeTextPost p = all.get(i);
                List<String> tags = ClassifierEvaluationTest.hashtagsOf(p.text());
                for (int which = 0; which < 2; which++) {
                    int w = (i + round + which) % 2;
                    long t = System.nanoTime();
                    classifiers.get(w).classify(p.text(), tags);
                    times[w][round * all.size() + i] = System.nanoTime() - t;
                }
            }
        }
        for (int w = 0; w < 2; w++) {
            long[] t = times[w].clone();
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "%s: p50 %.0f us, p99 %.0f us%n", w == 0 ? "older cue file" : "shipped cue file",
                    t[t.length / 2] / 1e3, t[t.length * 99 / 100] / 1e3);
        }
    }

    private static ClassifierCues older(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ClassifierCues.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
