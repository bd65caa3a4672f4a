package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;

/**
 * The ten free-text evaluation sets are well formed and their parts are kept apart: sizes per language, a quarter of
 * posts that are neither offer nor request, labels that exist in the taxonomy, the split rules
 * ({@link FreeTextSet#frozenNumbers}, {@link FreeTextSet#inSecondFrozenThird}), and no post shared between the parts
 * or with the older classifier sets. All ten sets are spent (measured once each) and are the server's examples;
 * posts are never classified here, only their labels and split checked.
 */
class FreeTextSetTest {

    static final int DEVELOPMENT_PER_LANGUAGE = 40;
    static final int FROZEN_PER_LANGUAGE = 20;

    private final List<FreeTextPost> development = FreeTextSet.read(FreeTextSet.DEVELOPMENT);
    private final List<FreeTextPost> frozen = FreeTextSet.read(FreeTextSet.FROZEN);
    private final List<FreeTextPost> development2 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_2);
    private final List<FreeTextPost> frozen2 = FreeTextSet.read(FreeTextSet.FROZEN_2);
    private final List<FreeTextPost> development3 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_3);
    private final List<FreeTextPost> frozen3 = FreeTextSet.read(FreeTextSet.FROZEN_3);
    private final List<FreeTextPost> development4 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_4);
    private final List<FreeTextPost> frozen4 = FreeTextSet.read(FreeTextSet.FROZEN_4);
    private final List<FreeTextPost> development5 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_5);
    private final List<FreeTextPost> frozen5 = FreeTextSet.read(FreeTextSet.FROZEN_5);
    private final List<FreeTextPost> development6 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_6);
    private final List<FreeTextPost> frozen6 = FreeTextSet.read(FreeTextSet.FROZEN_6);
    private final List<FreeTextPost> development7 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_7);
    private final List<FreeTextPost> frozen7 = FreeTextSet.read(FreeTextSet.FROZEN_7);
    private final List<FreeTextPost> development8 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_8);
    private final List<FreeTextPost> frozen8 = FreeTextSet.read(FreeTextSet.FROZEN_8);
    private final List<FreeTextPost> development9 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_9);
    private final List<FreeTextPost> frozen9 = FreeTextSet.read(FreeTextSet.FROZEN_9);
    private final List<FreeTextPost> development10 = FreeTextSet.read(FreeTextSet.DEVELOPMENT_10);
    private final List<FreeTextPost> frozen10 = FreeTextSet.read(FreeTextSet.FROZEN_10);

    @Test
    void everyLanguageHasSixtyPostsTwoThirdsForDevelopmentAndAQuarterNeitherOfferNorRequest() {
        eachLanguageHasSixtyPosts(development, frozen);
        eachLanguageHasSixtyPosts(development2, frozen2);
        eachLanguageHasSixtyPosts(development3, frozen3);
        eachLanguageHasSixtyPosts(development4, frozen4);
        eachLanguageHasSixtyPosts(development5, frozen5);
        eachLanguageHasSixtyPosts(development6, frozen6);
        eachLanguageHasSixtyPosts(development7, frozen7);
        eachLanguageHasSixtyPosts(development8, frozen8);
        eachLanguageHasSixtyPosts(development9, frozen9);
        eachLanguageHasSixtyPosts(development10, frozen10);
    }

    private static void eachLanguageHasSixtyPosts(List<FreeTextPost> development, List<FreeTextPost> frozen) {
        for (String lang : Taxonomy.LANGUAGES) {
            List<FreeTextPost> dev = inLanguage(development, lang);
            List<FreeTextPost> fro = inLanguage(frozen, lang);
            assertEquals(DEVELOPMENT_PER_LANGUAGE, dev.size(), lang + " development posts");
            assertEquals(FROZEN_PER_LANGUAGE, fro.size(), lang + " frozen posts");
            List<FreeTextPost> all = Stream.concat(dev.stream(), fro.stream()).toList();
            long none = all.stream().filter(p -> p.purpose().isEmpty()).count();
            assertTrue(none >= all.size() / 5 && none <= all.size() * 3 / 10, lang + ": " + none + " not offer or request");
            assertTrue(all.stream().filter(p -> p.needs().size() > 1).count() >= 4, lang + ": too few posts with several needs");
        }
    }

    /**
     * The server reads its examples ({@link ExampleSet}) from the same files this test checks, one copy: every post,
     * its language, purpose, needs and text as {@link FreeTextSet} reads them.
     */
    @Test
    void theShippedExamplesAreTheTenSetsAsLabelled() {
        List<LabelledExample> shipped = ExampleSet.shipped();
        List<FreeTextPost> sets = both();
        assertEquals(sets.size(), shipped.size());
        for (int i = 0; i < sets.size(); i++) {
            FreeTextPost post = sets.get(i);
            assertEquals(new LabelledExample(post.id(), post.lang(), post.purpose(), post.needs(), post.text()), shipped.get(i));
        }
        assertEquals(FreeTextSet.ALL.stream().map(r -> r.substring(r.lastIndexOf('/') + 1)).toList(), ExampleSet.FILES);
    }

    @Test
    void everyLabelIsAConceptOfTheTaxonomy() {
        Taxonomy taxonomy = Taxonomy.load();
        for (FreeTextPost post : everySet()) {
            for (String id : post.acceptableConcepts()) {
                assertTrue(taxonomy.byId(id).isPresent(), post.id() + ": unknown concept " + id);
            }
        }
    }

    /** The second set: scenes 61 to 120 in every language, every third one of a language in the frozen third. */
    @Test
    void eachPostOfTheSecondSetSitsInThePartItsSplitRuleGivesIt() {
        scenesRunFrom(FreeTextSet.SECOND_SET_FIRST, development2, frozen2);
        development2.forEach(p -> assertTrue(!FreeTextSet.inSecondFrozenThird(p.number()), p.id() + " belongs in frozen2"));
        frozen2.forEach(p -> assertTrue(FreeTextSet.inSecondFrozenThird(p.number()), p.id() + " belongs in development2"));
    }

    /** The third set: scenes 121 to 180 in every language, every third one of a language in the frozen third. */
    @Test
    void eachPostOfTheThirdSetSitsInThePartItsSplitRuleGivesIt() {
        scenesRunFrom(FreeTextSet.THIRD_SET_FIRST, development3, frozen3);
        development3.forEach(p -> assertTrue(!FreeTextSet.inThirdFrozenThird(p.number()), p.id() + " belongs in frozen3"));
        frozen3.forEach(p -> assertTrue(FreeTextSet.inThirdFrozenThird(p.number()), p.id() + " belongs in development3"));
    }

    /**
     * The fourth set: scenes 181 to 240 in every language, every third one of a language (183, 186, ... 240) in the
     * frozen third, which holds 5 posts that are neither offer nor request, 7 offers and 8 requests a language.
     */
    @Test
    void eachPostOfTheFourthSetSitsInThePartItsSplitRuleGivesIt() {
        scenesRunFrom(FreeTextSet.FOURTH_SET_FIRST, development4, frozen4);
        development4.forEach(p -> assertTrue(!FreeTextSet.inFourthFrozenThird(p.number()), p.id() + " belongs in frozen4"));
        frozen4.forEach(p -> assertTrue(FreeTextSet.inFourthFrozenThird(p.number()), p.id() + " belongs in development4"));
        for (String lang : Taxonomy.LANGUAGES) {
            Map<String, Long> purposes = inLanguage(frozen4, lang).stream().collect(java.util.stream.Collectors.groupingBy(
                    p -> p.purpose().map(org.weft.server.model.Purpose::wire).orElse("none"),
                    java.util.stream.Collectors.counting()));
            assertEquals(Map.of("none", 5L, "offer", 7L, "request", 8L), purposes, lang + " frozen4 purposes");
        }
    }

    /** The fifth set: scenes 241 to 300, every third one of a language (243, 246, ... 300) in the frozen third. */
    @Test
    void eachPostOfTheFifthSetSitsInThePartItsSplitRuleGivesIt() {
        scenesRunFrom(FreeTextSet.FIFTH_SET_FIRST, development5, frozen5);
        development5.forEach(p -> assertTrue(!FreeTextSet.inFifthFrozenThird(p.number()), p.id() + " belongs in frozen5"));
        frozen5.forEach(p -> assertTrue(FreeTextSet.inFifthFrozenThird(p.number()), p.id() + " belongs in development5"));
    }

    /**
     * The sixth set: scenes 301 to 360, every third one of a language (303, 306, ... 360) in the frozen third, 5 posts
     * that are neither offer nor request, 7 offers and 8 requests a language. Only the labels are read here.
     */
    @Test
    void eachPostOfTheSixthSetSitsInThePartItsSplitRuleGivesIt() {
        splitAsTheSixth(FreeTextSet.SIXTH_SET_FIRST, development6, frozen6, FreeTextSet::inSixthFrozenThird, "6");
    }

    /** The seventh set: scenes 361 to 420, split as the sixth (spent, among the examples since session 34). */
    @Test
    void eachPostOfTheSeventhSetSitsInThePartItsSplitRuleGivesIt() {
        splitAsTheSixth(FreeTextSet.SEVENTH_SET_FIRST, development7, frozen7, FreeTextSet::inSeventhFrozenThird, "7");
    }

    /** The eighth set: scenes 421 to 480, split as the sixth (spent, among the examples since session 35). */
    @Test
    void eachPostOfTheEighthSetSitsInThePartItsSplitRuleGivesIt() {
        splitAsTheSixth(FreeTextSet.EIGHTH_SET_FIRST, development8, frozen8, FreeTextSet::inEighthFrozenThird, "8");
    }

    /** The ninth set: scenes 481 to 540, split as the sixth (spent, among the examples since session 35). */
    @Test
    void eachPostOfTheNinthSetSitsInThePartItsSplitRuleGivesIt() {
        splitAsTheSixth(FreeTextSet.NINTH_SET_FIRST, development9, frozen9, FreeTextSet::inNinthFrozenThird, "9");
    }

    /** The tenth set: scenes 541 to 600, split as the sixth (spent, among the examples since session 36). */
    @Test
    void eachPostOfTheTenthSetSitsInThePartItsSplitRuleGivesIt() {
        splitAsTheSixth(FreeTextSet.TENTH_SET_FIRST, development10, frozen10, FreeTextSet::inTenthFrozenThird, "10");
    }

    /**
     * A set written blind and not yet measured ({@link FreeTextSet#BLIND}) is not among the examples the server reads
     * by: a post that is its own example would be read through its label.
     */
    @Test
    void noPostOfASetNotYetMeasuredIsAnExample() {
        Set<String> examples = ExampleSet.shipped().stream().map(e -> normalised(e.text())).collect(Collectors.toSet());
        FreeTextSet.readAll(FreeTextSet.BLIND).forEach(p ->
                assertTrue(!examples.contains(normalised(p.text())), p.id() + " is one of the server's examples"));
    }

    /**
     * The split of the second to tenth sets, moved to a set's numbers: scenes {@code first} to {@code first + 59},
     * every third one of a language ({@code inFrozen}) in the frozen third, which holds 5 posts that are neither offer
     * nor request, 7 offers and 8 requests a language.
     */
    private static void splitAsTheSixth(int first, List<FreeTextPost> development, List<FreeTextPost> frozen,
            IntPredicate inFrozen, String set) {
        scenesRunFrom(first, development, frozen);
        development.forEach(p -> assertTrue(!inFrozen.test(p.number()), p.id() + " belongs in frozen" + set));
        frozen.forEach(p -> assertTrue(inFrozen.test(p.number()), p.id() + " belongs in development" + set));
        for (String lang : Taxonomy.LANGUAGES) {
            Map<String, Long> purposes = inLanguage(frozen, lang).stream().collect(Collectors.groupingBy(
                    p -> p.purpose().map(Purpose::wire).orElse("none"), Collectors.counting()));
            assertEquals(Map.of("none", 5L, "offer", 7L, "request", 8L), purposes, lang + " frozen" + set + " purposes");
        }
    }

    /** Every language tells scenes {@code first} to {@code first + 59}, each once, across the two parts of a set. */
    private static void scenesRunFrom(int first, List<FreeTextPost> development, List<FreeTextPost> frozen) {
        for (String lang : Taxonomy.LANGUAGES) {
            List<Integer> numbers = Stream.concat(inLanguage(development, lang).stream(), inLanguage(frozen, lang).stream())
                    .map(FreeTextPost::number).sorted().toList();
            assertEquals(IntStream.rangeClosed(first, first + 59).boxed().toList(), numbers, lang + " scene numbers");
        }
    }

    @Test
    void eachPostSitsInThePartTheSplitRuleGivesIt() {
        Set<Integer> frozenNumbers = FreeTextSet.frozenNumbers(Stream.concat(development.stream(), frozen.stream()).toList());
        assertEquals(FROZEN_PER_LANGUAGE, frozenNumbers.size());
        development.forEach(p -> assertTrue(!frozenNumbers.contains(p.number()), p.id() + " belongs in the frozen part"));
        frozen.forEach(p -> assertTrue(frozenNumbers.contains(p.number()), p.id() + " belongs in the development part"));
    }

    @Test
    void thePartsShareNoPostAndNeitherSharesOneWithTheOlderSets() throws IOException {
        Set<String> ids = new HashSet<>();
        Map<String, String> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (FreeTextPost post : everySet()) {
            if (!ids.add(post.id())) {
                clashes.add("id " + post.id() + " twice");
            }
            String before = seen.put(normalised(post.text()), post.id());
            if (before != null) {
                clashes.add(post.id() + " repeats " + before);
            }
        }
        for (String resource : List.of("/classify/posts.tsv", "/classify/heldout.tsv")) {
            for (ClassifierEvaluationTest.Post post : ClassifierEvaluationTest.readPosts(resource)) {
                String clash = seen.get(normalised(post.text()));
                if (clash != null) {
                    clashes.add(clash + " is also in " + resource);
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    /** Case, accents' composed forms, punctuation and spacing do not make two posts different. */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ").strip();
    }

    /** Every post of the ten spent sets: twenty files. */
    private List<FreeTextPost> both() {
        return Stream.of(development, frozen, development2, frozen2, development3, frozen3, development4, frozen4,
                        development5, frozen5, development6, frozen6, development7, frozen7, development8, frozen8,
                        development9, frozen9, development10, frozen10)
                .flatMap(List::stream).toList();
    }

    /** The ten spent sets and the parts of a set not yet measured. */
    private List<FreeTextPost> everySet() {
        return Stream.concat(both().stream(), FreeTextSet.readAll(FreeTextSet.BLIND).stream()).toList();
    }

    private static List<FreeTextPost> inLanguage(List<FreeTextPost> posts, String lang) {
        return posts.stream().filter(p -> p.lang().equals(lang)).toList();
    }
}
