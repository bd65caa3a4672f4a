package org.weft.server.classify;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.proposal.HelpKind;
import org.weft.server.proposal.Purpose;
import org.weft.server.taxonomy.Taxonomy;

/**
 * Measures the classifier on the hand-labelled posts in {@code classify/posts.tsv} and fails when a language falls
 * under its floor.
 *
 * <p>Definitions, per language. A post "has a category" when its label is not {@code other}. A prediction is a top
 * concept other than {@code other}; it is correct when it is one of the post's acceptable concepts. Precision =
 * correct / predictions (so a real concept predicted for an uncategorised post costs precision); recall = correct /
 * posts with a category (so {@code other} predicted for a categorised post is a miss). Purpose accuracy compares
 * offer / request / none on every post; kind accuracy only on posts whose kind is labelled.
 *
 * <p>Two sets. {@code posts.tsv} (313 posts, 52–53 per language) was written before the classifier and then used
 * to improve it, so its figures are optimistic: measured 0.98–1.00 precision, 0.96–1.00 recall, 0.98–1.00 purpose
 * accuracy, 0.94–0.98 kind accuracy per language. {@code heldout.tsv} (60 posts, 10 per language) was written after
 * that tuning and measured once without changing the classifier: pooled precision 0.91, recall 0.80, purpose 0.77,
 * kind 0.91. That is the honest estimate for new posts.
 *
 * <p>Floors. Development set, per language: precision ≥ {@value #MIN_PRECISION}, recall ≥ {@value #MIN_RECALL},
 * purpose ≥ {@value #MIN_PURPOSE_ACCURACY}, kind ≥ {@value #MIN_KIND_ACCURACY}: about four posts (0.02 each) below
 * the weakest language, so a synonym edit that costs a post or two passes but a broken normaliser, stemmer or cue list
 * for one language fails. Held-out, pooled (ten posts per language is too few for per-language floors): precision ≥
 * {@value #MIN_HELD_OUT_PRECISION}, recall ≥ {@value #MIN_HELD_OUT_RECALL}, purpose ≥
 * {@value #MIN_HELD_OUT_PURPOSE_ACCURACY}, about five posts below what was measured. Do not edit posts to pass; do not
 * tune to the held-out set (write a new one if you have to).
 */
class ClassifierEvaluationTest {

    static final double MIN_PRECISION = 0.90;
    static final double MIN_RECALL = 0.88;
    static final double MIN_PURPOSE_ACCURACY = 0.90;
    static final double MIN_KIND_ACCURACY = 0.85;
    static final int MIN_POSTS_PER_LANGUAGE = 40;
    static final double MIN_HELD_OUT_PRECISION = 0.82;
    static final double MIN_HELD_OUT_RECALL = 0.70;
    static final double MIN_HELD_OUT_PURPOSE_ACCURACY = 0.68;

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
        Map<String, Score> scores = evaluate("/classify/posts.tsv");
        scores.forEach((lang, s) -> {
            assertTrue(s.posts >= MIN_POSTS_PER_LANGUAGE, lang + " has only " + s.posts + " posts");
            assertTrue(s.precision() >= MIN_PRECISION, lang + " precision " + s.precision());
            assertTrue(s.recall() >= MIN_RECALL, lang + " recall " + s.recall());
            assertTrue(s.purposeAccuracy() >= MIN_PURPOSE_ACCURACY, lang + " purpose accuracy " + s.purposeAccuracy());
            assertTrue(s.kindAccuracy() >= MIN_KIND_ACCURACY, lang + " kind accuracy " + s.kindAccuracy());
        });
    }

    /**
     * The held-out posts are few per language (ten), so one post moves a language by 0.1; the floor applies to all
     * languages pooled and is lower than the development floor, since these posts were not fitted to.
     */
    @Test
    void heldOutPostsStayAboveTheirPooledFloor() throws IOException {
        Score all = pooled(evaluate("/classify/heldout.tsv"));
        assertTrue(all.precision() >= MIN_HELD_OUT_PRECISION, "held-out precision " + all.precision());
        assertTrue(all.recall() >= MIN_HELD_OUT_RECALL, "held-out recall " + all.recall());
        assertTrue(all.purposeAccuracy() >= MIN_HELD_OUT_PURPOSE_ACCURACY, "held-out purpose " + all.purposeAccuracy());
    }

    private static Map<String, Score> evaluate(String resource) throws IOException {
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
        System.out.println("Misses (concept or purpose):");
        misses.forEach(System.out::println);
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
    void theSetIsBigEnoughAndItsLabelsExist() throws IOException {
        List<Post> posts = readPosts("/classify/posts.tsv");
        assertTrue(posts.size() >= 240, "only " + posts.size() + " posts");
        Taxonomy taxonomy = Taxonomy.load();
        for (Post post : posts) {
            assertTrue(Taxonomy.LANGUAGES.contains(post.lang()), post.text());
            post.concepts().forEach(id -> assertTrue(taxonomy.byId(id).isPresent(), "unknown concept " + id));
        }
        assertEquals(Taxonomy.LANGUAGES.size(), posts.stream().map(Post::lang).distinct().count());
    }

    static String table(Map<String, Score> scores) {
        StringBuilder out = new StringBuilder("lang    n  precision  recall  purpose  kind\n");
        Map<String, Score> rows = new LinkedHashMap<>(scores);
        rows.put("all", pooled(scores));
        rows.forEach((lang, s) -> out.append(String.format(Locale.ROOT, "%-4s %4d  %9.2f  %6.2f  %7.2f  %4.2f%n", lang,
                s.posts, s.precision(), s.recall(), s.purposeAccuracy(), s.kindAccuracy())));
        return out.toString();
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
