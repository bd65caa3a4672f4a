package org.weft.server.domain.classify;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * What Lucene's Arabic and Persian light stemmers leave on a noun: possessive endings ("داروش", his medicine;
 * "بطانياتكم", your blankets), the feminine ة that turns into ت before them ("أدويتها", her medicines), and the alef
 * left of an accusative tanween once the marks are gone ("مكانًا"). For each such word this filter adds, at the same
 * position, the word without them, so both go on to the stemmer and the one the vocabulary knows is found. The
 * original stays: a form is an alternative, never a replacement, so "بيتها" still finds "بيت". Endings are cut only
 * when at least {@value #MIN_STEM} letters remain. Runs after the normalisers (ي, ك, ه spellings) and before the
 * stemmer; words marked as keywords (the surface copies) pass untouched.
 */
final class ArabicScriptSuffixFilter extends TokenFilter {

    static final int MIN_STEM = 3;
    /** Arabic possessive endings the light stemmer does not cut (it does cut ها, ه and ي). */
    private static final List<String> ARABIC_POSSESSIVES = List.of("كما", "كم", "كن", "هما", "هم", "هن", "نا", "ك");
    /** Persian possessive and personal endings, longest first. */
    private static final List<String> PERSIAN_ENDINGS = List.of(
            "هايشان", "هايتان", "هايمان", "هايش", "هايت", "هايم", "شان", "تان", "مان", "اش", "ام", "ات", "يش", "يت", "يم",
            "ش", "م", "ت");
    private static final char TEH = '\u062A';
    private static final char HEH = '\u0647';
    private static final char ALEF = '\u0627';

    private final boolean persian;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State current;

    /** @param persian true for Persian endings, false for Arabic ones */
    ArabicScriptSuffixFilter(TokenStream input, boolean persian) {
        super(input);
        this.persian = persian;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            pending.addAll(variants(term.toString()));
            current = pending.isEmpty() ? null : captureState();
        }
        return true;
    }

    private Set<String> variants(String word) {
        Set<String> forms = new LinkedHashSet<>();
        for (String ending : persian ? PERSIAN_ENDINGS : ARABIC_POSSESSIVES) {
            cut(word, ending, forms);
        }
        if (!persian) {
            for (String ending : List.of("ها", "ه", "ي")) {
                if (word.endsWith(ending) && word.length() - ending.length() > MIN_STEM
                        && word.charAt(word.length() - ending.length() - 1) == TEH) {
                    cut(word, ending, forms);
                }
            }
            if (word.length() > MIN_STEM && word.charAt(word.length() - 1) == ALEF) {
                forms.add(word.substring(0, word.length() - 1));
            }
        }
        forms.remove(word);
        return forms;
    }

    /**
     * The word without {@code ending}, if enough is left; in Arabic also with ة (normalised to ه) for a final ت,
     * which is what the feminine ending becomes before a possessive: "أدويتها" → "ادويت" and "ادويه".
     */
    private void cut(String word, String ending, Set<String> forms) {
        if (!word.endsWith(ending) || word.length() - ending.length() < MIN_STEM) {
            return;
        }
        String stem = word.substring(0, word.length() - ending.length());
        forms.add(stem);
        if (!persian && stem.length() > MIN_STEM && stem.charAt(stem.length() - 1) == TEH) {
            forms.add(stem.substring(0, stem.length() - 1) + HEH);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }
}
