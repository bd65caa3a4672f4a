package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;
import org.weft.server.testing.HeldPosts;

/**
 * What the examples' check ({@link ExampleCheck}) does to what the server gets from {@link TextClassifier}: a sure post
 * stays sure only where the nearest labelled posts name its concept (else it waits, offered their reading as the second),
 * a concept chosen by hashtag is not doubted, a post
 * the word list found no concept for waits with the examples' concepts as its first reading, a need the post's words
 * named and the word list left out is added where the examples name it ({@link ExampleAdditions}), and the shipped index
 * is small and quick to build. Figures on the sets themselves are in {@link LeaveOneSetOutEvaluationTest}.
 */
class ExampleCheckTest {

    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private static final String OFFER = "I can give blankets, a tent, a heater, a mattress and a sleeping bag #MutualAidOffer";

    @Test
    void aSurePostGoesOnTheBoardOnlyWhenItsNearestExamplesNameItsConcept() {
        TextClassifier wordsOnly = new TextClassifier(TAXONOMY, List::of);
        Classification words = wordsOnly.explain(OFFER, List.of()).result();
        assertTrue(words.isSure(), "the word list alone is sure: " + words);
        String concept = words.primary().id();

        Classification agreed = new TextClassifier(TAXONOMY, () -> examples(Purpose.OFFER, concept)).classify(OFFER, List.of());
        assertEquals(words, agreed, "examples that name its concept leave the word list's reading as it was");

        String other = concept.equals("food") ? "clothing" : "food";
        Classification doubted = new TextClassifier(TAXONOMY, () -> examples(Purpose.OFFER, other)).classify(OFFER, List.of());
        assertFalse(doubted.isSure(), "examples that name another concept hold it for a moderator: " + doubted);
        assertEquals(words.purpose(), doubted.purpose());
        assertEquals(words.concepts(), doubted.concepts(), "the moderator sees the word list's concepts");
        List<PostReading> readings = new TextClassifier(TAXONOMY, () -> examples(Purpose.OFFER, other))
                .classifyWithReadings(OFFER, List.of()).readings();
        assertEquals(words.concepts(), readings.get(0).concepts(), "first, the word list's reading");
        assertEquals(List.of(TAXONOMY.byId(other).orElseThrow()), readings.get(1).concepts(),
                "then the one the examples hold it for: one tap settles it either way");
        assertEquals(Purpose.OFFER, readings.get(1).purpose());

        assertFalse(wordsOnly.classify(OFFER, List.of()).isSure(), "no example near it: nothing vouches, it waits");
    }

    @Test
    void aConceptChosenByHashtagIsNotDoubtedByTheExamples() {
        TextClassifier classifier = new TextClassifier(TAXONOMY, () -> examples(Purpose.OFFER, "food"));
        Classification c = classifier.classify("something for whoever", List.of("#MutualAidOffer", "Prams"));
        assertEquals("prams", c.primary().id());
        assertTrue(c.isSure(), c.toString());

        String veg = "Veg boxes are packed for Saturday, we still need two drivers and cool bags #MutualAidRequest";
        TextClassifier doubting = new TextClassifier(TAXONOMY, () -> examples(Purpose.REQUEST, "heating"));
        Classification words = doubting.explain(veg, List.of("#food")).result();
        assertTrue(words.isSure() && TAXONOMY.isSameOrBroader(TAXONOMY.byId("food").orElseThrow(), words.primary()),
                "the word list reads a kind of food, sure: " + words);
        assertTrue(doubting.classify(veg, List.of("#food")).isSure(), "a concept under the post's #food is not doubted");
        assertFalse(doubting.classify(veg, List.of()).isSure(), "without the hashtag the examples hold it");
    }

    @Test
    void aPostTheWordListFoundNoConceptForWaitsWithTheExamplesConcepts() {
        String post = "#MutualAidRequest anything at all, whatever you can spare this week";
        TextClassifier classifier = new TextClassifier(TAXONOMY, () -> List.of(
                example("en-1", Purpose.REQUEST, "food", "anything you can spare this week, our cupboards are empty"),
                example("en-2", Purpose.REQUEST, "food", "whatever you can spare, rice or pasta"),
                example("en-3", Purpose.REQUEST, "food", "anything at all to eat this week")));
        Classification words = classifier.explain(post, List.of()).result();
        assertEquals(Taxonomy.OTHER_ID, words.primary().id(), "the word list names no concept: " + words);

        ClassifiedPost read = classifier.classifyWithReadings(post, List.of());
        assertEquals(List.of("food"), read.result().concepts().stream().map(Concept::id).toList());
        assertEquals(Optional.of(Purpose.REQUEST), read.result().purpose());
        assertFalse(read.result().isSure(), "a concept only the examples found waits for a moderator");
        assertEquals(read.result().concepts(), read.readings().get(0).concepts(), "the first reading is the result's");
    }

    /**
     * Rice is named once beside four bedding words, so the word list keeps bedding alone; examples that give bedding
     * and rice add rice, and the post stays where it was. Examples that name a need the post's words never named
     * ("heating") add nothing: the examples confirm what the words said, they do not invent needs.
     */
    @Test
    void aNeedTheWordsNamedAndTheWordListLeftOutIsAddedWhereTheExamplesNameIt() {
        String post = "I can give blankets, a mattress, a duvet and pillows, and a bag of rice";
        TextClassifier wordsOnly = new TextClassifier(TAXONOMY, List::of);
        TextClassifier.Explanation words = wordsOnly.explain(post, List.of());
        List<String> kept = ids(words.result().concepts());
        assertEquals(List.of("bedding"), kept, "the word list keeps bedding alone: " + words.result());
        String rice = words.ranked().stream().map(r -> r.concept().id()).filter(id -> !id.equals("bedding")).findFirst()
                .orElseThrow(() -> new AssertionError("the word list named nothing beside bedding: " + words.ranked()));

        TextClassifier both = new TextClassifier(TAXONOMY, () -> twoNeeds("bedding", rice));
        ClassifiedPost read = both.classifyWithReadings(post, List.of());
        assertEquals(List.of("bedding", rice), ids(read.result().concepts()), "the examples add what the words named");
        assertEquals(words.result().isSure(), read.result().isSure(), "and move nothing on or off the board");
        assertEquals(read.result().concepts(), read.readings().get(0).concepts(), "the first reading is the result's");

        TextClassifier heating = new TextClassifier(TAXONOMY, () -> twoNeeds("bedding", "heating"));
        assertEquals(List.of("bedding"), ids(heating.classify(post, List.of()).concepts()),
                "a need the words never named is not added");
    }

    /**
     * The shipped examples, on the post whose match a member meets in {@code AddedNeedTest}: the word list reads baby
     * food alone; the examples add the nappies the words named, and the post is placed at once.
     */
    @Test
    void theShippedExamplesAddTheNappiesTheWordListLeftOut() {
        String post = HeldPosts.NEED_THE_EXAMPLES_ADD;
        Classification words = new TextClassifier(TAXONOMY, List::of).classify(post, List.of());
        assertEquals(List.of("baby-food"), ids(words.concepts()), words.toString());
        Classification shipped = new TextClassifier(TAXONOMY).classify(post, List.of());
        assertEquals(List.of("baby-food", "diapers"), ids(shipped.concepts()), shipped.toString());
        assertEquals(Optional.of(Purpose.REQUEST), shipped.purpose());
        assertTrue(shipped.isSure(), "placed without a moderator: " + shipped);
    }

    private static List<String> ids(List<Concept> concepts) {
        return concepts.stream().map(Concept::id).toList();
    }

    private static List<LabelledExample> twoNeeds(String first, String second) {
        List<String> texts = List.of("I can give two blankets and some rice", "a duvet and a bag of rice to give",
                "pillows and rice, can give today", "blankets and rice for whoever needs", "mattress and rice, free");
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            examples.add(new LabelledExample("en-" + (i + 1), "en", Optional.of(Purpose.OFFER),
                    List.of(List.of(first), List.of(second)), texts.get(i)));
        }
        return examples;
    }

    @Test
    void aPostThatNeitherOffersNorAsksStaysOffTheBoardWhateverItsNeighboursSay() {
        String news = "The food bank is closed on Monday";
        TextClassifier classifier = new TextClassifier(TAXONOMY, () -> List.of(
                example("en-1", Purpose.REQUEST, "food", "The food bank is closed, I need food on Monday")));
        Classification words = classifier.explain(news, List.of()).result();
        assertEquals(words, classifier.classify(news, List.of()));
    }

    /** The shipped examples: every set, read once at start-up; the index must stay small on a 512 MB box. */
    @Test
    void theShippedIndexIsSmallAndQuickToBuild() {
        List<LabelledExample> shipped = ExampleSet.shipped();
        ExampleIndex.of(shipped.subList(0, 50)); // the analyzers and the Ukrainian dictionary, loaded once anyway
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        ExampleIndex index = ExampleIndex.of(ExampleSet.shipped());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heap = usedHeapAfterGc() - before;
        List<Long> lookups = new ArrayList<>();
        Map<String, List<Long>> byLanguage = new TreeMap<>();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            lookups.clear();
            byLanguage.clear();
            for (LabelledExample e : shipped) {
                long t = System.nanoTime();
                index.nearest(e.text(), Optional.of(e.language()), ExampleCheck.NEIGHBOURS);
                lookups.add(System.nanoTime() - t);
                byLanguage.computeIfAbsent(e.language(), l -> new ArrayList<>()).add(System.nanoTime() - t);
            }
        }
        byLanguage.forEach((lang, times) -> {
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %s look-up p50 %.2f ms, p99 %.2f ms%n", lang, t[t.length / 2] / 1e6,
                    t[t.length * 99 / 100] / 1e6);
        });
        long[] sorted = lookups.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("example index: %d examples, built in %d ms, index files %d kB, heap held %d kB;"
                        + " look-up p50 %.2f ms, p99 %.2f ms%n", index.size(), millis, index.indexBytes() / 1024, heap / 1024,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
        assertEquals(3600, index.size());
        assertTrue(index.indexBytes() < 4 * 1024 * 1024, "index files " + index.indexBytes());
        assertTrue(heap < 24 * 1024 * 1024, "heap held " + heap);
        assertFalse(index.nearest(shipped.get(0).text(), Optional.of(shipped.get(0).language()), 1).isEmpty());
        assertEquals(shipped.get(0), index.nearest(shipped.get(0).text(), Optional.of(shipped.get(0).language()), 1)
                .get(0).example(), "a post's nearest example is itself");
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<LabelledExample> examples(Purpose purpose, String concept) {
        return Arrays.asList(
                example("en-1", purpose, concept, "I can give two blankets and a heater"),
                example("en-2", purpose, concept, "a tent and a sleeping bag to give"),
                example("en-3", purpose, concept, "mattress, blankets, can give today"),
                example("en-4", purpose, concept, "I can give a heater"),
                example("en-5", purpose, concept, "sleeping bag and tent, free"));
    }

    private static LabelledExample example(String id, Purpose purpose, String concept, String text) {
        return new LabelledExample(id, "en", Optional.of(purpose), List.of(List.of(concept)), text);
    }
}
