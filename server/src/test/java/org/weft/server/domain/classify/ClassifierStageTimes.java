package org.weft.server.domain.classify;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * A measuring aid for G9, not a check: the wall time of each stage of reading a post, each stage run on its own over
 * the 3,600 shipped posts in file order (a JIT warm-up round first, then three measured rounds), with the collector's
 * time beside. The stages overlap (the word list's reading includes the analysis and the structure), so the figures
 * say where the time goes, not a sum. Run with {@code -Dweft.eval.stages=true}; figures in BENCHMARKS.md, "G9: where
 * the time goes".
 */
@EnabledIfSystemProperty(named = "weft.eval.stages", matches = "true")
class ClassifierStageTimes {

    private static final int ROUNDS = 3;

    @Test
    void printTheTimeOfEachStage() {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        ExampleIndex index = ExampleIndex.of(ExampleSet.shipped());
        List<LabelledExample> posts = ExampleSet.shipped();
        Map<String, Consumer<LabelledExample>> stages = new LinkedHashMap<>();
        List<Long> handOff = new ArrayList<>();
        stages.put("language (Lingua, candidates)", p -> LanguageDetector.candidates(p.text()));
        // Lingua hands its n-gram scoring to a common-pool worker (ForkJoinPool.invokeAll) and waits; a worker of that
        // pool runs it itself. The difference is the hand-off.
        stages.put("language (Lingua) timed on a pool worker", p -> handOff.add(ForkJoinPool.commonPool().submit(() -> {
            long start = System.nanoTime();
            LanguageDetector.candidates(p.text());
            return System.nanoTime() - start;
        }).join()));
        stages.put("analysis (Lucene chain, own language)", p -> TextAnalysis.tokens(p.language(), p.text()));
        stages.put("sentences and units (ICU)", p -> PostStructure.of(p.text(), Optional.of(p.language()),
                TextAnalysis.tokens(p.language(), p.text())));
        stages.put("examples: stems (analysis again)", p -> ExampleIndex.stems(p.language(), p.text()));
        stages.put("examples: look-up (stems and BM25)", p -> index.nearest(p.text(), Optional.of(p.language()),
                ExampleCheck.NEIGHBOURS));
        stages.put("word list (explain)", p -> classifier.explain(p.text(), List.of()));
        stages.put("whole (classifyWithReadings)", p -> classifier.classifyWithReadings(p.text(), List.of()));
        classifier.classify("warm up", List.of());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "G9 stages over %d shipped posts x %d rounds (wall time per post, µs)%n%-40s %8s %8s %8s %8s %9s%n",
                posts.size(), ROUNDS, "stage", "p50", "p90", "p99", "mean", "GC ms"));
        for (Map.Entry<String, Consumer<LabelledExample>> stage : stages.entrySet()) {
            posts.forEach(stage.getValue()); // warm-up
            long gcBefore = gcMillis();
            List<Long> times = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (LabelledExample post : posts) {
                    long start = System.nanoTime();
                    stage.getValue().accept(post);
                    times.add(System.nanoTime() - start);
                }
            }
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f %8.1f %9d%n", stage.getKey(),
                    t[t.length / 2] / 1e3, t[t.length * 9 / 10] / 1e3, t[t.length * 99 / 100] / 1e3,
                    times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e3, gcMillis() - gcBefore));
        }
        long[] inside = handOff.stream().mapToLong(Long::longValue).skip(posts.size()).sorted().toArray();
        out.append(String.format(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f%n", "language (Lingua), inside the worker",
                inside[inside.length / 2] / 1e3, inside[inside.length * 9 / 10] / 1e3, inside[inside.length * 99 / 100] / 1e3));
        System.out.println(out);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }
}
