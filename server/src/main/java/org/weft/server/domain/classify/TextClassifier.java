package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * Classifies the text of a post (for example from Mastodon) into purpose, taxonomy concepts, kind of help and
 * language. Thread-safe once built; build one per taxonomy and share it. A post is read twice: by the word list (the
 * taxonomy's words and the cue file), and by the labelled posts nearest to it ({@link ExampleCheck}), which decide
 * whether the word list's reading may go on a board without a moderator.
 */
public final class TextClassifier {

    static final int MAX_CONCEPTS = 3;
    static final double HASHTAG_WEIGHT = 3.0;
    /** Score at which the concept evidence counts as conclusive: a hashtag, a phrase and a word, or two words. */
    static final double CONCLUSIVE_SCORE = 2.0;
    /** A left-out concept of another family with this share of the best score makes the post ambiguous. */
    static final double RIVAL_SHARE = 0.75;
    static final double RIVAL_FACTOR = 0.67;
    /**
     * A best concept that rests on one word (concept evidence under {@value #TWO_WORDS}) costs this much, enough to
     * keep it under {@link Classification#SURE} whatever the purpose: on the parts tuned on, such a concept was right
     * 0.39 of the time (42/109), one from two words or a phrase 0.84 (294/349).
     */
    static final double ONE_WORD_FACTOR = 0.7;
    /** Concept evidence of a two-word phrase (1.5 over {@value #CONCLUSIVE_SCORE}). */
    static final double TWO_WORDS = 0.75;
    /**
     * A post that neither offers nor asks needs this much evidence to get a category: "meeting moved to the big
     * tent" is not about tents. One phrase of two words or two words of one family are enough.
     */
    static final double MIN_SCORE_WITHOUT_PURPOSE = 1.5;
    /** Words read in another language than the detected one, when the detected one found nothing, count less. */
    static final double OTHER_LANGUAGE_FACTOR = 0.7;
    private static final Pattern HASHTAG_IN_TEXT = Pattern.compile("#([\\p{L}\\p{M}\\p{N}_]+)");

    private final Taxonomy taxonomy;
    private final Supplier<List<LabelledExample>> examples;
    private final Supplier<ClassifierCues> cues;
    /** Null until {@link #startLoading} or the first reading starts the build. */
    private volatile CompletableFuture<Parts> parts;

    /** What the classifier reads with, built once from the taxonomy and the cue file. */
    private record Parts(ConceptLexicon lexicon, ConceptRanker ranker, Negations negations, PurposeDetector purposes,
                         KindDetector kinds, ExampleCheck examples) {
    }

    /**
     * A classifier not built yet: {@link #startLoading} builds it in a background thread, and the first {@link
     * #classify} waits for that (or starts it); an error in the cue file surfaces there. Analysing the vocabulary and
     * reading the Ukrainian dictionary take about 0.7 s, loading Lingua's models 0.8 s, indexing the 3,600 shipped
     * examples 0.5-1.7 s (about 6.6 MB of heap): the server starts the build once it is ready, so that this work
     * does not compete with its start-up for the CPU.
     */
    public TextClassifier(Taxonomy taxonomy) {
        this(taxonomy, ExampleSet::shipped);
    }

    /**
     * A classifier whose second reading is by {@code examples} (the shipped ones, {@link ExampleSet#shipped()}, in
     * the server; some of them, when a test reads a set that must not be among its own examples).
     */
    TextClassifier(Taxonomy taxonomy, Supplier<List<LabelledExample>> examples) {
        this(taxonomy, examples, ClassifierCues::load);
    }

    /** A classifier reading with other cues than the shipped file's: a test compares two cue files in one JVM. */
    TextClassifier(Taxonomy taxonomy, Supplier<List<LabelledExample>> examples, Supplier<ClassifierCues> cues) {
        this.taxonomy = taxonomy;
        this.examples = examples;
        this.cues = cues;
    }

    /** Starts building the classifier in a background thread, if nothing has started it yet, and returns at once. */
    public void startLoading() {
        loading();
    }

    private CompletableFuture<Parts> loading() {
        CompletableFuture<Parts> started = parts;
        if (started == null) {
            synchronized (this) {
                if (parts == null) {
                    parts = CompletableFuture.supplyAsync(() -> build(taxonomy, examples, cues.get()),
                            TextClassifier::inDaemonThread);
                }
                started = parts;
            }
        }
        return started;
    }

    private static Parts build(Taxonomy taxonomy, Supplier<List<LabelledExample>> examples, ClassifierCues cues) {
        Parts parts = new Parts(new ConceptLexicon(taxonomy, cues), new ConceptRanker(taxonomy),
                new Negations(cues.negationsBefore, cues.negationsAfter),
                new PurposeDetector(cues.purposeHashtags, cues.purposePhrases, cues.readerWords, cues.firstPersonVerbs),
                new KindDetector(taxonomy, cues.conceptKinds, cues.kindPhrases),
                new ExampleCheck(taxonomy, ExampleIndex.of(examples.get())));
        LanguageDetector.warmUp();
        return parts;
    }

    private static void inDaemonThread(Runnable task) {
        Thread thread = new Thread(task, "weft-classifier-load");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param text     the post's plain text (HTML already stripped)
     * @param hashtags the post's hashtags, with or without '#'; hashtags written in the text are read as well
     */
    public Classification classify(String text, List<String> hashtags) {
        return classifyWithReadings(text, hashtags).result();
    }

    /**
     * As {@link #classify}, with the two best readings of the post (the classification's and the next best), which a
     * moderator chooses from when the classifier is not sure ({@link Classification#isSure()}).
     */
    public ClassifiedPost classifyWithReadings(String text, List<String> hashtags) {
        Parts p = loading().join();
        String body = text == null ? "" : text;
        Collection<String> tags = hashtags(body, hashtags);
        Reading reading = bestReading(p, body);
        Explanation e = explain(p, body, tags, reading);
        Set<String> named = e.ranked().stream().map(r -> r.concept().id()).collect(Collectors.toSet());
        // The examples are looked up by the words the word list read, in the language it read them in.
        return p.examples().check(body, tags, new ClassifiedPost(e.result(), e.readings()), named, reading.tokens());
    }

    /**
     * What the word list made of a post and the evidence its confidence was built from, for tests and for telling a
     * moderator why a post waits; before the examples' check ({@link ExampleCheck}), which {@link #classify} adds.
     *
     * @param purposeStrength 0..1, how clearly the post offers or asks
     * @param conceptEvidence 0..1, the best concept's score over {@value #CONCLUSIVE_SCORE}
     * @param rival           a concept of another family nearly as strong as the best was left out
     * @param ownWords        the best concept is named by the taxonomy's own words (or a hashtag), not only by
     *                        words added for the classifier
     * @param kindDisagrees   the post's kind words speak against the best concept (gift words for a service)
     * @param ranked          every concept the post's words named, best first, with its evidence
     * @param units           the post's sentences and clauses ({@link PostStructure}) in order, each with what it gave
     * @param readings        the result's reading and the next best ({@link #readings}); empty without a purpose
     * @param phrases         the offer, request and "neither" phrases the purpose was read from, as "label: words"
     */
    record Explanation(Classification result, double purposeStrength, double conceptEvidence, boolean rival,
                       boolean ownWords, boolean kindDisagrees, List<ConceptRanker.Ranked> ranked,
                       List<UnitReading> units, List<PostReading> readings, List<String> phrases) {
    }

    /**
     * One unit of a post and what the classifier took from it.
     *
     * @param start    offset of its first character in the post's text
     * @param end      offset after its last character
     * @param listItem whether its line starts with a list marker
     * @param governed whether a purpose phrase governs it ({@link Governance}); concepts named only outside every
     *                 governed unit are not kept beside a governed need
     * @param concepts the concepts its words name, in order of mention
     */
    record UnitReading(int start, int end, boolean listItem, boolean governed, List<String> concepts) {
    }

    Explanation explain(String text, List<String> hashtags) {
        Parts p = loading().join();
        String body = text == null ? "" : text;
        return explain(p, body, hashtags(body, hashtags), bestReading(p, body));
    }

    /**
     * The word list's reading of {@code body} read as {@code reading}. Each group of cue phrases is looked for once
     * per post, and what it found is handed to every step that asks.
     */
    private Explanation explain(Parts p, String body, Collection<String> tags, Reading reading) {
        Optional<String> language = reading.language();
        List<Token> tokens = reading.tokens();
        boolean question = body.indexOf('?') >= 0 || body.indexOf('؟') >= 0;
        List<CueHit> phrasesFound = p.purposes().phrasesFound(tokens, language, reading.purposePhrases());
        PurposeDetector.Signal purpose = p.purposes().detect(tags, tokens, language, question, phrasesFound);

        List<ConceptHit> hits = new ArrayList<>();
        for (String tag : tags) {
            // Position -1: a category hashtag is a deliberate choice, so it outranks any word in the text.
            taxonomy.byHashtag(tag).ifPresent(c -> hits.add(new ConceptHit(c.id(), HASHTAG_WEIGHT, -1)));
        }
        hits.addAll(reading.hits().isEmpty() ? otherLanguageHits(p, tokens) : reading.hits());
        PostStructure structure = PostStructure.of(body, language, tokens);
        Governance governance = Governance.of(structure, PurposeDetector.purposePhrases(phrasesFound), hits);
        List<ConceptRanker.Ranked> ranked = p.ranker().rank(hits);
        // Each concept's evidence in the units a purpose phrase governs; empty when no governed unit names a concept.
        Map<String, Double> governed = governance.applies() ? scores(p.ranker().rank(governance.governedOnly(hits))) : Map.of();
        if (purpose.purpose().isEmpty() && !ranked.isEmpty() && ranked.get(0).familyScore() < MIN_SCORE_WITHOUT_PURPOSE) {
            ranked = List.of();
        }

        List<Concept> concepts = ranked.isEmpty() ? List.of(taxonomy.other()) : surest(ranked, governed);
        Set<String> kindCues = p.kinds().cues(tokens, language);
        Optional<HelpKind> kind = p.kinds().detect(kindCues, concepts.get(0));
        boolean kindDisagrees = !ranked.isEmpty() && p.kinds().disagrees(kindCues, concepts.get(0));
        Explanation e = explained(purpose, ranked, concepts, kind, language, kindDisagrees,
                units(structure, governance, hits));
        List<ConceptRanker.Ranked> named = ranked;
        List<PostReading> readings = purpose.purpose().map(first -> readings(new PostReading(first, concepts, kind),
                purpose.strength(), named, c -> p.kinds().detect(kindCues, c))).orElse(List.of());
        List<String> phrases = phrasesFound.stream()
                .map(h -> h.label() + ": " + String.join(" ", h.pattern().parts())).toList();
        return new Explanation(e.result(), e.purposeStrength(), e.conceptEvidence(), e.rival(), e.ownWords(),
                e.kindDisagrees(), e.ranked(), e.units(), readings, phrases);
    }

    /** A purpose this weak (a bare question, or offer and request phrases nearly even) leaves the other one open. */
    static final double DOUBTFUL_PURPOSE = 0.5;

    /**
     * The classification's reading and the next best, in this order of what most often makes the classifier unsure
     * (docs/classifier-evaluation.md): a concept of another family named nearly as strongly (that family instead); a
     * kept second need of another family (the first need alone); a doubtful purpose (the other purpose); another concept
     * of the same family (that one instead); else the other purpose. Only the first when the post named no concept.
     * On every part written so far (HeldReadingsEvaluationTest, tuning figures) either reading is right for 0.49 of held
     * posts, the first for 0.36; the second helps mostly by leaving out a weaker need, and the other purpose was never
     * the right one (a held post's concepts are what is wrong): it is offered only when the words name nothing else.
     */
    private static List<PostReading> readings(PostReading first, double purposeStrength, List<ConceptRanker.Ranked> ranked,
                                              Function<Concept, Optional<HelpKind>> kindOf) {
        if (ranked.isEmpty()) {
            return List.of(first);
        }
        String family = ranked.get(0).family();
        Purpose purpose = first.purpose();
        Optional<ConceptRanker.Ranked> rival = ranked.stream()
                .filter(r -> !r.family().equals(family) && !first.concepts().contains(r.concept())).findFirst();
        PostReading second;
        if (rival.isPresent()) {
            List<Concept> theirs = ranked.stream().filter(r -> r.family().equals(rival.get().family())
                    && (r == rival.get() || r.score() >= MIN_EXTRA_SCORE)).map(ConceptRanker.Ranked::concept)
                    .limit(MAX_CONCEPTS).toList();
            second = new PostReading(purpose, theirs, kindOf.apply(theirs.get(0)));
        } else if (ranked.stream().anyMatch(r -> !r.family().equals(family) && first.concepts().contains(r.concept()))) {
            List<Concept> firstNeed = ranked.stream().filter(r -> r.family().equals(family) && first.concepts()
                    .contains(r.concept())).map(ConceptRanker.Ranked::concept).toList();
            second = new PostReading(purpose, firstNeed, first.kind());
        } else if (purposeStrength < DOUBTFUL_PURPOSE) {
            second = new PostReading(other(purpose), first.concepts(), first.kind());
        } else {
            Optional<Concept> sibling = ranked.stream().map(ConceptRanker.Ranked::concept)
                    .filter(c -> !first.concepts().contains(c)).findFirst();
            second = sibling.map(c -> new PostReading(purpose, List.of(c), kindOf.apply(c)))
                    .orElseGet(() -> new PostReading(other(purpose), first.concepts(), first.kind()));
        }
        return List.of(first, second);
    }

    private static Purpose other(Purpose purpose) {
        return purpose == Purpose.OFFER ? Purpose.REQUEST : Purpose.OFFER;
    }

    /** Which unit of the post said what: its text span, whether a purpose phrase governs it, the concepts it names. */
    private static List<UnitReading> units(PostStructure structure, Governance governance, List<ConceptHit> hits) {
        List<UnitReading> units = new ArrayList<>();
        for (int u = 0; u < structure.units().size(); u++) {
            PostStructure.Unit unit = structure.units().get(u);
            int index = u;
            List<String> named = hits.stream().filter(h -> h.position() >= 0 && structure.unitOf(h.position()) == index)
                    .map(ConceptHit::conceptId).distinct().toList();
            units.add(new UnitReading(unit.start(), unit.end(), unit.listItem(), governance.governs(u), named));
        }
        return units;
    }

    /**
     * The concepts a board search's words name, in any of the six languages ("babysitting", "رعاية أطفال", "garde
     * d'enfants" all name a kind of childcare): each language's vocabulary, read with that language's analyzer. Weak
     * and negated words name nothing; "other" is never named.
     */
    public List<Concept> conceptsNamedIn(String text) {
        Parts p = loading().join();
        Set<String> ids = new LinkedHashSet<>();
        for (String language : Taxonomy.LANGUAGES) {
            List<Token> tokens = TextAnalysis.tokens(language, text == null ? "" : text);
            Optional<String> lang = Optional.of(language);
            for (ConceptHit hit : p.lexicon().find(tokens, lang, p.negations().scope(tokens, lang))) {
                if (hit.weight() >= MIN_EXTRA_SCORE) {
                    ids.add(hit.conceptId());
                }
            }
        }
        return ids.stream().map(taxonomy::byId).flatMap(Optional::stream).filter(c -> !c.equals(taxonomy.other())).toList();
    }

    /**
     * How sure the classifier is, 0..1: the mean of the concept evidence (the best concept's score over {@value
     * #CONCLUSIVE_SCORE}, so one word is half-sure and a phrase or two words are sure) and the purpose strength (1 for a
     * purpose hashtag, less for phrases, little for a bare question). Then what makes a concept likely wrong costs:
     * a runner-up of another family nearly as strong as the best concept, and left out (the post could be about
     * either), and a best concept that rests on a single word; a kept second need of another family weaker than the
     * first keeps the post under {@link Classification#SURE}. Two more signals are worked out but not used, as on
     * the parts tuned on they did not separate right from wrong concepts (docs/classifier-evaluation.md): a concept
     * named only by words added for the classifier was right as often as one named by the taxonomy's own words, and
     * kind words speaking against the concept made it only a little less likely right.
     */
    private static Explanation explained(PurposeDetector.Signal purpose, List<ConceptRanker.Ranked> ranked,
                                         List<Concept> concepts, Optional<HelpKind> kind, Optional<String> language,
                                         boolean kindDisagrees, List<UnitReading> units) {
        if (ranked.isEmpty()) {
            double confidence = Math.round(0.5 * purpose.strength() * 100) / 100.0;
            return new Explanation(new Classification(purpose.purpose(), concepts, kind, language, confidence),
                    purpose.strength(), 0, false, false, false, ranked, units, List.of(), List.of());
        }
        ConceptRanker.Ranked best = ranked.get(0);
        double concept = Math.min(1.0, best.score() / CONCLUSIVE_SCORE);
        boolean rival = ranked.stream().skip(1).anyMatch(r -> !concepts.contains(r.concept())
                && !r.family().equals(best.family()) && r.score() >= RIVAL_SHARE * best.score());
        // A second need of another family, weaker than the first, is kept but not trusted: the post waits.
        boolean weakerNeed = ranked.stream().skip(1).anyMatch(r -> concepts.contains(r.concept())
                && !r.family().equals(best.family()) && r.score() < best.score());
        double value = (0.5 * concept + 0.5 * purpose.strength()) * (rival ? RIVAL_FACTOR : 1.0)
                * (concept < TWO_WORDS ? ONE_WORD_FACTOR : 1.0);
        if (weakerNeed) {
            value = Math.min(value, Classification.SURE - 0.01);
        }
        double confidence = Math.round(value * 100) / 100.0;
        return new Explanation(new Classification(purpose.purpose(), concepts, kind, language, confidence),
                purpose.strength(), concept, rival, best.ownWords(), kindDisagrees, ranked, units, List.of(), List.of());
    }

    /**
     * A second concept of another family is kept with this share of the best one's evidence: posts with several needs
     * (a cot and baby clothes, a scan and someone to interpret) name the second need with fewer words than the first.
     * Such a post waits for a moderator ({@link #explained}): on the six tuning parts this found 19 more needs of
     * 909 and what went on the board without a moderator was as often right (0.87).
     */
    static final double SECOND_NEED_SHARE = 0.67;

    /** An extra concept needs at least one full word of its own: a weak, negated or other-language word is not enough. */
    static final double MIN_EXTRA_SCORE = 1.0;

    /**
     * The best concept, its siblings under the same top-level concept with a full word of their own ("tents and
     * sleeping bags", "pots, plates and a table"), and a second concept of another family with two thirds of the
     * best one's evidence ({@link #SECOND_NEED_SHARE}; the post then waits for a moderator). A second concept from a
     * passing word of another family ("a van" in a moving offer, "my job interview" in a request for a SIM card) is
     * the commonest false match, so one much weaker than the best is left out.
     * A third concept, of any family, needs evidence as strong as the best one's: on the parts tuned on, third
     * concepts under that bar were right 5 times in 18.
     * When a purpose phrase governs the best concept ({@link Governance}), an extra concept named only outside every
     * governed sentence is left out: it comes from the poster's story ("I'm a nurse", "we're in the shelter", "no money
     * this week") rather than from what is offered or asked. On the eight tuning parts this raised concept precision
     * from 0.775 to 0.784 and board precision from 0.884 to 0.889 for 7 needs of 1227 (docs/classifier-evaluation.md,
     * session 28).
     */
    private static List<Concept> surest(List<ConceptRanker.Ranked> ranked, Map<String, Double> governed) {
        ConceptRanker.Ranked best = ranked.get(0);
        boolean bestGoverned = governed.getOrDefault(best.concept().id(), 0.0) >= MIN_EXTRA_SCORE;
        List<Concept> concepts = new ArrayList<>();
        concepts.add(best.concept());
        for (ConceptRanker.Ranked other : ranked.subList(1, ranked.size())) {
            boolean second = concepts.size() == 1;
            double needed = second && other.family().equals(best.family())
                    ? MIN_EXTRA_SCORE : Math.max(MIN_EXTRA_SCORE, (second ? SECOND_NEED_SHARE : 1.0) * best.score());
            if (bestGoverned && governed.getOrDefault(other.concept().id(), 0.0) < MIN_EXTRA_SCORE) {
                continue; // named only in the poster's story, beside a need a purpose phrase names
            }
            if (concepts.size() < MAX_CONCEPTS && other.score() >= needed) {
                concepts.add(other.concept());
            }
        }
        return concepts;
    }

    private static Map<String, Double> scores(List<ConceptRanker.Ranked> ranked) {
        Map<String, Double> scores = new HashMap<>();
        ranked.forEach(r -> scores.put(r.concept().id(), r.score()));
        return scores;
    }

    /**
     * The post read in one language: its words as that language's analyzer gives them, the concept words found in
     * that language's vocabulary, the offer, request and "neither" phrases of that language, and how much of the post
     * the language explains (concept words plus purpose cue words), which settles close calls between languages.
     */
    private record Reading(Optional<String> language, List<Token> tokens, List<ConceptHit> hits,
                           List<CueHit> purposePhrases, double evidence) {
    }

    /**
     * Lingua's language, unless it found others nearly as likely and one of them explains more of the post: a
     * five-word English title can score as Spanish, but only English finds its words.
     */
    private static Reading bestReading(Parts p, String body) {
        List<String> candidates = LanguageDetector.candidates(body);
        if (candidates.isEmpty()) {
            return read(p, body, Optional.empty());
        }
        Reading best = read(p, body, Optional.of(candidates.get(0)));
        for (String other : candidates.subList(1, candidates.size())) {
            Reading reading = read(p, body, Optional.of(other));
            if (reading.evidence() > best.evidence()) {
                best = reading;
            }
        }
        return best;
    }

    private static Reading read(Parts p, String body, Optional<String> language) {
        List<Token> tokens = TextAnalysis.tokens(language.orElseGet(() -> Script.majorityLanguage(body)), body);
        List<ConceptHit> hits = p.lexicon().find(tokens, language, p.negations().scope(tokens, language));
        List<CueHit> purposePhrases = p.purposes().phrasesIn(tokens, language);
        double evidence = hits.stream().mapToDouble(ConceptHit::weight).sum() + PurposeDetector.cueWeight(purposePhrases);
        return new Reading(language, tokens, hits, purposePhrases, evidence);
    }

    /** Words of any language, weaker, for a post whose own language found none (the guess may be wrong). */
    private static List<ConceptHit> otherLanguageHits(Parts p, List<Token> tokens) {
        Optional<String> any = Optional.empty();
        return p.lexicon().find(tokens, any, p.negations().scope(tokens, any)).stream()
                .map(h -> new ConceptHit(h.conceptId(), h.weight() * OTHER_LANGUAGE_FACTOR, h.position(), h.added())).toList();
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
