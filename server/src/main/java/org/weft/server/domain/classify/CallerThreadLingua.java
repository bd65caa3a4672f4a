package org.weft.server.domain.classify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;

/**
 * Lingua's {@code computeLanguageConfidenceValues} for a low-accuracy detector, computed on the calling thread.
 * Lingua 1.2.2 hands the n-gram scoring to {@code ForkJoinPool.commonPool()} even for its one n-gram size, and on JDK
 * 25 the calling thread does not run that task itself while it waits (the test shows Lingua's own call stuck while
 * the pool's workers are busy): every Latin- or Arabic-script post waited for a pool worker to be woken and
 * scheduled, which was most of Lingua's 99th percentile on a busy machine (G9, BENCHMARKS.md). Lingua has no option
 * to choose the thread, so this is the same method's steps in the same order, calling Lingua's own
 * Kotlin-{@code internal} methods (public in its bytecode), with the one task run here instead of in the pool.
 * {@code CallerThreadLinguaTest} checks it gives Lingua's own answer, value for value and in the same order, for every
 * shipped post; bumping Lingua's version means reading its {@code LanguageDetector.computeLanguageConfidenceValues}
 * again.
 */
final class CallerThreadLingua {

    /** The n-gram size a low-accuracy detector scores (Lingua: trigrams only). */
    private static final int NGRAM = 3;

    /** Lingua's {@code Constant.NO_LETTER}, here as a Java pattern: Lingua's is Kotlin's regex type (the same pattern). */
    private static final Pattern NO_LETTER = Pattern.compile("^[^\\p{L}]+$");

    private final LanguageDetector lingua;

    /** @param lingua a detector built {@code withLowAccuracyMode()}: the high-accuracy mode scores five sizes */
    CallerThreadLingua(LanguageDetector lingua) {
        if (!lingua.isLowAccuracyModeEnabled$lingua()) {
            throw new IllegalArgumentException("only Lingua's low-accuracy mode is computed on the caller's thread");
        }
        this.lingua = lingua;
    }

    /** What {@code lingua.computeLanguageConfidenceValues(text)} returns: best first, 1.0 for the best. */
    SortedMap<Language, Double> confidenceValues(String text) {
        SortedMap<Language, Double> values = new TreeMap<>();
        String cleaned = lingua.cleanUpInputText$lingua(text);
        if (cleaned.isEmpty() || NO_LETTER.matcher(cleaned).matches()) {
            return values;
        }
        List<String> words = lingua.splitTextIntoWords$lingua(cleaned);
        Language byRules = lingua.detectLanguageWithRules$lingua(words);
        if (byRules != Language.UNKNOWN) {
            values.put(byRules, 1.0);
            return values;
        }
        Set<Language> filtered = lingua.filterLanguagesByRules$lingua(words);
        if (filtered.size() == 1) {
            values.put(filtered.iterator().next(), 1.0);
            return values;
        }
        if (cleaned.length() < NGRAM) {
            return values;
        }
        // Lingua's one task (n-gram size 3: no unigram counts), here rather than in the common pool
        TestDataLanguageModel model = TestDataLanguageModel.Companion.fromText(cleaned, NGRAM);
        Map<Language, Float> probabilities = lingua.computeLanguageProbabilities$lingua(model, filtered);
        Map<Language, Float> summed = lingua.sumUpProbabilities$lingua(List.of(probabilities), Map.of(), filtered);
        Map.Entry<Language, Float> highest = null;
        for (Map.Entry<Language, Float> e : summed.entrySet()) { // the first of equal maxima, as Kotlin's maxByOrNull
            if (highest == null || Float.compare(highest.getValue(), e.getValue()) < 0) {
                highest = e;
            }
        }
        if (highest == null) {
            return new TreeMap<>();
        }
        float best = highest.getValue();
        Map<Language, Double> confidences = new LinkedHashMap<>();
        summed.forEach((language, probability) -> confidences.put(language, (double) (best / probability)));
        SortedMap<Language, Double> sorted = new TreeMap<>(
                Comparator.comparing((Language l) -> confidences.get(l)).reversed()
                        .thenComparing(Comparator.naturalOrder()));
        sorted.putAll(confidences);
        return sorted;
    }
}
