package org.weft.server.domain.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds the ways people type the same word into one form, and splits text into words.
 *
 * <ul>
 *   <li>Case-folds; strips Latin diacritics (so "déménager" and "demenager" meet) but keeps the Cyrillic ones that
 *       are letters of their own (й, ї).</li>
 *   <li>Arabic and Persian: drops tashkeel and tatweel; decomposition turns أ إ آ into ا; ى ي → ی, ك → ک, ة → ه, so an
 *       Arabic keyboard and a Persian one type the same word; removes ZWNJ ("می‌توانم" = "میتوانم") and glues the
 *       Persian prefix "می" and plural "ها" to their word when typed with a space.</li>
 *   <li>Ukrainian apostrophes inside a word are removed ("здоров'я" = "здоровя"); elsewhere an apostrophe splits
 *       ("l'eau" → "l", "eau"); English "n't" becomes " not" so negations are visible.</li>
 * </ul>
 */
final class TextNormalizer {

    private static final Pattern NOT_CONTRACTION = Pattern.compile("n['’]t\\b", Pattern.CASE_INSENSITIVE);
    private static final String CLAUSE_ENDS = ".,;:!?\n،؛؟";
    private static final Set<String> PERSIAN_VERB_PREFIXES = Set.of("می", "نمی");
    private static final Set<String> PERSIAN_PLURALS = Set.of("ها", "های", "هایی");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(NOT_CONTRACTION.matcher(text).replaceAll(" not"), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        int lastBase = ' ';
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // Latin accents and Arabic harakat/hamza marks go; Cyrillic breve and diaeresis make й and ї, so stay.
                if (Script.of(lastBase) == Script.CYRILLIC) {
                    out.append(c);
                }
                continue;
            }
            if (isApostrophe(c)) {
                boolean insideCyrillicWord = Script.of(lastBase) == Script.CYRILLIC && i + 1 < decomposed.length()
                        && Script.of(decomposed.charAt(i + 1)) == Script.CYRILLIC;
                if (!insideCyrillicWord) {
                    out.append(' ');
                }
                continue;
            }
            char folded = fold(c);
            if (folded != 0) {
                out.append(folded);
                lastBase = folded;
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Normalised words with their clause numbers; Persian split verb prefixes and plurals are rejoined. */
    static List<Token> tokenize(String text) {
        String normalized = normalize(text);
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int clause = 0;
        for (int i = 0; i <= normalized.length(); i++) {
            char c = i < normalized.length() ? normalized.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || (word.length() > 0 && Character.getType(c) == Character.NON_SPACING_MARK)) {
                word.append(c);
                continue;
            }
            if (word.length() > 0) {
                addWord(tokens, word.toString(), clause);
                word.setLength(0);
            }
            if (CLAUSE_ENDS.indexOf(c) >= 0) {
                clause++;
            }
        }
        return tokens;
    }

    /** Just the words, for patterns and vocabulary. */
    static List<String> words(String text) {
        return tokenize(text).stream().map(Token::text).toList();
    }

    private static void addWord(List<Token> tokens, String word, int clause) {
        Script script = Script.of(word);
        if (!tokens.isEmpty()) {
            Token previous = tokens.get(tokens.size() - 1);
            boolean sameArabicClause = script == Script.ARABIC && previous.script() == Script.ARABIC
                    && previous.clause() == clause;
            if (sameArabicClause && (PERSIAN_VERB_PREFIXES.contains(previous.text()) || PERSIAN_PLURALS.contains(word))) {
                tokens.set(tokens.size() - 1, new Token(previous.text() + word, script, clause));
                return;
            }
        }
        tokens.add(new Token(word, script, clause));
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`';
    }

    /** One character folded to its matching form; 0 means drop it. */
    private static char fold(char c) {
        return switch (c) {
            case '\u200c', '\u200d', '\u200e', '\u200f', '\u0640' -> 0; // ZWNJ, ZWJ, direction marks, tatweel
            case '\u0671' -> '\u0627';           // alef wasla → alef
            case '\u0649', '\u064a' -> '\u06cc'; // alef maqsura, Arabic yeh → Persian yeh
            case '\u0643' -> '\u06a9';           // Arabic kaf → Persian keheh
            case '\u0629', '\u06c0' -> '\u0647'; // teh marbuta, heh with yeh → heh
            default -> foldDigit(c);
        };
    }

    private static char foldDigit(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06f0' && c <= '\u06f9') {
            return (char) ('0' + (c - '\u06f0'));
        }
        return c;
    }
}
