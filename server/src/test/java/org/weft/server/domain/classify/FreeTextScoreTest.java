package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * The free-text harness's arithmetic, parsing and split rule, on a tiny hand-made set whose figures were worked out
 * by hand (in the comments). The classifier is replaced by fixed answers, so only the harness is under test.
 */
class FreeTextScoreTest {

    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private static final String HEADER = "id\tlang\tpurpose\tneeds\tkind\ttext";

    private static final List<FreeTextPost> POSTS = FreeTextSet.parse(List.of(
            "# a comment",
            HEADER,
            "en-01\ten\trequest\tdiapers+baby-food\tgift\tnappies and formula please",
            "en-02\ten\toffer\tlegal-advice/paperwork-and-legal\ttime\tI can look at your appeal letter",
            "en-03\ten\tnone\tother\t-\tthanks for the food yesterday",
            "en-04\ten\tnone\tother\t-\tbus is late again",
            "en-05\ten\trequest\tother\t-\tsomeone to take our wedding photos?",
            "fr-01\tfr\trequest\tshoes\tgift\tdes chaussures pour mon fils"), "tiny");

    /** What the fake classifier answers, by post id. */
    private static final Map<String, Classification> ANSWERS = Map.of(
            // 2 predicted, 1 right (hygiene is broader than diapers, not a need); 1 of 2 needs found; purpose, kind right
            "en-01", answer(Purpose.REQUEST, HelpKind.GIFT, "diapers", "hygiene"),
            // 1 predicted, 1 right (the listed alternative); 1 of 1 need; purpose wrong; kind wrong
            "en-02", answer(Purpose.REQUEST, HelpKind.LOAN, "paperwork-and-legal"),
            // none, kept off the board (its concept is not scored); purpose right
            "en-03", answer(null, null, "food"),
            // none, taken onto the board as an offer; purpose wrong; language read as French
            "en-04", answerIn("fr", Purpose.OFFER, null, "other"),
            // no concept applies, but one predicted: 1 predicted, 0 right; no needs; purpose right; kind not labelled
            "en-05", answer(Purpose.REQUEST, HelpKind.TIME, "shoes"),
            // nothing predicted, no purpose: no precision to speak of, need missed, purpose wrong, kind wrong; no language
            "fr-01", answerIn(null, null, null, "other"));

    private static Classification answer(Purpose purpose, HelpKind kind, String... conceptIds) {
        return answerIn("en", purpose, kind, conceptIds);
    }

    private static Classification answerIn(String language, Purpose purpose, HelpKind kind, String... conceptIds) {
        return sure(0.5, language, purpose, kind, conceptIds);
    }

    private static Classification sure(double confidence, String language, Purpose purpose, HelpKind kind,
                                       String... conceptIds) {
        return new Classification(Optional.ofNullable(purpose),
                Arrays.stream(conceptIds).map(id -> TAXONOMY.byId(id).orElseThrow()).toList(),
                Optional.ofNullable(kind), Optional.ofNullable(language), confidence);
    }

    /** The board view of the same posts, with confidences on both sides of {@link Classification#SURE}. */
    @Test
    void theBoardViewCountsWhatGoesOnTheBoardWithoutAModerator() {
        Map<String, Classification> answers = Map.of(
                // sure: placed; 2 predicted, 1 right; 1 of 2 needs
                "en-01", sure(0.9, "en", Purpose.REQUEST, HelpKind.GIFT, "diapers", "hygiene"),
                // unsure: waits for a moderator
                "en-02", sure(0.3, "en", Purpose.REQUEST, HelpKind.TIME, "paperwork-and-legal"),
                // neither, no purpose: kept off
                "en-03", sure(0.0, "en", null, null, "other"),
                // neither, read as an offer but with no concept: not sure, so kept off the board all the same
                "en-04", sure(0.9, "en", Purpose.OFFER, null, "other"),
                // sure: placed; 1 predicted, 0 right (no concept applies); no needs
                "en-05", sure(0.7, "en", Purpose.REQUEST, HelpKind.TIME, "shoes"),
                // no purpose found: dropped
                "fr-01", sure(0.0, "fr", null, null, "other"));
        Map<String, FreeTextScore> scores = FreeTextScore.byLanguage(POSTS, post -> answers.get(post.id()));
        FreeTextScore en = scores.get("en");
        assertEquals(2, en.placed);
        assertEquals(1.0 / 3, en.boardPrecision(), 1e-9);   // en-01: 1/2, en-05: 0/1
        assertEquals(1, en.held);
        assertEquals(1.0 / 3, en.heldShare(), 1e-9);        // en-02 of en-01, en-02, en-05
        assertEquals(1.0, en.keptOffRate(), 1e-9);          // en-03 and en-04
        assertEquals(1, en.placedNeedsFound);
        assertEquals(2.0 / 3, en.recall(), 1e-9);           // the classifier's recall counts held posts too
        FreeTextScore fr = scores.get("fr");
        assertEquals(1, fr.dropped);
        assertEquals(0.0, fr.heldShare());
        assertTrue(Double.isNaN(fr.boardPrecision()));
        String table = FreeTextScore.boardTable(scores);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("en ") && l.contains("0.33 (1/3)")), table);
    }

    @Test
    void figuresAreTheOnesWorkedOutByHand() {
        Map<String, FreeTextScore> scores = FreeTextScore.byLanguage(POSTS, post -> ANSWERS.get(post.id()));
        FreeTextScore en = scores.get("en");
        assertEquals(5, en.posts);
        assertEquals(0.5, en.precision(), 1e-9);        // 2 right of 4 predicted (en-01: 1/2, en-02: 1/1, en-05: 0/1)
        assertEquals(2.0 / 3, en.recall(), 1e-9);       // 2 of 3 needs (en-01: 1/2, en-02: 1/1)
        assertEquals(0.6, en.purposeAccuracy(), 1e-9);  // en-01, en-03, en-05 of 5
        assertEquals(0.5, en.rejectionRate(), 1e-9);    // en-03 of en-03, en-04
        assertEquals(0.5, en.kindAccuracy(), 1e-9);     // en-01 of en-01, en-02
        assertEquals(0.8, en.languageAccuracy(), 1e-9); // all but en-04

        FreeTextScore fr = scores.get("fr");
        assertTrue(Double.isNaN(fr.precision()), "nothing predicted is no precision, not a precision of 1");
        assertEquals(0.0, fr.recall());
        assertEquals(0.0, fr.purposeAccuracy());
        assertTrue(Double.isNaN(fr.rejectionRate()), "no post to reject");
        assertEquals(0.0, fr.languageAccuracy());
        assertEquals(0, scores.get("ar").posts);
        assertTrue(Double.isNaN(scores.get("ar").purposeAccuracy()));

        FreeTextScore all = FreeTextScore.pooled(scores.values());
        assertEquals(6, all.posts);
        assertEquals(0.5, all.precision(), 1e-9);       // fr adds no prediction
        assertEquals(0.5, all.recall(), 1e-9);          // 2 of 4 needs
        assertEquals(0.5, all.purposeAccuracy(), 1e-9); // 3 of 6
        assertEquals(1.0 / 3, all.kindAccuracy(), 1e-9); // 1 of 3
        assertEquals(4.0 / 6, all.languageAccuracy(), 1e-9);

        String table = FreeTextScore.table(scores);
        assertTrue(table.contains("0.50 (2/4)"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("ar ") && l.contains(" - ")), table);
    }

    @Test
    void labelsAndLineBreaksAreReadAsWritten() {
        FreeTextPost post = FreeTextSet.parse(List.of("es-07\tes\toffer\theating/appliances+bedding\tgift\tuna estufa\\n#frio"),
                "t").get(0);
        assertEquals(List.of(List.of("heating", "appliances"), List.of("bedding")), post.needs());
        assertEquals(List.of("heating", "appliances", "bedding"), post.acceptableConcepts());
        assertEquals("una estufa\n#frio", post.text());
        assertEquals(7, post.number());
        assertEquals(Optional.of(HelpKind.GIFT), post.kind());
        assertEquals(List.of(), POSTS.get(4).needs());
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() {
        List<String> bad = List.of(
                "en-01\ten\trequest\tdiapers\tgift",                  // five columns
                "en-1\ten\trequest\tdiapers\tgift\tx",                 // id not two or three digits
                "en-1234\ten\trequest\tdiapers\tgift\tx",              // id not two or three digits
                "fr-01\ten\trequest\tdiapers\tgift\tx",                // id of another language
                "xx-01\txx\trequest\tdiapers\tgift\tx",                // unknown language
                "en-01\ten\tgive\tdiapers\tgift\tx",                   // unknown purpose
                "en-01\ten\tnone\tfood\t-\tx",                         // a non-offer with a concept
                "en-01\ten\tnone\tother\tgift\tx",                     // a non-offer with a kind
                "en-01\ten\trequest\tdiapers++food\tgift\tx",          // empty need
                "en-01\ten\trequest\tother/food\tgift\tx",             // other inside a need
                "en-01\ten\trequest\tDiapers\tgift\tx",                // not an id
                "en-01\ten\trequest\tdiapers\tgiven\tx",               // unknown kind
                "en-01\ten\trequest\tdiapers\tgift\t ");               // no text
        for (String line : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FreeTextSet.parse(List.of(HEADER, line), "f.tsv"), line);
            assertTrue(e.getMessage().startsWith("f.tsv line 2: "), e.getMessage());
        }
    }

    /**
     * Six scenes: 1-3 mostly offers (1 has an offer, an offer and a none), 4-6 none (4 ties none and request, and
     * ties go to none). SHA-256 orders "04" < "06" < "05" and "03" < "01" < "02"; none comes first, so the order is
     * 4 6 5 3 1 2 and every third from the third is 5 and 2. Without the purpose strata it would have been 1 and 5.
     */
    @Test
    void theSplitTakesEveryThirdSceneWithinEachPurpose() {
        List<FreeTextPost> scenes = FreeTextSet.parse(List.of(
                "en-01\ten\toffer\tfood\tgift\ta", "fr-01\tfr\toffer\tfood\tgift\tb", "es-01\tes\tnone\tother\t-\tc",
                "en-02\ten\toffer\tfood\tgift\td", "en-03\ten\toffer\tfood\tgift\te",
                "en-04\ten\tnone\tother\t-\tf", "fr-04\tfr\trequest\tfood\tgift\tg",
                "en-05\ten\tnone\tother\t-\th", "en-06\ten\tnone\tother\t-\ti"), "scenes");
        assertEquals(Set.of(2, 5), FreeTextSet.frozenNumbers(scenes));
    }

    /** The second set's rule: of scenes 61 to 120, the third, sixth, ... sixtieth of each language are frozen. */
    @Test
    void theSecondSetFreezesEveryThirdPostOfALanguage() {
        List<Integer> frozen = IntStream.rangeClosed(61, 120).filter(FreeTextSet::inSecondFrozenThird)
                .boxed().toList();
        assertEquals(20, frozen.size());
        assertEquals(List.of(63, 66, 69), frozen.subList(0, 3));
        assertEquals(120, frozen.get(19));
    }
}
