package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Reads a post a second time, by the labelled posts nearest to it ({@link ExampleIndex}), and lets that reading decide
 * what the word list's reading may do without a moderator. Measured leave-one-set-out on the six free-text sets
 * (docs/classifier-evaluation.md, "Session 32: reading by example"): the examples find no more needs than the word
 * list, but they tell when its concept is wrong. A post the word list is sure of goes on the board only if the
 * examples agree (else it waits, and the moderator is offered their reading beside the word list's); one it holds goes
 * on the board if they agree strongly; one it found no concept for waits with the examples' concepts, so the moderator
 * has something to confirm. Over the six held-out sets board precision rose from 0.88 to 0.93 and non-offers kept off
 * from 0.95 to 0.99, for 0.08 more of the offers and requests held. Since session 34 they also add a need the post's
 * words named and the word list left out ({@link ExampleAdditions}): recall 0.81 to 0.84 over seven held-out sets.
 */
final class ExampleCheck {

    /** How many nearest examples vote (5, 10 and 20 were tried; 5 was best). */
    static final int NEIGHBOURS = 5;
    /**
     * A sure post stays sure only when at least this share of the voting offers and requests name its first concept:
     * one in ten (0.1, 0.2, 0.3, 0.4 tried; higher holds more posts for little more precision).
     */
    static final double AGREEMENT = 0.1;
    /** A held post goes on the board when this share of the voters name its first concept (0.4 to 0.7 tried)... */
    static final double STRONG_AGREEMENT = 0.4;
    /** ... and half the vote is for its purpose... */
    static final double PURPOSE_AGREEMENT = 0.5;
    /** ... and the word list's own confidence was at least this (0, 0.3, 0.4 and 0.5 tried). */
    static final double PROMOTED_FROM = 0.3;
    /** Where the word list found no concept, the examples' concepts with this share of the vote are offered. */
    static final double FILL_SHARE = 0.3;
    /** The confidence of a post the examples hold: just under {@link Classification#SURE}. */
    private static final double HELD = Classification.SURE - 0.01;

    private final Taxonomy taxonomy;
    private final ExampleIndex index;
    private final Optional<ExampleAdditions> additions;

    ExampleCheck(Taxonomy taxonomy, ExampleIndex index) {
        this(taxonomy, index, true);
    }

    /** @param addsNeeds whether the examples add the needs the reading left out (false: session 32's check, to compare) */
    ExampleCheck(Taxonomy taxonomy, ExampleIndex index, boolean addsNeeds) {
        this.taxonomy = taxonomy;
        this.index = index;
        this.additions = addsNeeds ? Optional.of(new ExampleAdditions(taxonomy)) : Optional.empty();
    }

    /** The examples' vote on a post, read in the language the word list detected. */
    ExampleVotes votes(String text, Optional<String> language) {
        return ExampleVotes.of(index.nearest(text, language, NEIGHBOURS), NEIGHBOURS, 1.0);
    }

    /** As {@link #votes(String, Optional)}, by the words the word list read ({@link ExampleIndex#nearest}). */
    private ExampleVotes votes(String text, Optional<String> language, List<Token> tokens) {
        return ExampleVotes.of(index.nearest(text, language, tokens, NEIGHBOURS), NEIGHBOURS, 1.0);
    }

    /**
     * The word list's reading with the examples' say: the same purpose and kind, the same concepts unless it found
     * none, and a confidence moved across {@link Classification#SURE} where the examples disagree or agree strongly.
     * A concept the poster chose by its hashtag ({@code #Prams}), or one under it ({@code #food} for fruit and
     * vegetables), is not doubted: the neighbours only guess. Then the needs the examples name and the reading left
     * out are added ({@link ExampleAdditions}).
     *
     * @param named the concepts the post's words named, whether the word list kept them or not
     */
    ClassifiedPost check(String text, Collection<String> hashtags, ClassifiedPost words, Set<String> named) {
        return check(text, hashtags, words, named, null);
    }

    /**
     * As {@link #check(String, Collection, ClassifiedPost, Set)}, for a post whose words the word list has read:
     * {@code tokens} are the text's words in the language of {@code words}' result ({@link TextAnalysis#tokens}), so
     * that the look-up need not analyse the text again; null to analyse it here.
     */
    ClassifiedPost check(String text, Collection<String> hashtags, ClassifiedPost words, Set<String> named,
                         List<Token> tokens) {
        Classification w = words.result();
        if (w.purpose().isEmpty()) {
            return words; // a post that neither offers nor asks stays off the board whatever its neighbours say
        }
        ExampleVotes votes = tokens == null ? votes(text, w.language()) : votes(text, w.language(), tokens);
        if (w.primary().id().equals(Taxonomy.OTHER_ID)) {
            List<Concept> theirs = votes.conceptsWith(FILL_SHARE, TextClassifier.MAX_CONCEPTS).stream()
                    .map(taxonomy::byId).flatMap(Optional::stream).toList();
            if (theirs.isEmpty()) {
                return words;
            }
            Classification filled = new Classification(w.purpose(), theirs, w.kind(), w.language(),
                    Math.min(w.confidence(), HELD));
            List<PostReading> readings = new ArrayList<>();
            readings.add(new PostReading(w.purpose().get(), theirs, w.kind()));
            readings.addAll(words.readings());
            return new ClassifiedPost(filled, readings.subList(0, Math.min(2, readings.size())));
        }
        ClassifiedPost checked = confidenceChecked(hashtags, words, votes);
        return additions.map(a -> a.add(checked, votes, named)).orElse(checked);
    }

    /** The word list's reading, held where the examples disagree and placed where they agree strongly. */
    private ClassifiedPost confidenceChecked(Collection<String> hashtags, ClassifiedPost words, ExampleVotes votes) {
        Classification w = words.result();
        double agreement = votes.conceptShare(w.primary().id());
        double confidence = w.confidence();
        if (w.isSure() && agreement < AGREEMENT && !namedByHashtag(w.primary(), hashtags)) {
            confidence = HELD;
        } else if (!w.isSure() && agreement >= STRONG_AGREEMENT && w.confidence() >= PROMOTED_FROM
                && votes.purposeShare(w.purpose()) >= PURPOSE_AGREEMENT) {
            confidence = Classification.SURE;
        }
        if (confidence == w.confidence()) {
            return words;
        }
        return new ClassifiedPost(new Classification(w.purpose(), w.concepts(), w.kind(), w.language(), confidence),
                w.isSure() ? readingsWithTheirs(words, votes) : words.readings());
    }

    /**
     * The readings a moderator sees for a post the examples made wait: the word list's first, then the examples' where
     * they name other concepts (the word list's own second reading otherwise). Measured on the held posts: either
     * reading right 0.57 → 0.59 (ten tuning parts, each read with the other sets as examples) and 0.43 → 0.45 on the
     * seventh set; offering theirs for every held post instead did no better.
     */
    private List<PostReading> readingsWithTheirs(ClassifiedPost words, ExampleVotes votes) {
        PostReading first = words.readings().get(0);
        List<Concept> theirs = votes.conceptsWith(FILL_SHARE, TextClassifier.MAX_CONCEPTS).stream()
                .map(taxonomy::byId).flatMap(Optional::stream).toList();
        if (theirs.isEmpty() || first.concepts().containsAll(theirs)) {
            return words.readings();
        }
        return List.of(first, new PostReading(first.purpose(), theirs, first.kind()));
    }

    private boolean namedByHashtag(Concept concept, Collection<String> hashtags) {
        return hashtags.stream().anyMatch(tag -> taxonomy.byHashtag(tag)
                .filter(tagged -> taxonomy.isSameOrBroader(tagged, concept)).isPresent());
    }
}
