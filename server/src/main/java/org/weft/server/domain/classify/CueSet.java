package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A group of cue phrases (for example all purpose phrases) and the rule that picks among overlapping ones: longest
 * phrase first, then earliest, and a word belongs to one phrase only. So in "if anyone needs bread, I have some"
 * the offer phrase "if anyone needs" takes "needs" away from the request cue "needs".
 */
final class CueSet {

    private final List<CuePattern> patterns;

    CueSet(List<CuePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Non-overlapping hits of the patterns usable for a post. Arabic-script words are claimed by the detected
     * language (Arabic or Persian); Latin words by the detected Latin language, or English in an Arabic, Persian or
     * Ukrainian post; with no language detected every pattern applies.
     */
    List<CueHit> find(List<Token> tokens, Optional<String> language) {
        List<String> words = tokens.stream().map(Token::surface).toList();
        List<CueHit> all = new ArrayList<>();
        for (CuePattern pattern : patterns) {
            if (!LanguageGate.allows(pattern.lang(), language)) {
                continue;
            }
            for (int start = 0; start < words.size(); start++) {
                int end = pattern.matchAt(words, start);
                if (end > start) {
                    all.add(new CueHit(pattern, start, end));
                }
            }
        }
        all.sort(Comparator.comparingInt(CueHit::weight).reversed().thenComparingInt(CueHit::start));
        boolean[] taken = new boolean[words.size()];
        List<CueHit> accepted = new ArrayList<>();
        for (CueHit hit : all) {
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

    private static boolean isFree(boolean[] taken, CueHit hit) {
        for (int i = hit.start(); i < hit.end(); i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
