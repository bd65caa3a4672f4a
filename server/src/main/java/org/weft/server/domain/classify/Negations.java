package org.weft.server.domain.classify;

import java.util.List;
import java.util.Optional;

/**
 * Marks words that sit in the scope of a negation, so that "we don't need food, we need blankets" is about
 * blankets. Most languages negate before the noun ("no", "pas de", "без", "ما"); Persian mostly negates the verb after
 * it ("غذا نمی‌خواهیم"). The scope is a few words and never crosses a comma or full stop.
 */
final class Negations {

    static final int SCOPE = 3;

    private final CueSet before;
    private final CueSet after;

    Negations(CueSet before, CueSet after) {
        this.before = before;
        this.after = after;
    }

    boolean[] scope(List<Token> tokens, Optional<String> language) {
        boolean[] negated = new boolean[tokens.size()];
        for (CueHit hit : before.find(tokens, language)) {
            int clause = tokens.get(hit.start()).clause();
            for (int i = hit.end(); i < Math.min(tokens.size(), hit.end() + SCOPE); i++) {
                negated[i] |= tokens.get(i).clause() == clause;
            }
        }
        for (CueHit hit : after.find(tokens, language)) {
            int clause = tokens.get(hit.start()).clause();
            for (int i = Math.max(0, hit.start() - SCOPE); i < hit.start(); i++) {
                negated[i] |= tokens.get(i).clause() == clause;
            }
        }
        return negated;
    }
}
