package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Every label and synonym of the taxonomy, indexed by its normalised words, and the matcher that finds them in a
 * post. Longer phrases win over the words inside them ("silla de ruedas" is a wheelchair, not a chair) and weigh more.
 */
final class ConceptLexicon {

    /** A phrase of one language pointing at a concept; {@link #IGNORED} for a phrase that means something else. */
    private record Entry(String conceptId, String lang) {
    }

    private static final String IGNORED = "";

    static final double WORD_WEIGHT = 1.0;
    static final double EXTRA_WORD_WEIGHT = 0.5;
    /** A negated mention still counts a little: "my son has no backpack" is still about a backpack. */
    static final double NEGATED_FACTOR = 0.3;
    /** A weak word ("kids" in "kids' shoes") counts half when it stands alone. */
    static final double WEAK_FACTOR = 0.5;

    private final Map<String, List<Entry>> phrases = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, Set<String>> weakWords;
    private int longestPhrase = 1;

    /**
     * @param weakWords      per language, normalised words that only count half on their own
     * @param ignoredPhrases per language, phrases that hide a concept word ("після обіду" is the afternoon)
     */
    ConceptLexicon(Taxonomy taxonomy, Map<String, Set<String>> weakWords, Map<String, List<String>> ignoredPhrases) {
        this.weakWords = weakWords;
        for (Concept concept : taxonomy.all()) {
            for (String lang : Taxonomy.LANGUAGES) {
                add(concept.id(), lang, concept.labels().get(lang));
                concept.synonyms(lang).forEach(s -> add(concept.id(), lang, s));
            }
        }
        ignoredPhrases.forEach((lang, phrases) -> phrases.forEach(p -> add(IGNORED, lang, p)));
    }

    private void add(String conceptId, String lang, String phrase) {
        List<Token> tokens = TextNormalizer.tokenize(phrase);
        if (tokens.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Token token : tokens) {
            String key = WordForms.lexiconKey(token.text(), token.script());
            keys.add(key);
            vocabulary.add(key);
        }
        List<Entry> entries = phrases.computeIfAbsent(String.join(" ", keys), k -> new ArrayList<>());
        Entry entry = new Entry(conceptId, lang);
        if (!entries.contains(entry)) {
            entries.add(entry);
        }
        longestPhrase = Math.max(longestPhrase, keys.size());
    }

    /** Concept mentions in a post, longest phrase first at each position, gated by the post's language. */
    List<ConceptHit> find(List<Token> tokens, Optional<String> language, boolean[] negated) {
        List<String> keys = tokens.stream().map(this::resolve).toList();
        List<ConceptHit> hits = new ArrayList<>();
        int i = 0;
        while (i < keys.size()) {
            int matched = 0;
            for (int length = Math.min(longestPhrase, keys.size() - i); length >= 1 && matched == 0; length--) {
                Set<String> concepts = conceptsFor(String.join(" ", keys.subList(i, i + length)), language);
                if (!concepts.isEmpty()) {
                    double weight = WORD_WEIGHT + EXTRA_WORD_WEIGHT * (length - 1);
                    if (anyNegated(negated, i, length)) {
                        weight *= NEGATED_FACTOR;
                    }
                    if (length == 1 && isWeak(tokens.get(i).text(), language)) {
                        weight *= WEAK_FACTOR;
                    }
                    for (String conceptId : concepts) {
                        if (!conceptId.equals(IGNORED)) {
                            hits.add(new ConceptHit(conceptId, weight, i));
                        }
                    }
                    matched = length;
                }
            }
            i += Math.max(1, matched);
        }
        return hits;
    }

    /** The vocabulary form of a post word: the word itself, or a form without clitics or endings that is known. */
    String resolve(Token token) {
        for (String form : WordForms.candidates(token.text(), token.script())) {
            if (vocabulary.contains(form)) {
                return form;
            }
        }
        return token.text();
    }

    private Set<String> conceptsFor(String key, Optional<String> language) {
        Set<String> concepts = new LinkedHashSet<>();
        for (Entry entry : phrases.getOrDefault(key, List.of())) {
            if (LanguageGate.allows(entry.lang(), language)) {
                concepts.add(entry.conceptId());
            }
        }
        return concepts;
    }

    private boolean isWeak(String word, Optional<String> language) {
        return weakWords.entrySet().stream()
                .anyMatch(e -> LanguageGate.allows(e.getKey(), language) && e.getValue().contains(word));
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
