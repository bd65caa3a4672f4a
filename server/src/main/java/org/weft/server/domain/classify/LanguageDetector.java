package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Tells which of the six languages a post is written in, with Lingua (n-gram models made for short texts) restricted
 * to those six. It runs in Lingua's low-accuracy mode, which loads only the trigram models: measured on the
 * free-text development set it is as right as the high-accuracy mode (237 of 240 posts, missing only Arabizi and
 * Finglish, which no model of Arabic or Persian script can know), with a twentieth of the memory (+9 MB of heap
 * instead of +180 MB) and a fifth of the load time (0.5 s instead of 2.4 s).
 *
 * <p>Each language's model is loaded once per JVM, when a text first needs it, and kept: Lingua first narrows the
 * candidates by script, so Latin-script posts load only English, French and Spanish ({@link #warmUp()} does that from a
 * background thread at start-up), the first Arabic-script post loads Arabic and Persian, and Ukrainian, the only
 * Cyrillic language of the six, needs no model at all. Preloading all six kept 4.4 MB more live heap on an idle server
 * (50.4 against 46.0 MB; the Arabic and Persian models are 3.0 MB of it; docs/operating.md, "Memory"). The
 * detector is shared by all threads; Lingua loads a model under a lock.
 */
final class LanguageDetector {

    private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.FRENCH, "fr",
            Language.SPANISH, "es", Language.UKRAINIAN, "uk", Language.ARABIC, "ar", Language.PERSIAN, "fa");

    private LanguageDetector() {
    }

    /**
     * How close another language's score must come to the best one's for the text to count as ambiguous between
     * them. Lingua's confidence values are relative (the best is 1.0); on short Latin-script posts ("Period pads and
     * tampons") English, French and Spanish often lie within a few hundredths of each other.
     */
    static final double CLOSE_CALL = 0.85;

    /** The language code of {@code text}, or empty when it has no letters or Lingua cannot tell. */
    static Optional<String> detect(String text) {
        List<String> candidates = candidates(text);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /**
     * Lingua's choice first, then every language it finds nearly as likely ({@value #CLOSE_CALL} of the best score
     * or more), best first; empty when the text has no letters or Lingua cannot tell.
     */
    static List<String> candidates(String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        double best = 0;
        for (Map.Entry<Language, Double> e : Models.DETECTOR.confidenceValues(text).entrySet()) {
            String code = CODES.get(e.getKey());
            if (code == null) {
                continue;
            }
            best = Math.max(best, e.getValue());
            if (e.getValue() >= best * CLOSE_CALL && e.getValue() > 0) {
                candidates.add(code);
            }
        }
        return candidates;
    }

    /** Loads the Latin-script models now rather than when the first post arrives. */
    static void warmUp() {
        detect("warm up");
    }

    /** Holder: the models load when this class is first touched, once, under the JVM's class-initialisation lock. */
    private static final class Models {
        static final CallerThreadLingua DETECTOR = new CallerThreadLingua(lingua());
    }

    /** Lingua restricted to the six languages, in its low-accuracy mode; its models load as texts need them. */
    static com.github.pemistahl.lingua.api.LanguageDetector lingua() {
        return LanguageDetectorBuilder.fromLanguages(CODES.keySet().toArray(new Language[0]))
                .withLowAccuracyMode()
                .build();
    }
}
