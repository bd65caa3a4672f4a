package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms under which a post word may appear in the taxonomy's vocabulary. A form is only used when the
 * vocabulary knows it, so "بالخيمة" is read as "خيمة" but "بطانية" is never cut to "طانية".
 */
final class WordForms {

    /**
     * Clitics glued to the front of Arabic words: and, so, with/in, to, like, Levantine "on the", and the article.
     * (Normalised spelling: the article combinations are written out because "ل" + "ال" contracts to "لل".)
     */
    private static final List<String> ARABIC_PREFIXES = List.of(
            "وبال", "وال", "بال", "فال", "کال", "عال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل", "ک", "ع");
    /**
     * Possessive, plural and dual endings of Arabic and Persian, in normalised spelling, longest first; the final
     * "ا" is what is left of the accusative tanween once the marks are stripped ("مكانًا" → "مکانا").
     */
    private static final List<String> ARABIC_SCRIPT_SUFFIXES = List.of(
            "هایشان", "هاشون", "هایم", "هایش", "هایی", "های", "ها", "مان", "تان", "شان", "مون", "تون", "شون",
            "ات", "ین", "ون", "ان", "ام", "اش", "ای", "هم", "کم", "نا", "ه", "ی", "م", "ت", "ش", "ا");
    private static final int MIN_ARABIC_STEM = 2;
    /** Cutting a one-letter clitic, or both ends, must leave a longer word: "باشه" is not "آش" with clitics. */
    private static final int MIN_STEM_AFTER_RISKY_CUT = 3;
    private static final int MIN_LATIN_WORD_FOR_PLURAL = 4;

    private WordForms() {
    }

    /** How a taxonomy word is stored in the vocabulary. */
    static String lexiconKey(String word, Script script) {
        return script == Script.CYRILLIC ? UkrainianStemmer.stem(word) : word;
    }

    /** Forms to look up for a post word, most faithful first. */
    static List<String> candidates(String word, Script script) {
        return switch (script) {
            case CYRILLIC -> List.of(UkrainianStemmer.stem(word));
            case LATIN -> latin(word);
            case ARABIC -> arabicScript(word);
            default -> List.of(word);
        };
    }

    private static List<String> latin(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        if (word.length() >= MIN_LATIN_WORD_FOR_PLURAL) {
            if (word.endsWith("ies")) {
                forms.add(word.substring(0, word.length() - 3) + "y");
            }
            if (word.endsWith("es")) {
                forms.add(word.substring(0, word.length() - 2));
            }
            if (word.endsWith("s") || word.endsWith("x")) {
                forms.add(word.substring(0, word.length() - 1));
            }
        }
        return List.copyOf(forms);
    }

    private static List<String> arabicScript(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        List<String> stems = new ArrayList<>();
        stems.add(word);
        for (String prefix : ARABIC_PREFIXES) {
            int min = prefix.length() == 1 ? MIN_STEM_AFTER_RISKY_CUT : MIN_ARABIC_STEM;
            if (word.startsWith(prefix) && word.length() - prefix.length() >= min) {
                String rest = word.substring(prefix.length());
                forms.add(rest);
                stems.add(rest);
            }
        }
        for (String stem : stems) {
            int min = stem.equals(word) ? MIN_ARABIC_STEM : MIN_STEM_AFTER_RISKY_CUT;
            for (String suffix : ARABIC_SCRIPT_SUFFIXES) {
                if (stem.endsWith(suffix) && stem.length() - suffix.length() >= min) {
                    forms.add(stem.substring(0, stem.length() - suffix.length()));
                }
            }
        }
        return List.copyOf(forms);
    }
}
