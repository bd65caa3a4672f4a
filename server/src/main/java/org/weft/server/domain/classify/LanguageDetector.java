package org.weft.server.domain.classify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses the language of a post. The script decides first (Arabic script, Cyrillic, Latin). Persian and Arabic share
 * a script, but a Persian keyboard types ی and ک where an Arabic one types ي and ك, and only Persian has پ چ ژ گ;
 * Arabic has ة and ى; a few very common words settle the rest. Latin-script posts are told apart by stopwords, with
 * letters only French (é è ç …) or Spanish (ñ ¿ ¡ …) uses as a tie-breaker. Cyrillic is taken as Ukrainian.
 */
final class LanguageDetector {

    private static final String PERSIAN_LETTERS = "پچژگکی";
    private static final String ARABIC_ONLY_LETTERS = "ةىيك";
    /** Normalised (ي→ی, ك→ک): frequent words of one language that the other rarely writes. */
    private static final Set<String> PERSIAN_WORDS = Set.of("است", "را", "رو", "برای", "هستم", "هستیم", "این", "یک",
            "که", "داره", "دارم", "داریم", "میتونم", "میتوانم", "کسی", "نیاز", "لازم", "خیلی", "هر", "تا", "با");
    private static final Set<String> ARABIC_WORDS = Set.of("في", "فی", "علی", "هل", "الی", "عن", "هذا", "هذه", "اللی",
            "عندی", "بدی", "شو", "لا", "حدا", "یوم", "او", "انا");
    private static final String FRENCH_LETTERS = "éèêëàâçœùûîï";
    private static final String SPANISH_LETTERS = "ñáíóú¿¡";
    private static final List<String> LATIN_LANGUAGES = List.of("en", "fr", "es");

    private final Map<String, Set<String>> stopwords;

    LanguageDetector(Map<String, Set<String>> stopwords) {
        this.stopwords = stopwords;
    }

    Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int arabic = 0;
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                switch (Script.of(cp)) {
                    case ARABIC -> arabic++;
                    case CYRILLIC -> cyrillic++;
                    case LATIN -> latin++;
                    default -> { }
                }
            }
            i += Character.charCount(cp);
        }
        if (arabic == 0 && cyrillic == 0 && latin == 0) {
            return Optional.empty();
        }
        if (arabic >= cyrillic && arabic >= latin) {
            return Optional.of(persianOrArabic(text));
        }
        if (cyrillic >= latin) {
            return Optional.of("uk");
        }
        return latinLanguage(text);
    }

    private static String persianOrArabic(String text) {
        double persian = count(text, PERSIAN_LETTERS);
        double arabic = count(text, ARABIC_ONLY_LETTERS);
        for (Token token : TextNormalizer.tokenize(text)) {
            if (PERSIAN_WORDS.contains(token.text())) {
                persian += 2;
            }
            if (ARABIC_WORDS.contains(token.text())) {
                arabic += 2;
            }
            if (token.text().startsWith("ال") && token.text().length() > 3) {
                arabic += 0.5;
            }
        }
        return persian > arabic ? "fa" : "ar";
    }

    private Optional<String> latinLanguage(String text) {
        List<String> words = TextNormalizer.words(text);
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        double bestScore = 0;
        for (String lang : LATIN_LANGUAGES) {
            Set<String> stops = stopwords.getOrDefault(lang, Set.of());
            double score = words.stream().filter(stops::contains).mapToDouble(this::stopwordWeight).sum();
            score += switch (lang) {
                case "fr" -> Math.min(2, count(lower, FRENCH_LETTERS)) * 0.75;
                case "es" -> Math.min(2, count(lower, SPANISH_LETTERS)) * 0.75;
                default -> 0;
            };
            if (score > bestScore) {
                best = lang;
                bestScore = score;
            } else if (score == bestScore) {
                best = null; // a tie is no evidence either way; better no language than a wrong one
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A stopword shared by several languages ("de", "a") counts for each of them in part, and a one-letter one
     * ("l" in "size L") counts half.
     */
    private double stopwordWeight(String word) {
        long languages = LATIN_LANGUAGES.stream().filter(l -> stopwords.getOrDefault(l, Set.of()).contains(word)).count();
        return (word.length() == 1 ? 0.5 : 1.0) / languages;
    }

    private static int count(String text, String letters) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (letters.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }
}
