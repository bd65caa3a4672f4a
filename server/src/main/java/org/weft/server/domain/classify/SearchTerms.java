package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The words a board search looks for, as the classifier's Lucene analyzers give them. A proposal's words are stored
 * once, when it is written, as its own language's analyzer reads them (each word folded, and stemmed or lemmatised:
 * "أدويتها" and "أدوية" meet, so do "enfants" and "enfant"); a search's words, whose language is not known, are read
 * by all six analyzers, and a word is found when any of its readings is among a proposal's stored terms.
 */
public final class SearchTerms {
    /** Bumped when the analysis changes: proposals stored under an older version are analysed again at start-up. */
    public static final int VERSION = 1;
    /** Longer terms are not stored (the column's width); no real word is that long. */
    public static final int MAX_TERM = 64;
    /** A proposal keeps at most this many distinct terms; a long description's later words are not searched. */
    static final int MAX_TERMS = 400;
    /** A search reads at most this many of its words. */
    static final int MAX_WORDS = 8;

    private SearchTerms() {
    }

    /**
     * The terms to store for a proposal written in {@code language} ({@code und} or any other: the language its
     * script says).
     */
    public static Set<String> ofPost(String language, String title, String description) {
        String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description);
        String lang = Taxonomy.LANGUAGES.contains(language) ? language : Script.majorityLanguage(text);
        Set<String> terms = new LinkedHashSet<>();
        for (Token token : TextAnalysis.tokens(lang, text)) {
            addAll(terms, token);
            if (terms.size() >= MAX_TERMS) {
                break;
            }
        }
        return terms;
    }

    /**
     * The words of a search, each as the set of its readings in the six languages (surface and stems); a proposal
     * matches the words when it holds at least one reading of every word. At most {@value #MAX_WORDS} words.
     */
    public static List<Set<String>> ofQuery(String text) {
        Map<String, Set<String>> words = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        for (String word : text.strip().split("\\s+")) {
            for (String language : Taxonomy.LANGUAGES) {
                List<Token> tokens = TextAnalysis.tokens(language, word);
                for (int i = 0; i < tokens.size(); i++) {
                    addAll(words.computeIfAbsent(word + "\u0000" + i, k -> new LinkedHashSet<>()), tokens.get(i));
                }
            }
        }
        List<Set<String>> found = new ArrayList<>();
        for (Set<String> readings : words.values()) {
            if (!readings.isEmpty() && found.size() < MAX_WORDS) {
                found.add(readings);
            }
        }
        return found;
    }

    private static void addAll(Set<String> into, Token token) {
        if (token.surface() != null && token.surface().length() <= MAX_TERM) {
            into.add(token.surface());
        }
        token.terms().stream().filter(t -> t.length() <= MAX_TERM).forEach(into::add);
    }
}
