package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The look-up sums its BM25 scores itself ({@link ExampleIndex}); these check it finds the neighbours Lucene's own
 * search of the same index finds, with the same float scores in the same order, for every shipped post.
 */
class ExampleIndexTest {

    private static final List<LabelledExample> SHIPPED = ExampleSet.shipped();

    @Test
    void everyShippedPostFindsLucenesNeighboursWithLucenesScores() {
        List<LabelledExample> firstHalf = SHIPPED.subList(0, SHIPPED.size() / 2);
        int compared = 0;
        for (ExampleIndex index : List.of(ExampleIndex.of(SHIPPED), ExampleIndex.of(firstHalf))) {
            for (LabelledExample post : SHIPPED) {
                for (int k : new int[] {ExampleCheck.NEIGHBOURS, 20}) {
                    assertEquals(index.nearestByLucene(post.text(), Optional.of(post.language()), k),
                            index.nearest(post.text(), Optional.of(post.language()), k), post.id() + ", k " + k);
                    compared++;
                }
            }
        }
        assertEquals(4 * SHIPPED.size(), compared);
    }

    /** No language detected: read in the language of most of the letters, as the classifier does. */
    @Test
    void aTextOfNoDetectedLanguageFindsTheSame() {
        ExampleIndex index = ExampleIndex.of(SHIPPED);
        for (String text : List.of("wifi SIM", "Paracetamol", "حليب", "ковдри", "", "12 34")) {
            assertEquals(index.nearestByLucene(text, Optional.empty(), 5), index.nearest(text, Optional.empty(), 5), text);
        }
    }

    /** Other terms than the stems (the words as written, distinct as {@link ExampleIndex.Terms} asks), and a word no example has. */
    @Test
    void otherTermsAndUnknownWordsScoreAsInLucene() {
        ExampleIndex.Terms words = (language, text) -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty()).distinct().toList();
        ExampleIndex index = ExampleIndex.of(SHIPPED, words);
        int found = 0;
        for (LabelledExample post : SHIPPED) {
            String text = post.text() + " zzzqqq";
            List<ExampleIndex.Neighbour> lucene = index.nearestByLucene(text, Optional.of(post.language()), 5);
            assertEquals(lucene, index.nearest(text, Optional.of(post.language()), 5), post.id());
            found += lucene.isEmpty() ? 0 : 1;
        }
        assertTrue(found > 3000, "posts found by their own words: " + found);
    }
}
