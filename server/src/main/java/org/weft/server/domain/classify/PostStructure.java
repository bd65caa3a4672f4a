package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * The parts a post is built of, so that a need is read with the phrase that asks for it or offers it rather than with
 * every word of the post: "Little one has a fever and the pharmacy is shut. Has anyone got calpol? Also running low on
 * nappies if anyone has spare" is three sentences, the last two of them asking.
 *
 * <p>A <em>unit</em> is a clause of a sentence: sentences by ICU's sentence rules for the post's language (the
 * segmentation Lucene's ICU tokenizer uses), every line on its own (Mastodon posts break lines where prose would put
 * a full stop, and list items are lines), and a new clause at a connective that joins two clauses ("and", "but",
 * "also" and their equivalents in the six languages). A line that starts with a dash, a bullet, a number or an emoji
 * is a list item. Hashtags stand apart: a tag is a deliberate choice wherever it sits.
 */
final class PostStructure {

    /**
     * Words that start a new clause, by language, folded by the language's analyzer as a post's words are (case,
     * diacritics, Persian and Arabic letter forms). Arabic and Persian "و" is written apart or joined to the next
     * word; joined forms ("وكمان") are listed as such. Persian "هم" (also) follows the word it adds ("پتو هم"), so it
     * starts nothing.
     */
    private static final Map<String, Set<String>> CONNECTIVES = folded(Map.of(
            "en", Set.of("and", "but", "also", "plus"),
            "fr", Set.of("et", "mais", "aussi", "puis"),
            "es", Set.of("y", "e", "pero", "tambien", "ademas"),
            "uk", Set.of("і", "й", "та", "а", "але", "також", "ще"),
            "ar", Set.of("و", "بس", "كمان", "وكمان", "لكن", "ولكن", "وبس", "كذلك", "وكذلك", "برضو", "وبرضو"),
            "fa", Set.of("و", "ولی", "اما", "همچنین")));

    /**
     * One clause of a post.
     *
     * @param start    offset of its first character
     * @param end      offset after its last character
     * @param sentence index of the sentence (or line) it belongs to
     * @param listItem whether its line starts with a list marker
     */
    record Unit(int start, int end, int sentence, boolean listItem) {
    }

    /** One sentence iterator per language, never used itself: {@link #sentenceBreaks} hands out clones. */
    private static final Map<String, BreakIterator> SENTENCE_BREAKS = new ConcurrentHashMap<>();

    private final List<Unit> units;
    private final int[] unitOfToken;
    private final boolean[] hashtag;

    private PostStructure(List<Unit> units, int[] unitOfToken, boolean[] hashtag) {
        this.units = List.copyOf(units);
        this.unitOfToken = unitOfToken;
        this.hashtag = hashtag;
    }

    /** The units of {@code text}, whose words {@code tokens} are as the analyzer of {@code language} gave them. */
    static PostStructure of(String text, Optional<String> language, List<Token> tokens) {
        List<int[]> sentences = sentences(text, language);
        Set<String> connectives = language.map(l -> CONNECTIVES.getOrDefault(l, Set.of())).orElse(Set.of());
        List<Unit> units = new ArrayList<>();
        int[] unitOf = new int[tokens.size()];
        boolean[] hashtag = new boolean[tokens.size()];
        int sentence = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            int s = sentenceAt(sentences, token.start());
            boolean connective = connectives.contains(token.surface());
            if (s != sentence || (connective && i > 0)) {
                int unitStart = s != sentence ? sentences.get(s)[0] : token.start();
                units.add(new Unit(unitStart, sentences.get(s)[1], s, isListItem(text, sentences.get(s)[0])));
                if (units.size() > 1 && units.get(units.size() - 2).sentence() == s) {
                    Unit previous = units.get(units.size() - 2);
                    units.set(units.size() - 2, new Unit(previous.start(), token.start(), s, previous.listItem()));
                }
                sentence = s;
            }
            unitOf[i] = units.size() - 1;
            hashtag[i] = token.start() > 0 && text.charAt(token.start() - 1) == '#';
        }
        return new PostStructure(units, unitOf, hashtag);
    }

    private static Map<String, Set<String>> folded(Map<String, Set<String>> words) {
        Map<String, Set<String>> folded = new HashMap<>();
        words.forEach((language, set) -> folded.put(language, set.stream()
                .flatMap(w -> TextAnalysis.words(language, w).stream()).collect(Collectors.toUnmodifiableSet())));
        return Map.copyOf(folded);
    }

    List<Unit> units() {
        return units;
    }

    /** The unit the word at {@code position} sits in. */
    int unitOf(int position) {
        return unitOfToken[position];
    }

    /** Whether the word at {@code position} is written as a hashtag. */
    boolean isHashtag(int position) {
        return hashtag[position];
    }

    /** Sentence spans [start, end): ICU's sentences, cut again at every line break. */
    private static List<int[]> sentences(String text, Optional<String> language) {
        List<int[]> spans = new ArrayList<>();
        BreakIterator breaks = sentenceBreaks(language.orElse("en"));
        breaks.setText(text);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            int lineStart = start;
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    spans.add(new int[] {lineStart, i + 1});
                    lineStart = i + 1;
                }
            }
            if (lineStart < end) {
                spans.add(new int[] {lineStart, end});
            }
        }
        return spans;
    }

    /**
     * A fresh sentence iterator for {@code language}, cloned from one kept per language: ICU keeps only the last
     * locale's, so posts in turn in several languages had it build each one again from its rules (three quarters of
     * the time spent in ICU in the G9 profile). Cloning is how ICU hands out its own kept iterator, from any thread.
     */
    private static BreakIterator sentenceBreaks(String language) {
        return (BreakIterator) SENTENCE_BREAKS.computeIfAbsent(language,
                l -> BreakIterator.getSentenceInstance(new ULocale(l))).clone();
    }

    private static int sentenceAt(List<int[]> sentences, int offset) {
        for (int i = 0; i < sentences.size(); i++) {
            if (offset < sentences.get(i)[1]) {
                return i;
            }
        }
        return sentences.size() - 1;
    }

    /** A line starting with a dash, a bullet, a star, a number followed by "." or ")", or an emoji. */
    private static boolean isListItem(String text, int lineStart) {
        if (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            return false; // a sentence in the middle of a line
        }
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        int c = text.codePointAt(i);
        if (c == '-' || c == '•' || c == '*' || c == '·' || c == '–' || c == '▪' || c == '►') {
            return true;
        }
        if (Character.isDigit(c)) {
            int j = i;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
            return j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')');
        }
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL;
    }
}
