package org.weft.server.domain.classify;

import java.util.List;

/**
 * A crude suffix stripper for Ukrainian nouns and adjectives: "ковдра", "ковдри", "ковдру", "ковдрами" all become
 * "ковдр". It is applied to the taxonomy's words and to post words alike, so it only has to be consistent, not
 * linguistically right. Vowel changes inside the stem (візок/візка) are covered by listing forms as synonyms.
 */
final class UkrainianStemmer {

    /** Longest first, so "ами" is tried before "и". */
    private static final List<String> ENDINGS = List.of(
            "ями", "ами", "ьми", "ові", "еві", "ого", "ому", "ими", "іми", "ій", "ий", "их", "іх", "ої", "ою", "ею",
            "ям", "ам", "ах", "ях", "ів", "їв", "ом", "ем", "ей", "ми",
            "а", "я", "и", "і", "у", "ю", "о", "е", "ь", "й", "ї", "є");
    private static final int MIN_STEM = 2;

    private UkrainianStemmer() {
    }

    static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }
}
