package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * A phrase people use to signal something ("looking for", "نیاز دارم", "j'ai ... en trop"), analysed by its
 * language's {@link PostAnalyzer} and matched on the surface form of the post's words (folded, not stemmed: cue
 * words are short and function words stem into each other, "маю" would meet "мати", mother). A word ending in
 * {@code *} matches any word starting with it; {@code ...} matches up to {@value #MAX_GAP} words.
 *
 * @param label what the phrase signals (a purpose, a kind, a negation)
 * @param lang  language the phrase belongs to
 * @param parts folded words, {@code "..."} for a gap, a trailing {@code *} for a prefix
 */
record CuePattern(String label, String lang, List<String> parts) {

    static final int MAX_GAP = 5;
    private static final String GAP = "...";

    static CuePattern parse(String label, String lang, String pattern) {
        List<String> parts = new ArrayList<>();
        for (String raw : pattern.strip().split("\\s+")) {
            if (raw.equals(GAP)) {
                parts.add(GAP);
                continue;
            }
            boolean prefix = raw.endsWith("*");
            List<String> words = TextAnalysis.words(lang, prefix ? raw.substring(0, raw.length() - 1) : raw);
            for (int i = 0; i < words.size(); i++) {
                parts.add(prefix && i == words.size() - 1 ? words.get(i) + "*" : words.get(i));
            }
        }
        if (parts.isEmpty() || parts.get(0).equals(GAP) || parts.get(parts.size() - 1).equals(GAP)) {
            throw new IllegalArgumentException("cue pattern \"" + pattern + "\" must start and end with a word");
        }
        return new CuePattern(label, lang, List.copyOf(parts));
    }

    /** Number of real words; longer phrases are more specific and win overlaps. */
    int weight() {
        return (int) parts.stream().filter(p -> !p.equals(GAP)).count();
    }

    /** End (exclusive) of a match starting at {@code start}, or -1. */
    int matchAt(List<String> words, int start) {
        return match(words, start, 0);
    }

    private int match(List<String> words, int position, int part) {
        if (part == parts.size()) {
            return position;
        }
        String expected = parts.get(part);
        if (expected.equals(GAP)) {
            for (int skip = 0; skip <= MAX_GAP; skip++) {
                int end = match(words, position + skip, part + 1);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (position >= words.size() || !wordMatches(expected, words.get(position))) {
            return -1;
        }
        return match(words, position + 1, part + 1);
    }

    private static boolean wordMatches(String expected, String word) {
        return expected.endsWith("*") ? word.startsWith(expected.substring(0, expected.length() - 1)) : word.equals(expected);
    }
}
