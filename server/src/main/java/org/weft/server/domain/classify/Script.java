package org.weft.server.domain.classify;

/** The writing system of a word; it decides how the word is normalised, stemmed and which languages can claim it. */
enum Script {
    LATIN, ARABIC, CYRILLIC, OTHER;

    /** The script of the first letter in {@code word}; {@link #OTHER} for digits and anything else. */
    static Script of(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isLetter(cp)) {
                return of(cp);
            }
            i += Character.charCount(cp);
        }
        return OTHER;
    }

    static Script of(int codePoint) {
        return switch (Character.UnicodeScript.of(codePoint)) {
            case LATIN -> LATIN;
            case ARABIC -> ARABIC;
            case CYRILLIC -> CYRILLIC;
            default -> OTHER;
        };
    }

    /**
     * The language whose analyzer suits a text whose language is unknown: the one of its most frequent script
     * (Arabic for the Arabic script, Ukrainian for Cyrillic, English otherwise).
     */
    static String majorityLanguage(String text) {
        int[] counts = new int[values().length];
        text.codePoints().filter(Character::isLetter).forEach(cp -> counts[of(cp).ordinal()]++);
        if (counts[ARABIC.ordinal()] > counts[LATIN.ordinal()] && counts[ARABIC.ordinal()] >= counts[CYRILLIC.ordinal()]) {
            return "ar";
        }
        return counts[CYRILLIC.ordinal()] > counts[LATIN.ordinal()] ? "uk" : "en";
    }

    /** The script a language of the taxonomy is written in. */
    static Script ofLanguage(String lang) {
        return switch (lang) {
            case "ar", "fa" -> ARABIC;
            case "uk" -> CYRILLIC;
            case "en", "fr", "es" -> LATIN;
            default -> OTHER;
        };
    }
}
