package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

class CallerThreadLinguaTest {

    @Test
    void givesLinguasOwnValuesInLinguasOrderForEveryShippedPost() {
        com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetector.lingua();
        CallerThreadLingua here = new CallerThreadLingua(lingua);
        List<String> texts = new ArrayList<>();
        for (String file : ExampleSet.FILES) {
            ExampleSet.read(ExampleSet.DIRECTORY + file).forEach(post -> texts.add(post.text()));
        }
        // and the early returns: no letters, too short, one script's one language, one letter only Spanish has
        texts.addAll(List.of("", "  12 34 !", "ab", "Привіт", "ñ", "warm up", "wifi و SIM"));
        int scored = 0;
        for (String text : texts) {
            SortedMap<Language, Double> theirs = lingua.computeLanguageConfidenceValues(text);
            SortedMap<Language, Double> ours = here.confidenceValues(text);
            assertEquals(List.copyOf(theirs.entrySet()), List.copyOf(ours.entrySet()), text);
            scored += theirs.size() > 1 ? 1 : 0;
        }
        assertEquals(3607, texts.size());
        assertFalse(scored < 3000, "most posts are scored by n-grams, not decided by rules: " + scored);
    }

    /**
     * The point of the class: with every worker of the common pool busy, Lingua's own call waits for one, and this one
     * does not. (The pool's workers are held only for the length of this test.)
     */
    @Test
    void scoresWithoutTheCommonPool() throws Exception {
        String post = "Does anyone have a spare pushchair? Ours broke on the way back from the clinic";
        com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetector.lingua();
        CallerThreadLingua here = new CallerThreadLingua(lingua);
        SortedMap<Language, Double> expected = lingua.computeLanguageConfidenceValues(post);

        CountDownLatch release = new CountDownLatch(1);
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch busy = new CountDownLatch(workers);
        List<CompletableFuture<Void>> holds = new ArrayList<>();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < workers; i++) {
                holds.add(CompletableFuture.runAsync(() -> {
                    busy.countDown();
                    awaitQuietly(release);
                }));
            }
            busy.await(10, TimeUnit.SECONDS);
            assertEquals(expected, caller.submit(() -> here.confidenceValues(post)).get(10, TimeUnit.SECONDS));
            Future<SortedMap<Language, Double>> pooled = caller.submit(() -> lingua.computeLanguageConfidenceValues(post));
            assertThrows(java.util.concurrent.TimeoutException.class, () -> pooled.get(300, TimeUnit.MILLISECONDS),
                    "Lingua's own call is expected to wait for a common-pool worker");
        } finally {
            release.countDown();
            holds.forEach(CompletableFuture::join);
            caller.shutdown();
            caller.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesTheHighAccuracyMode() {
        assertThrows(IllegalArgumentException.class, () -> new CallerThreadLingua(
                LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.FRENCH).build()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
