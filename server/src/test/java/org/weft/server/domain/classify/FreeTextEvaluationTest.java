package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;

/**
 * Runs the classifier on the parts of the free-text sets that may be tuned on ({@link FreeTextSet#TUNING}: the
 * five development parts and the five spent frozen thirds) and prints, per part and pooled, per language, the classifier's
 * figures (concept precision and recall, purpose, posts that are neither offer nor request given no purpose, kind,
 * language), the board view (what goes on the board without a moderator and how precise it is, what waits for a
 * moderator, what is dropped, the non-offers kept off the board), and every post it got wrong. These are the parts to
 * tune on; the figures are in {@code docs/classifier-evaluation.md}.
 *
 * <p>It fails when a language falls under the {@link #FLOORS} on the ten parts together: they were tuned on, so
 * this is a regression guard, not the quality figure; that is the frozen third's ({@link
 * FrozenFreeTextEvaluationTest}, against the targets of issue 14 in {@link FreeTextTargets}). The data is checked by
 * {@link FreeTextSetTest}, the arithmetic by {@link FreeTextScoreTest}.
 */
class FreeTextEvaluationTest {

    /** Posts per language in the ten tuning parts: five development parts of 40 and five spent frozen thirds of 20. */
    static final int TUNING_PER_LANGUAGE = 300;
    /**
     * The floors of the tuning parts, for every language: a post or two under the weakest language's figure when the
     * tuning of session 27 ended on the seven parts (board precision 0.87 in Spanish, 121/139; recall 0.83 in
     * Spanish, 156/187; non-offers kept off 0.93 in Persian, 51/55; held at most 0.27 in Ukrainian, 44/165; see
     * docs/classifier-evaluation.md). With the spent fourth frozen third as an eighth part (session 28) Spanish recall
     * is 0.82 (167/204), so its floor moved to 0.81. Without the concept-driven vocabulary of session 25 ({@code conceptVocabulary}
     * in classifier-cues.json) Spanish and Persian recall fell to 0.73-0.74. With the fifth set's two parts, written
     * blind and not tuned to, as the ninth and tenth (session 30, before tuning on them) the weakest figures fell to
     * board precision 0.85 in Spanish (159/187), recall 0.79 in Spanish (204/257), non-offers kept off 0.88 in English
     * (66/75) and held 0.33 in Ukrainian (74/225), and the floors with them. After tuning on them (session 30) the
     * weakest are board precision 0.86 in Spanish (169/196), recall 0.84 in Spanish (216/257), kept off 0.95 in Persian
     * (71/75) and held 0.31 in Ukrainian (69/225), and the floors sit a post or two under. These parts were tuned on, so
     * the floors guard against regressions; the targets of issue 14 are measured on the frozen third. Since session
     * 32 these posts are also the classifier's examples ({@link ExampleCheck}), each read through itself: board
     * precision rose to 0.88 (French, Spanish), kept off to 0.97 (English), held fell to 0.21 (Persian), recall stayed;
     * the floors follow, as a guard only. What the examples do for posts they have not seen is {@link
     * LeaveOneSetOutEvaluationTest}'s to say.
     */
    static final FreeTextTargets.Bounds FLOORS = new FreeTextTargets.Bounds(0.86, 0.83, 0.95, 0.24);

    @Test
    void everyLanguageStaysAboveItsFloorsOnThePartsThatMayBeTunedOn() {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        List<String> misses = new ArrayList<>();
        List<FreeTextPost> all = new ArrayList<>();
        for (String part : FreeTextSet.TUNING) {
            List<FreeTextPost> posts = FreeTextSet.read(part);
            all.addAll(posts);
            Map<String, FreeTextScore> scores = FreeTextScore.byLanguage(posts, post -> {
                Classification result = classify(classifier, post);
                miss(post, result).ifPresent(misses::add);
                return result;
            });
            System.out.println("Free-text set, " + part + "\n" + FreeTextScore.table(scores)
                    + "Board view\n" + FreeTextScore.boardTable(scores));
        }
        Map<String, FreeTextScore> scores = FreeTextScore.byLanguage(all, post -> classify(classifier, post));
        System.out.println("Free-text set, the ten tuning parts together\n" + FreeTextScore.table(scores)
                + "Board view (sure posts go on the board, the others wait for a moderator)\n"
                + FreeTextScore.boardTable(scores));
        System.out.println("Misses (concept, purpose or kind):");
        misses.forEach(System.out::println);
        Taxonomy.LANGUAGES.forEach(lang -> assertEquals(TUNING_PER_LANGUAGE, scores.get(lang).posts, lang));
        List<String> below = FreeTextTargets.missesOfFloors(scores, FLOORS);
        assertTrue(below.isEmpty(), "tuning parts under their floors: " + below + "\n" + FreeTextScore.boardTable(scores));
    }

    /** The classifier as the server calls it for a post from another server: its text, and the hashtags in it. */
    static Classification classify(TextClassifier classifier, FreeTextPost post) {
        return classifier.classify(post.text(), ClassifierEvaluationTest.hashtagsOf(post.text()));
    }

    private static Optional<String> miss(FreeTextPost post, Classification result) {
        List<String> got = FreeTextScore.predictedConcepts(result);
        boolean purposeWrong = !result.purpose().equals(post.purpose());
        boolean conceptWrong = post.purpose().isPresent() && (!post.acceptableConcepts().containsAll(got)
                || post.needs().stream().anyMatch(need -> need.stream().noneMatch(got::contains)));
        boolean kindWrong = post.purpose().isPresent() && post.kind().isPresent() && !result.kind().equals(post.kind());
        if (!purposeWrong && !conceptWrong && !kindWrong) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "  %s want %-7s %-45s %-4s got %-7s %-45s %-4s | %s",
                post.id(), wire(post.purpose()), post.needs(), post.kind().map(Enum::name).orElse("-"),
                wire(result.purpose()), got, result.kind().map(Enum::name).orElse("-"), post.text().replace('\n', ' ')));
    }

    private static String wire(Optional<Purpose> purpose) {
        return purpose.map(Purpose::wire).orElse("none");
    }
}
