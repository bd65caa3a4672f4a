package org.weft.server.domain.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Runs a language's {@link PostAnalyzer} over a text and returns its words as {@link Token}s: the surface form, the
 * stems or dictionary forms at the same position, and the clause each word sits in. The analyzers are built once
 * per JVM and shared (a Lucene analyzer is thread-safe; each thread reuses its own token stream).
 */
final class TextAnalysis {

    private static final String FIELD = "text";
    private static final String CLAUSE_ENDS = ".,;:!?\n،؛؟";
    private static final Map<String, PostAnalyzer> ANALYZERS = analyzers();

    private TextAnalysis() {
    }

    /** The words of {@code text} as the analyzer of {@code language} sees them; emoji and symbols are left out. */
    static List<Token> tokens(String language, String text) {
        PostAnalyzer analyzer = ANALYZERS.get(language);
        if (analyzer == null) {
            throw new IllegalArgumentException("no analysis for language " + language);
        }
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            KeywordAttribute keyword = stream.addAttribute(KeywordAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String surface = null;
            Set<String> terms = new LinkedHashSet<>();
            int clause = 0;
            int lastEnd = 0;
            int start = 0;
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0) {
                    add(tokens, surface, terms, clause, start);
                    surface = null;
                    terms = new LinkedHashSet<>();
                    clause += clauseEnds(text, lastEnd, offset.startOffset());
                    lastEnd = Math.max(lastEnd, offset.endOffset());
                    start = offset.startOffset();
                }
                String word = term.toString();
                if (keyword.isKeyword() && surface == null) {
                    surface = word;
                } else {
                    terms.add(word);
                }
            }
            add(tokens, surface, terms, clause, start);
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e); // cannot happen
        }
        return tokens;
    }

    /**
     * A hashtag as one folded word: without '#', case, underscores, diacritics or the letter variants of the Arabic
     * script, so #طلب_مساعدة, #طلب_مساعده and #طلبمساعدة are one tag.
     */
    static String hashtagKey(String hashtag) {
        String tag = hashtag.strip();
        if (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        return String.join("", words(PostAnalyzer.NEUTRAL, tag.replace('_', ' ')));
    }

    /** The surface forms only, for cue patterns and word lists. */
    static List<String> words(String language, String text) {
        return tokens(language, text).stream().map(Token::surface).toList();
    }

    private static void add(List<Token> tokens, String surface, Set<String> terms, int clause, int start) {
        if (surface == null && terms.isEmpty()) {
            return;
        }
        String word = surface != null ? surface : terms.iterator().next();
        if (!hasLetterOrDigit(word)) {
            return; // an emoji or a symbol: the tokenizer keeps them, the classifier has no use for them
        }
        if (terms.isEmpty()) {
            terms.add(word);
        }
        tokens.add(new Token(word, List.copyOf(terms), Script.of(word), clause, start));
    }

    private static int clauseEnds(String text, int from, int to) {
        int ends = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0) {
                ends++;
            }
        }
        return ends;
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static Map<String, PostAnalyzer> analyzers() {
        Map<String, PostAnalyzer> byLanguage = new HashMap<>();
        for (String language : Taxonomy.LANGUAGES) {
            byLanguage.put(language, new PostAnalyzer(language));
        }
        byLanguage.put(PostAnalyzer.NEUTRAL, new PostAnalyzer(PostAnalyzer.NEUTRAL));
        return Map.copyOf(byLanguage);
    }
}
