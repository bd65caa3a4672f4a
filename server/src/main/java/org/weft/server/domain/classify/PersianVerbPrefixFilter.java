package org.weft.server.domain.classify;

import java.io.IOException;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Joins what Persian writes with a ZWNJ, a space or nothing at all: the verb prefixes می / نمی to their verb
 * ("می توانم", "می‌توانم" and "میتوانم" are one word) and the plural ها / های to its noun. Lucene's Persian chain turns
 * the ZWNJ into a space and has no filter for this, so without it a cue phrase "میتونم" would never meet
 * "می‌تونم". Runs after the Persian normaliser (so ی is already ي); joins only words one character apart, never
 * across punctuation.
 */
final class PersianVerbPrefixFilter extends TokenFilter {

    private static final Set<String> VERB_PREFIXES = Set.of("مي", "نمي");
    private static final Set<String> PLURALS = Set.of("ها", "هاي", "هايي");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private State lookahead;
    private boolean exhausted;

    PersianVerbPrefixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (lookahead != null) {
            restoreState(lookahead);
            lookahead = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        while (true) {
            String current = term.toString();
            int start = offset.startOffset();
            int end = offset.endOffset();
            State held = captureState();
            if (exhausted || !input.incrementToken()) {
                exhausted = true;
                restoreState(held);
                return true;
            }
            String next = term.toString();
            boolean adjacent = offset.startOffset() - end <= 1;
            if (!(adjacent && (VERB_PREFIXES.contains(current) || PLURALS.contains(next)))) {
                lookahead = captureState();
                restoreState(held);
                return true;
            }
            int joinedEnd = offset.endOffset();
            restoreState(held);
            term.setEmpty().append(current).append(next);
            offset.setOffset(start, joinedEnd);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lookahead = null;
        exhausted = false;
    }
}
