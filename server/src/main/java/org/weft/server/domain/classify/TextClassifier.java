package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;

/**
 * Classifies the text of a post (for example from Mastodon) into purpose, taxonomy concepts, kind of help and
 * language. Thread-safe once built; build one per taxonomy and share it.
 */
public final class TextClassifier {

    static final int MAX_CONCEPTS = 3;
    static final double HASHTAG_WEIGHT = 3.0;
    /** Score at which the concept evidence counts as conclusive: a hashtag, or three words. */
    static final double CONCLUSIVE_SCORE = 3.0;
    /**
     * A post that neither offers nor asks needs this much evidence to get a category: "meeting moved to the big
     * tent" is not about tents. One phrase of two words or two words of one family are enough.
     */
    static final double MIN_SCORE_WITHOUT_PURPOSE = 1.5;
    /** Words read in another language than the detected one, when the detected one found nothing, count less. */
    static final double OTHER_LANGUAGE_FACTOR = 0.7;
    private static final Pattern HASHTAG_IN_TEXT = Pattern.compile("#([\\p{L}\\p{M}\\p{N}_]+)");

    private final Taxonomy taxonomy;
    private final LanguageDetector languages;
    private final ConceptLexicon lexicon;
    private final ConceptRanker ranker;
    private final Negations negations;
    private final PurposeDetector purposes;
    private final KindDetector kinds;

    public TextClassifier(Taxonomy taxonomy) {
        ClassifierCues cues = ClassifierCues.load();
        this.taxonomy = taxonomy;
        this.languages = new LanguageDetector(cues.stopwords);
        this.lexicon = new ConceptLexicon(taxonomy, cues.weakWords, cues.ignoredPhrases);
        this.ranker = new ConceptRanker(taxonomy);
        this.negations = new Negations(cues.negationsBefore, cues.negationsAfter);
        this.purposes = new PurposeDetector(cues.purposeHashtags, cues.purposePhrases);
        this.kinds = new KindDetector(taxonomy, cues.conceptKinds, cues.kindPhrases);
    }

    /**
     * @param text     the post's plain text (HTML already stripped)
     * @param hashtags the post's hashtags, with or without '#'; hashtags written in the text are read as well
     */
    public Classification classify(String text, List<String> hashtags) {
        String body = text == null ? "" : text;
        Collection<String> tags = hashtags(body, hashtags);
        Optional<String> language = languages.detect(body);
        List<Token> tokens = TextNormalizer.tokenize(body);
        boolean question = body.indexOf('?') >= 0 || body.indexOf('؟') >= 0;
        PurposeDetector.Signal purpose = purposes.detect(tags, tokens, language, question);

        List<ConceptHit> hits = new ArrayList<>();
        for (String tag : tags) {
            // Position -1: a category hashtag is a deliberate choice, so it outranks any word in the text.
            taxonomy.byHashtag(tag).ifPresent(c -> hits.add(new ConceptHit(c.id(), HASHTAG_WEIGHT, -1)));
        }
        hits.addAll(textHits(tokens, language));
        List<ConceptRanker.Ranked> ranked = ranker.rank(hits);
        if (purpose.purpose().isEmpty() && !ranked.isEmpty() && ranked.get(0).familyScore() < MIN_SCORE_WITHOUT_PURPOSE) {
            ranked = List.of();
        }

        List<Concept> concepts = ranked.isEmpty() ? List.of(taxonomy.other())
                : ranked.stream().limit(MAX_CONCEPTS).map(ConceptRanker.Ranked::concept).toList();
        Optional<HelpKind> kind = kinds.detect(tokens, language, concepts.get(0));
        double conceptEvidence = ranked.isEmpty() ? 0 : Math.min(1.0, ranked.get(0).score() / CONCLUSIVE_SCORE);
        double confidence = Math.round((0.6 * conceptEvidence + 0.4 * purpose.strength()) * 100) / 100.0;
        return new Classification(purpose.purpose(), concepts, kind, language, confidence);
    }

    private List<ConceptHit> textHits(List<Token> tokens, Optional<String> language) {
        List<ConceptHit> hits = lexicon.find(tokens, language, negations.scope(tokens, language));
        if (hits.isEmpty() && language.isPresent()) {
            Optional<String> any = Optional.empty();
            return lexicon.find(tokens, any, negations.scope(tokens, any)).stream()
                    .map(h -> new ConceptHit(h.conceptId(), h.weight() * OTHER_LANGUAGE_FACTOR, h.position())).toList();
        }
        return hits;
    }

    /** Given and written hashtags, each once however it is cased, so a tag in both places does not count twice. */
    private static Collection<String> hashtags(String text, List<String> given) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (given != null) {
            given.stream().filter(t -> t != null && !t.isBlank()).forEach(t -> tags.putIfAbsent(ClassifierCues.hashtagKey(t), t));
        }
        Matcher m = HASHTAG_IN_TEXT.matcher(text);
        while (m.find()) {
            tags.putIfAbsent(ClassifierCues.hashtagKey(m.group(1)), m.group(1));
        }
        return tags.values();
    }
}
