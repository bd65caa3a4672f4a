package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group of cue phrases (for example all purpose phrases) and the rule that picks among overlapping ones: longest
 * phrase first, then earliest, and a word belongs to one phrase only. So in "if anyone needs bread, I have some"
 * the offer phrase "if anyone needs" takes "needs" away from the request cue "needs".
 */
final class CueSet {

    /** Hits sort as the patterns' scan found them: longest first, then earliest, then in the patterns' order. */
    private static final Comparator<Found> PRECEDENCE = Comparator.comparingInt((Found f) -> f.hit().weight()).reversed()
            .thenComparingInt(f -> f.hit().start()).thenComparingInt(Found::order);
    private static final int[] NONE = new int[0];

    private final List<CuePattern> patterns;
    /**
     * Each pattern's place in {@link #patterns} by its first word, when that is a whole word: a post's word is tried
     * only against the patterns that can start there, not against all of them (over a thousand purpose phrases).
     */
    private final Map<String, int[]> byFirstWord;
    /** The patterns whose first word is a prefix ({@code "need*"}), tried at every word. */
    private final int[] prefixed;

    /** A hit and the place of its pattern in {@link #patterns}, which breaks ties between overlapping hits. */
    private record Found(CueHit hit, int order) {
    }

    CueSet(List<CuePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        Map<String, List<Integer>> starting = new HashMap<>();
        List<Integer> prefixes = new ArrayList<>();
        for (int i = 0; i < this.patterns.size(); i++) {
            String first = this.patterns.get(i).parts().get(0);
            if (first.endsWith("*")) {
                prefixes.add(i);
            } else {
                starting.computeIfAbsent(first, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        starting.forEach((word, places) -> index.put(word, places.stream().mapToInt(Integer::intValue).toArray()));
        this.byFirstWord = Map.copyOf(index);
        this.prefixed = prefixes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Non-overlapping hits of the patterns usable for a post. Arabic-script words are claimed by the detected
     * language (Arabic or Persian); Latin words by the detected Latin language, or English in an Arabic, Persian or
     * Ukrainian post; with no language detected every pattern applies.
     */
    List<CueHit> find(List<Token> tokens, Optional<String> language) {
        List<String> words = tokens.stream().map(Token::surface).toList();
        List<Found> all = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            String word = words.get(start);
            for (int order : byFirstWord.getOrDefault(word, NONE)) {
                tryAt(order, words, start, language, all);
            }
            for (int order : prefixed) {
                tryAt(order, words, start, language, all);
            }
        }
        all.sort(PRECEDENCE);
        boolean[] taken = new boolean[words.size()];
        List<CueHit> accepted = new ArrayList<>();
        for (Found found : all) {
            CueHit hit = found.hit();
            if (isFree(taken, hit)) {
                for (int i = hit.start(); i < hit.end(); i++) {
                    taken[i] = true;
                }
                accepted.add(hit);
            }
        }
        accepted.sort(Comparator.comparingInt(CueHit::start));
        return accepted;
    }

    private void tryAt(int order, List<String> words, int start, Optional<String> language, List<Found> into) {
        CuePattern pattern = patterns.get(order);
        if (!LanguageGate.allows(pattern.lang(), language)) {
            return;
        }
        int end = pattern.matchAt(words, start);
        if (end > start) {
            into.add(new Found(new CueHit(pattern, start, end), order));
        }
    }

    private static boolean isFree(boolean[] taken, CueHit hit) {
        for (int i = hit.start(); i < hit.end(); i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
