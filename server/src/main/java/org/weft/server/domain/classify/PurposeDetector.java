package org.weft.server.domain.classify;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.model.Purpose;

/**
 * Offer or request. A purpose hashtag decides outright; otherwise the weighted offer and request phrases of the
 * post's language are compared (all languages' phrases if the post's own find nothing, in case the language guess
 * was wrong). A question mark leans towards a request ("anyone have a pram?"), but only a little: "Need a lift? I can
 * drive you" is an offer. A question with no phrase at all ("anyone handy?") is taken as a weak request.
 */
final class PurposeDetector {

    /** How sure the detector is, 0..1, next to what it found. */
    record Signal(Optional<Purpose> purpose, double strength) {
        static final Signal NONE = new Signal(Optional.empty(), 0);
    }

    static final double QUESTION_BONUS = 0.5;
    static final double BARE_QUESTION_STRENGTH = 0.2;

    private final Map<String, Purpose> hashtags;
    private final CueSet phrases;

    PurposeDetector(Map<String, Purpose> hashtags, CueSet phrases) {
        this.hashtags = hashtags;
        this.phrases = phrases;
    }

    Signal detect(Collection<String> postHashtags, List<Token> tokens, Optional<String> language, boolean question) {
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
        List<CueHit> hits = phrases.find(tokens, language);
        if (hits.isEmpty() && language.isPresent()) {
            hits = phrases.find(tokens, Optional.empty());
        }
        if (hits.isEmpty()) {
            return question ? new Signal(Optional.of(Purpose.REQUEST), BARE_QUESTION_STRENGTH) : Signal.NONE;
        }
        Map<Purpose, Double> score = new EnumMap<>(Purpose.class);
        for (CueHit hit : hits) {
            score.merge(Purpose.fromWire(hit.label()).orElseThrow(), (double) hit.weight(), Double::sum);
        }
        if (question) {
            score.merge(Purpose.REQUEST, QUESTION_BONUS, Double::sum);
        }
        double offer = score.getOrDefault(Purpose.OFFER, 0.0);
        double request = score.getOrDefault(Purpose.REQUEST, 0.0);
        Purpose winner;
        if (offer != request) {
            winner = offer > request ? Purpose.OFFER : Purpose.REQUEST;
        } else {
            winner = Purpose.fromWire(hits.get(0).label()).orElseThrow();
        }
        double best = Math.max(offer, request);
        double margin = Math.abs(offer - request) / best;
        return new Signal(Optional.of(winner), Math.min(1.0, best / 3.0) * (0.5 + 0.5 * margin));
    }
}
