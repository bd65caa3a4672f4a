package org.weft.server.domain.classify;

import java.util.Collection;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.model.Purpose;

/**
 * Offer, request or neither. A purpose hashtag decides outright; otherwise the weighted offer, request and
 * "neither" phrases of the post's language are compared (all languages' phrases if the post's own find nothing, in
 * case the language guess was wrong). "Neither" phrases are thanks, announcements and questions that ask for news
 * rather than help ("does anyone know if the bus is running"); they win only when they outweigh both purposes. A
 * question mark leans towards a request ("anyone have a pram?"), but only a little: "Need a lift? I can drive you"
 * is an offer. A question with no phrase at all is taken as a weak request when a word aims it at the reader
 * ("anyone handy?"), and as one too weak for the board without a moderator when none does ("snow tonight?").
 */
final class PurposeDetector {

    /** How sure the detector is, 0..1, next to what it found. */
    record Signal(Optional<Purpose> purpose, double strength) {
        static final Signal NONE = new Signal(Optional.empty(), 0);
    }

    /** The label of phrases that say a post is neither: thanks, news, a question about the bus or the weather. */
    static final String NEITHER = "none";
    static final double QUESTION_BONUS = 0.5;
    static final double BARE_QUESTION_STRENGTH = 0.2;
    /**
     * A purpose too doubtful for the board without a moderator: it never reaches {@link Classification#SURE}. Given to a
     * question with no phrase and no word aimed at the reader ("is it going to snow tonight?", "where will we wash our
     * clothes now?"), and to a post with as many words of thanks or news as of offering or asking.
     */
    static final double TOO_DOUBTFUL_FOR_THE_BOARD = 0.1;

    private final Map<String, Purpose> hashtags;
    private final CueSet phrases;
    private final CueSet readerWords;
    private final CueSet firstPersonVerbs;

    PurposeDetector(Map<String, Purpose> hashtags, CueSet phrases, CueSet readerWords, CueSet firstPersonVerbs) {
        this.hashtags = hashtags;
        this.phrases = phrases;
        this.readerWords = readerWords;
        this.firstPersonVerbs = firstPersonVerbs;
    }

    /** The offer, request and "neither" phrases of {@code language} (all languages' when empty) in the post. */
    List<CueHit> phrasesIn(List<Token> tokens, Optional<String> language) {
        return phrases.find(tokens, language);
    }

    /** How many words of the post the phrases {@link #phrasesIn} found account for. */
    static int cueWeight(List<CueHit> phrases) {
        return phrases.stream().mapToInt(CueHit::weight).sum();
    }

    /** The offer and request phrases among {@code found} ({@link #phrasesFound}), where they sit. */
    static List<CueHit> purposePhrases(List<CueHit> found) {
        return found.stream().filter(h -> Purpose.fromWire(h.label()).isPresent()).toList();
    }

    /**
     * Every offer, request and "neither" phrase of the post, as {@link #detect} weighs them: the post's own language's
     * phrases ({@code own}, as {@link #phrasesIn} found them), or all languages' when its own find none.
     */
    List<CueHit> phrasesFound(List<Token> tokens, Optional<String> language, List<CueHit> own) {
        return own.isEmpty() && language.isPresent() ? phrases.find(tokens, Optional.empty()) : own;
    }

    /**
     * Whether a "neither" phrase is the sign-off of a request: in the post's last clause, after a request phrase
     * ("... and diapers size 3 for the baby. Anything helps, thank you"). Thanking in advance is part of asking, so it
     * does not make the post a thank-you.
     */
    private static boolean closingThanks(CueHit hit, List<CueHit> hits, List<Token> tokens) {
        int lastClause = tokens.get(tokens.size() - 1).clause();
        return hit.label().equals(NEITHER) && tokens.get(hit.start()).clause() == lastClause
                && hits.stream().anyMatch(h -> h.label().equals(Purpose.REQUEST.wire()) && h.start() < hit.start());
    }

    /**
     * A phrase's words; a one-word phrase that is a verb with its person in it ("віддам", "busco", "نحتاج") weighs as
     * the two words its English translation has ("I'll give away", "I'm looking for", "we need").
     */
    private static int weight(CueHit hit, List<CueHit> verbs) {
        boolean verb = hit.weight() == 1 && verbs.stream().anyMatch(v -> v.start() == hit.start());
        return verb ? 2 : hit.weight();
    }

    /** Whether the post has a word that aims a question at the reader: someone, anyone, who has. */
    private boolean addressesReader(List<Token> tokens, Optional<String> language) {
        return !readerWords.find(tokens, language).isEmpty()
                || language.isPresent() && !readerWords.find(tokens, Optional.empty()).isEmpty();
    }

    /** @param hits the post's phrases, as {@link #phrasesFound} gives them */
    Signal detect(Collection<String> postHashtags, List<Token> tokens, Optional<String> language, boolean question,
                  List<CueHit> hits) {
        Set<Purpose> tagged = EnumSet.noneOf(Purpose.class);
        for (String tag : postHashtags) {
            Purpose purpose = hashtags.get(ClassifierCues.hashtagKey(tag));
            if (purpose != null) {
                tagged.add(purpose);
            }
        }
        if (tagged.size() == 1) {
            return new Signal(Optional.of(tagged.iterator().next()), 1.0);
        }
        if (hits.isEmpty()) {
            if (!question) {
                return Signal.NONE;
            }
            return new Signal(Optional.of(Purpose.REQUEST),
                    addressesReader(tokens, language) ? BARE_QUESTION_STRENGTH : TOO_DOUBTFUL_FOR_THE_BOARD);
        }
        Map<String, Double> score = new HashMap<>();
        List<CueHit> verbs = firstPersonVerbs.find(tokens, Optional.empty());
        for (CueHit hit : hits) {
            if (!closingThanks(hit, hits, tokens)) {
                score.merge(hit.label(), (double) weight(hit, verbs), Double::sum);
            }
        }
        double offer = score.getOrDefault(Purpose.OFFER.wire(), 0.0);
        double neither = score.getOrDefault(NEITHER, 0.0);
        // A question that asks for news ("anyone know if the bus runs?") does not lean towards a request.
        double request = score.getOrDefault(Purpose.REQUEST.wire(), 0.0) + (question && neither == 0 ? QUESTION_BONUS : 0);
        double best = Math.max(offer, request);
        if (neither > best || offer + request == 0) {
            return Signal.NONE;
        }
        Purpose winner;
        if (offer != request) {
            winner = offer > request ? Purpose.OFFER : Purpose.REQUEST;
        } else {
            winner = hits.stream().map(CueHit::label).map(Purpose::fromWire).flatMap(Optional::stream).findFirst()
                    .orElse(Purpose.REQUEST);
        }
        if (neither == best) {
            // As many words of thanks or news as of offering or asking ("Shoutout to the bakery who give away their
            // bread"): the purpose stays, for a moderator to judge, but never goes on the board alone.
            return new Signal(Optional.of(winner), TOO_DOUBTFUL_FOR_THE_BOARD);
        }
        double margin = (best - Math.max(Math.min(offer, request), neither)) / best;
        return new Signal(Optional.of(winner), Math.min(1.0, best / 3.0) * (0.5 + 0.5 * margin));
    }
}
