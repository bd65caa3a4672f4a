package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * The two readings a moderator chooses from: the first is always the classification itself, and the second is the
 * next best by what made the classifier unsure: another family named nearly as strongly, a weaker second need (the
 * first need alone), a doubtful purpose (the other one). A post that neither offers nor asks has none.
 */
class ClassifierReadingsTest {
    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private static final TextClassifier CLASSIFIER = new TextClassifier(TAXONOMY);

    @Test
    void theFirstReadingIsTheClassificationItself() {
        for (String text : List.of("spare kettle anyone? we got a new one", "need help with my kids and some food this week",
                "I can drive people to the hospital or help with shopping", "#MutualAidOffer two winter coats, size M",
                "besoin de quelqu'un pour garder mon fils samedi, j'ai un rendez-vous à l'hôpital")) {
            ClassifiedPost post = CLASSIFIER.classifyWithReadings(text, List.of());
            Classification c = post.result();
            assertEquals(c, CLASSIFIER.classify(text, List.of()), "the same classification as before: " + text);
            PostReading first = post.readings().get(0);
            assertEquals(new PostReading(c.purpose().orElseThrow(), c.concepts(), c.kind()), first, text);
            assertEquals(2, post.readings().size(), text);
            assertFalse(post.readings().get(1).equals(first), "the second reading differs: " + text);
        }
    }

    @Test
    void aBareQuestionIsReadAsTheOtherPurposeToo() {
        List<PostReading> readings = CLASSIFIER.classifyWithReadings("spare kettle anyone? we got a new one", List.of())
                .readings();
        assertEquals(reading(Purpose.REQUEST, HelpKind.GIFT, "kitchenware", "appliances"), readings.get(0));
        assertEquals(reading(Purpose.OFFER, HelpKind.GIFT, "kitchenware", "appliances"), readings.get(1));
    }

    @Test
    void aNeedOfAnotherFamilyNamedNearlyAsStronglyIsTheSecondReading() {
        List<PostReading> readings = CLASSIFIER.classifyWithReadings("need help with my kids and some food this week",
                List.of()).readings();
        assertEquals(reading(Purpose.REQUEST, HelpKind.GIFT, "food"), readings.get(0));
        assertEquals(reading(Purpose.REQUEST, HelpKind.TIME, "childcare"), readings.get(1));
    }

    @Test
    void aWeakerSecondNeedIsLeftOutInTheSecondReading() {
        ClassifiedPost post = CLASSIFIER.classifyWithReadings("I can drive people to the hospital or help with shopping",
                List.of());
        assertFalse(post.result().isSure());
        assertEquals(reading(Purpose.OFFER, HelpKind.TIME, "transport", "health", "shopping"), post.readings().get(0));
        assertEquals(reading(Purpose.OFFER, HelpKind.TIME, "transport"), post.readings().get(1));
    }

    @Test
    void aPostThatNeitherOffersNorAsksHasNoReading() {
        ClassifiedPost post = CLASSIFIER.classifyWithReadings("thank you all for the kettles, we are set now", List.of());
        assertTrue(post.result().purpose().isEmpty());
        assertTrue(post.readings().isEmpty());
    }

    private static PostReading reading(Purpose purpose, HelpKind kind, String... concepts) {
        List<Concept> named = java.util.Arrays.stream(concepts).map(id -> TAXONOMY.byId(id).orElseThrow()).toList();
        return new PostReading(purpose, named, Optional.of(kind));
    }
}
