package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;

/**
 * Runs today's classifier on the <em>development</em> two-thirds of the free-text set
 * ({@code classify/free-text/development.tsv}) and prints, per language, concept precision and recall, purpose
 * accuracy, the share of posts that are neither offer nor request which it keeps off the board, and kind accuracy,
 * followed by every post it got wrong. This is the set to tune on; the figures are written in
 * {@code docs/classifier-evaluation.md}.
 *
 * <p>It asserts no quality floor (that is the frozen third's job, {@link FrozenFreeTextEvaluationTest}); it asserts
 * that every post was scored. The data is checked by {@link FreeTextSetTest}, the arithmetic by
 * {@link FreeTextScoreTest}.
 */
class FreeTextEvaluationTest {

    @Test
    void printsTheDevelopmentFiguresPerLanguage() {
        TextClassifier classifier = new TextClassifier(Taxonomy.load());
        List<FreeTextPost> posts = FreeTextSet.read(FreeTextSet.DEVELOPMENT);
        List<String> misses = new ArrayList<>();
        Map<String, FreeTextScore> scores = FreeTextScore.byLanguage(posts, post -> {
            Classification result = classify(classifier, post);
            miss(post, result).ifPresent(misses::add);
            return result;
        });
        System.out.println("Free-text set, development part (" + FreeTextSet.DEVELOPMENT + ")\n" + FreeTextScore.table(scores));
        System.out.println("Misses (concept, purpose or kind):");
        misses.forEach(System.out::println);
        assertEquals(posts.size(), FreeTextScore.pooled(scores.values()).posts);
        Taxonomy.LANGUAGES.forEach(lang -> assertEquals(FreeTextSetTest.DEVELOPMENT_PER_LANGUAGE, scores.get(lang).posts));
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
