package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * Measures the classifier on two hand-labelled sets and fails when a language falls under its floor.
 *
 * <p>Definitions, per language. A post "has a category" when its label is not {@code other}. A prediction is a top
 * concept other than {@code other}; it is correct when it is one of the post's acceptable concepts. Precision =
 * correct / predictions (so a real concept predicted for an uncategorised post costs precision); recall = correct /
 * posts with a category (so {@code other} predicted for a categorised post is a miss). Purpose accuracy compares
 * offer / request / none on every post; kind accuracy only on posts whose kind is labelled.
 *
 * <p><b>{@code posts.tsv}: the development set, a regression guard, not a quality figure.</b> 313 posts, 52–53 per
 * language, written before the classifier and then used to improve it: its phrases were copied into the lexicon, so
 * its figures are optimistic (measured 0.98–1.00 precision, 0.96–1.00 recall, 0.98–1.00 purpose accuracy,
 * 0.94–0.98 kind accuracy per language). Floors per language: precision ≥ {@value #MIN_PRECISION}, recall ≥
 * {@value #MIN_RECALL}, purpose ≥ {@value #MIN_PURPOSE_ACCURACY}, kind ≥ {@value #MIN_KIND_ACCURACY}, about four
 * posts under the weakest language, so a synonym edit that costs a post or two passes but a broken normaliser, stemmer
 * or cue list for one language fails. Its misses are printed: tune on it.
 *
 * <p><b>{@code heldout.tsv}: the held-out set, the honest figure.</b> 186 posts, 31 per language, never tuned on: 60
 * written after the tuning on posts.tsv, and 126 added for issue 10 before their writer had read the lexicon. Measured
 * once at commit 448cc12, without changing the classifier (precision / recall / purpose / kind): en 0.74 / 0.65 /
 * 0.81 / 0.74, ar 0.88 / 0.81 / 0.74 / 0.81, fr 0.86 / 0.69 / 0.87 / 0.81, es 0.80 / 0.77 / 0.81 / 0.81, uk 0.83 / 0.77 /
 * 0.84 / 0.73, fa 0.88 / 0.81 / 0.77 / 0.81; all languages 0.83 / 0.75 / 0.81 / 0.79 (counts in
 * {@code docs/classifier-evaluation.md}). Floors per language ({@link #HELD_OUT_FLOORS}): each figure 0.10 under its
 * own measurement, about three posts, so a rebuild of one language's analysis that loses ground on posts it was not
 * fitted to fails, while one or two posts moving does not. Pooled floors, which move less: about five posts under
 * ({@value #MIN_HELD_OUT_POOLED_PRECISION}, {@value #MIN_HELD_OUT_POOLED_RECALL}, {@value #MIN_HELD_OUT_POOLED_PURPOSE},
 * {@value #MIN_HELD_OUT_POOLED_KIND}). Its misses are not printed. Do not edit posts to pass; do not tune
 * to the held-out set (write a new one if you have to). The free-text set of issue 14 is measured by
 * {@link FreeTextEvaluationTest} and {@link FrozenFreeTextEvaluationTest}.
 */
class ClassifierEvaluationTest {

    static final double MIN_PRECISION = 0.90;
    static final double MIN_RECALL = 0.88;
    static final double MIN_PURPOSE_ACCURACY = 0.90;
    static final double MIN_KIND_ACCURACY = 0.85;
    static final int MIN_POSTS_PER_LANGUAGE = 40;
    static final int MIN_HELD_OUT_POSTS_PER_LANGUAGE = 30;
    /** Held-out floors per language: 0.10 under the one measurement in the class comment. */
    static final Map<String, HeldOutFloors> HELD_OUT_FLOORS = Map.of(
            "en", new HeldOutFloors(0.63, 0.55, 0.70, 0.64),
            "ar", new HeldOutFloors(0.77, 0.70, 0.64, 0.70),
            "fr", new HeldOutFloors(0.75, 0.59, 0.77, 0.70),
            "es", new HeldOutFloors(0.70, 0.66, 0.70, 0.71),
            "uk", new HeldOutFloors(0.73, 0.66, 0.73, 0.63),
            "fa", new HeldOutFloors(0.77, 0.70, 0.67, 0.71));
    static final double MIN_HELD_OUT_POOLED_PRECISION = 0.79;
    static final double MIN_HELD_OUT_POOLED_RECALL = 0.71;
    static final double MIN_HELD_OUT_POOLED_PURPOSE = 0.77;
    static final double MIN_HELD_OUT_POOLED_KIND = 0.75;

    /** The held-out floors of one language. */
    record HeldOutFloors(double precision, double recall, double purpose, double kind) {
    }

    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{M}\\p{N}_]+)");

    /** One labelled post. */
    record Post(String lang, Optional<Purpose> purpose, List<String> concepts, Optional<HelpKind> kind, String text) {
        boolean hasCategory() {
            return !concepts.get(0).equals(Taxonomy.OTHER_ID);
        }
    }

    /** Counts for one language. */
    static final class Score {
        int posts;
        int predictions;
        int correct;
        int categorised;
        int purposeRight;
        int kindLabelled;
        int kindRight;

        double precision() {
            return predictions == 0 ? 0 : (double) correct / predictions;
        }

        double recall() {
            return categorised == 0 ? 0 : (double) correct / categorised;
        }

        double purposeAccuracy() {
            return (double) purposeRight / posts;
        }

        double kindAccuracy() {
            return kindLabelled == 0 ? 0 : (double) kindRight / kindLabelled;
        }
    }

    @Test
    void perLanguagePrecisionRecallAndPurposeAccuracyStayAboveTheFloor() throws IOException {
        Map<String, Score> scores = evaluate("/classify/posts.tsv", true);
        scores.forEach((lang, s) -> {
            assertTrue(s.posts >= MIN_POSTS_PER_LANGUAGE, lang + " has only " + s.posts + " posts");
            assertTrue(s.precision() >= MIN_PRECISION, lang + " precision " + s.precision());
            assertTrue(s.recall() >= MIN_RECALL, lang + " recall " + s.recall());
            assertTrue(s.purposeAccuracy() >= MIN_PURPOSE_ACCURACY, lang + " purpose accuracy " + s.purposeAccuracy());
            assertTrue(s.kindAccuracy() >= MIN_KIND_ACCURACY, lang + " kind accuracy " + s.kindAccuracy());
        });
    }

    @Test
    void heldOutPostsStayAboveTheirFloorsInEveryLanguage() throws IOException {
        Map<String, Score> scores = evaluate("/classify/heldout.tsv", false);
        List<String> below = new ArrayList<>();
        scores.forEach((lang, s) -> {
            assertTrue(s.posts >= MIN_HELD_OUT_POSTS_PER_LANGUAGE, lang + " has only " + s.posts + " held-out posts");
            HeldOutFloors floor = HELD_OUT_FLOORS.get(lang);
            check(below, lang + " precision", s.precision(), floor.precision());
            check(below, lang + " recall", s.recall(), floor.recall());
            check(below, lang + " purpose", s.purposeAccuracy(), floor.purpose());
            check(below, lang + " kind", s.kindAccuracy(), floor.kind());
        });
        Score all = pooled(scores);
        check(below, "pooled precision", all.precision(), MIN_HELD_OUT_POOLED_PRECISION);
        check(below, "pooled recall", all.recall(), MIN_HELD_OUT_POOLED_RECALL);
        check(below, "pooled purpose", all.purposeAccuracy(), MIN_HELD_OUT_POOLED_PURPOSE);
        check(below, "pooled kind", all.kindAccuracy(), MIN_HELD_OUT_POOLED_KIND);
        assertTrue(below.isEmpty(), "held-out figures under their floors: " + below + "\n" + table(scores));
    }

    private static void check(List<String> below, String figure, double value, double floor) {
        if (!(value >= floor)) {
            below.add(String.format(Locale.ROOT, "%s %.2f < %.2f", figure, value, floor));
        }
    }

    /** Scores every post; prints the table, and the misses only when asked (never for the held-out set). */
    private static Map<String, Score> evaluate(String resource, boolean printMisses) throws IOException {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        Map<String, Score> scores = new LinkedHashMap<>();
        Taxonomy.LANGUAGES.forEach(lang -> scores.put(lang, new Score()));
        List<String> misses = new ArrayList<>();
        for (Post post : readPosts(resource)) {
            Classification result = classifier.classify(post.text(), hashtagsOf(post.text()));
            Score score = scores.get(post.lang());
            score.posts++;
            String top = result.primary().id();
            boolean predicted = !top.equals(Taxonomy.OTHER_ID);
            boolean right = predicted && post.concepts().contains(top);
            score.predictions += predicted ? 1 : 0;
            score.correct += right ? 1 : 0;
            score.categorised += post.hasCategory() ? 1 : 0;
            boolean purposeRight = result.purpose().equals(post.purpose());
            score.purposeRight += purposeRight ? 1 : 0;
            if (post.kind().isPresent()) {
                score.kindLabelled++;
                score.kindRight += result.kind().equals(post.kind()) ? 1 : 0;
            }
            boolean conceptMiss = predicted ? !right : post.hasCategory();
            if (conceptMiss || !purposeRight) {
                misses.add(String.format(Locale.ROOT, "  %s %-22s want %-40s %-8s | %s", post.lang(), top,
                        post.concepts(), result.purpose().map(Purpose::wire).orElse("none"), post.text()));
            }
        }
        System.out.println(resource + "\n" + table(scores));
        if (printMisses) {
            System.out.println("Misses (concept or purpose):");
            misses.forEach(System.out::println);
        }
        return scores;
    }

    private static Score pooled(Map<String, Score> scores) {
        Score all = new Score();
        for (Score s : scores.values()) {
            all.posts += s.posts;
            all.predictions += s.predictions;
            all.correct += s.correct;
            all.categorised += s.categorised;
            all.purposeRight += s.purposeRight;
            all.kindLabelled += s.kindLabelled;
            all.kindRight += s.kindRight;
        }
        return all;
    }

    @Test
    void theSetsAreBigEnoughAndTheirLabelsExist() throws IOException {
        Taxonomy taxonomy = Taxonomy.load();
        for (String resource : List.of("/classify/posts.tsv", "/classify/heldout.tsv")) {
            List<Post> posts = readPosts(resource);
            for (Post post : posts) {
                assertTrue(Taxonomy.LANGUAGES.contains(post.lang()), post.text());
                post.concepts().forEach(id -> assertTrue(taxonomy.byId(id).isPresent(), "unknown concept " + id));
            }
            assertEquals(Taxonomy.LANGUAGES.size(), posts.stream().map(Post::lang).distinct().count(), resource);
        }
        assertTrue(readPosts("/classify/posts.tsv").size() >= 240);
    }

    @Test
    void noHeldOutPostIsAlsoADevelopmentPost() throws IOException {
        Set<String> development = readPosts("/classify/posts.tsv").stream().map(p -> FreeTextSetTest.normalised(p.text()))
                .collect(Collectors.toSet());
        List<String> both = readPosts("/classify/heldout.tsv").stream().map(Post::text)
                .filter(t -> development.contains(FreeTextSetTest.normalised(t))).toList();
        assertEquals(List.of(), both);
    }

    /** One row per language and a pooled row, each figure with the counts it comes from. */
    static String table(Map<String, Score> scores) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-4s %4s  %-15s %-15s %-15s %-15s%n",
                "lang", "n", "precision", "recall", "purpose", "kind"));
        Map<String, Score> rows = new LinkedHashMap<>(scores);
        rows.put("all", pooled(scores));
        rows.forEach((lang, s) -> out.append(String.format(Locale.ROOT, "%-4s %4d  %-15s %-15s %-15s %-15s%n", lang,
                s.posts, cell(s.correct, s.predictions), cell(s.correct, s.categorised), cell(s.purposeRight, s.posts),
                cell(s.kindRight, s.kindLabelled))));
        return out.toString();
    }

    private static String cell(int part, int whole) {
        return String.format(Locale.ROOT, "%.2f (%d/%d)", whole == 0 ? 0 : (double) part / whole, part, whole);
    }

    static List<String> hashtagsOf(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    static List<Post> readPosts(String resource) throws IOException {
        List<Post> posts = new ArrayList<>();
        try (InputStream in = ClassifierEvaluationTest.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("# ") || line.startsWith("lang\t")) {
                    continue;
                }
                String[] f = line.split("\t", 5);
                assertEquals(5, f.length, "bad line: " + line);
                posts.add(new Post(f[0], Purpose.fromWire(f[1]), Arrays.asList(f[2].split(",")),
                        f[3].equals("-") ? Optional.empty() : Optional.of(ClassifierCues.kind(f[3])), f[4]));
            }
        }
        return posts;
    }
}
