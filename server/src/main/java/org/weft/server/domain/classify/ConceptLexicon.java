package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Every label and synonym of the taxonomy, analysed by the {@link PostAnalyzer} of its language, and the matcher that
 * finds them in a post analysed the same way. A post word meets a vocabulary word when they share a stem or a
 * dictionary form. Longer phrases win over the words inside them ("silla de ruedas" is a wheelchair, not a chair)
 * and weigh more.
 */
final class ConceptLexicon {

    /**
     * A phrase of one language pointing at a concept ({@link #IGNORED} for a phrase that means something else);
     * {@code added} when it comes from the cue file's concept words rather than the taxonomy.
     */
    private record Phrase(List<Token> words, String conceptId, String lang, boolean added) {
    }

    private static final String IGNORED = "";

    static final double WORD_WEIGHT = 1.0;
    static final double EXTRA_WORD_WEIGHT = 0.5;
    /** A negated mention still counts a little: "my son has no backpack" is still about a backpack. */
    static final double NEGATED_FACTOR = 0.3;
    /** A weak word ("kids" in "kids' shoes") counts half when it stands alone. */
    static final double WEAK_FACTOR = 0.5;

    /** Phrases by the terms of their first word. */
    private final Map<String, List<Phrase>> byFirstTerm = new HashMap<>();
    private final Map<String, Set<String>> weakTerms;

    /**
     * @param cues the weak words (per language, stems of words that only count half on their own), the ignored
     *             phrases (per language, phrases that hide a concept word: "після обіду" is the afternoon) and the
     *             concept words (per concept and language, words people use besides the taxonomy's)
     * @throws IllegalStateException when the cues name a concept the taxonomy does not have
     */
    ConceptLexicon(Taxonomy taxonomy, ClassifierCues cues) {
        this.weakTerms = cues.weakWords;
        for (Concept concept : taxonomy.all()) {
            if (concept.id().equals(Taxonomy.OTHER_ID)) {
                continue; // the fallback, never something a word points at ("other" is also an English word)
            }
            for (String lang : Taxonomy.LANGUAGES) {
                add(concept.id(), lang, concept.labels().get(lang), false);
                concept.synonyms(lang).forEach(s -> add(concept.id(), lang, s, false));
            }
        }
        cues.conceptWords.forEach((conceptId, byLang) -> {
            if (taxonomy.byId(conceptId).isEmpty()) {
                throw new IllegalStateException("classifier cues name an unknown concept \"" + conceptId + "\"");
            }
            byLang.forEach((lang, words) -> words.forEach(w -> add(conceptId, lang, w, true)));
        });
        cues.ignoredPhrases.forEach((lang, phrases) -> phrases.forEach(p -> add(IGNORED, lang, p, false)));
    }

    private void add(String conceptId, String lang, String text, boolean added) {
        if (text == null) {
            return;
        }
        List<Token> words = TextAnalysis.tokens(lang, text);
        if (words.isEmpty()) {
            return;
        }
        Phrase phrase = new Phrase(words, conceptId, lang, added);
        for (String term : words.get(0).terms()) {
            List<Phrase> phrases = byFirstTerm.computeIfAbsent(term, k -> new ArrayList<>());
            if (phrases.stream().noneMatch(p -> p.conceptId().equals(conceptId) && p.lang().equals(lang)
                    && sameTerms(p.words(), words))) {
                phrases.add(phrase);
            }
        }
    }

    /** Concept mentions in a post, longest phrase first at each position, gated by the post's language. */
    List<ConceptHit> find(List<Token> tokens, Optional<String> language, boolean[] negated) {
        List<ConceptHit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int length = 0;
            // Concept -> whether only added words name it here (a taxonomy word for the same concept wins).
            Map<String, Boolean> concepts = new LinkedHashMap<>();
            for (Phrase phrase : candidates(tokens.get(i))) {
                int size = phrase.words().size();
                if (size < length || !LanguageGate.allows(phrase.lang(), language) || !matchesAt(phrase, tokens, i)) {
                    continue;
                }
                if (size > length) {
                    length = size;
                    concepts.clear();
                }
                concepts.merge(phrase.conceptId(), phrase.added(), Boolean::logicalAnd);
            }
            if (length > 0) {
                double weight = WORD_WEIGHT + EXTRA_WORD_WEIGHT * (length - 1);
                if (anyNegated(negated, i, length)) {
                    weight *= NEGATED_FACTOR;
                }
                if (length == 1 && isWeak(tokens.get(i), language)) {
                    weight *= WEAK_FACTOR;
                }
                for (Map.Entry<String, Boolean> concept : concepts.entrySet()) {
                    if (!concept.getKey().equals(IGNORED)) {
                        hits.add(new ConceptHit(concept.getKey(), weight, i, concept.getValue()));
                    }
                }
            }
            i += Math.max(1, length);
        }
        return hits;
    }

    private List<Phrase> candidates(Token token) {
        List<Phrase> all = new ArrayList<>();
        for (String term : token.terms()) {
            all.addAll(byFirstTerm.getOrDefault(term, List.of()));
        }
        return all;
    }

    private static boolean matchesAt(Phrase phrase, List<Token> tokens, int start) {
        List<Token> words = phrase.words();
        if (start + words.size() > tokens.size()) {
            return false;
        }
        for (int j = 0; j < words.size(); j++) {
            if (!words.get(j).sharesTermWith(tokens.get(start + j))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTerms(List<Token> a, List<Token> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).terms().equals(b.get(i).terms())) {
                return false;
            }
        }
        return true;
    }

    private boolean isWeak(Token token, Optional<String> language) {
        return weakTerms.entrySet().stream().anyMatch(e -> LanguageGate.allows(e.getKey(), language)
                && token.terms().stream().anyMatch(e.getValue()::contains));
    }

    private static boolean anyNegated(boolean[] negated, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (negated[i]) {
                return true;
            }
        }
        return false;
    }
}
