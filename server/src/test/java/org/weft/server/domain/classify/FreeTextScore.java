package org.weft.server.domain.classify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The counts behind the free-text figures, for one language or pooled; definitions in
 * {@code classify/examples/README.md}. A figure with nothing to count is NaN (printed "-"), never 1: a classifier
 * that predicts nothing has no precision to boast of, and any floor compared with NaN fails.
 */
final class FreeTextScore {
    int posts;
    /** Offers and requests: concepts predicted (without "other"), and how many of them belong to one of the needs. */
    int predicted;
    int predictedRight;
    /** Offers and requests: needs labelled, and how many got at least one of their concepts predicted. */
    int needs;
    int needsFound;
    int purposeRight;
    /** Posts that are neither offer nor request, and how many the classifier gave no purpose (kept off the board). */
    int nonePosts;
    int noneRejected;
    int kindLabelled;
    int kindRight;
    /** Posts whose language the classifier detected as the label says (Arabizi and Finglish count as ar and fa). */
    int languageRight;
    /**
     * The board view: offers and requests the classifier is sure enough of to put on the board without a moderator
     * ({@link Classification#isSure()}), their concepts and how many are right; offers and requests that wait for a
     * moderator instead (a purpose, but not sure); offers and requests it drops (no purpose found); posts that are
     * neither which it keeps off the board (no purpose, or not sure).
     */
    int placed;
    int placedPredicted;
    int placedRight;
    int placedNeeds;
    int placedNeedsFound;
    int held;
    int dropped;
    int noneKeptOff;

    /** Counts one post and what the classifier made of it. */
    void add(FreeTextPost post, Classification result) {
        posts++;
        purposeRight += result.purpose().equals(post.purpose()) ? 1 : 0;
        languageRight += result.language().filter(post.lang()::equals).isPresent() ? 1 : 0;
        if (post.purpose().isEmpty()) {
            nonePosts++;
            noneRejected += result.purpose().isEmpty() ? 1 : 0;
            noneKeptOff += result.isSure() ? 0 : 1;
            return;
        }
        List<String> concepts = predictedConcepts(result);
        List<String> acceptable = post.acceptableConcepts();
        int right = (int) concepts.stream().filter(acceptable::contains).count();
        int found = (int) post.needs().stream().filter(need -> need.stream().anyMatch(concepts::contains)).count();
        predicted += concepts.size();
        predictedRight += right;
        needs += post.needs().size();
        needsFound += found;
        if (result.isSure()) {
            placed++;
            placedPredicted += concepts.size();
            placedRight += right;
            placedNeeds += post.needs().size();
            placedNeedsFound += found;
        } else if (result.purpose().isPresent()) {
            held++;
        } else {
            dropped++;
        }
        if (post.kind().isPresent()) {
            kindLabelled++;
            kindRight += result.kind().equals(post.kind()) ? 1 : 0;
        }
    }

    static List<String> predictedConcepts(Classification result) {
        return result.concepts().stream().map(Concept::id).filter(id -> !id.equals(Taxonomy.OTHER_ID)).distinct().toList();
    }

    double precision() {
        return ratio(predictedRight, predicted);
    }

    double recall() {
        return ratio(needsFound, needs);
    }

    double purposeAccuracy() {
        return ratio(purposeRight, posts);
    }

    double rejectionRate() {
        return ratio(noneRejected, nonePosts);
    }

    double kindAccuracy() {
        return ratio(kindRight, kindLabelled);
    }

    double languageAccuracy() {
        return ratio(languageRight, posts);
    }

    /** Concept precision over the offers and requests that go on the board without a moderator. */
    double boardPrecision() {
        return ratio(placedRight, placedPredicted);
    }

    /** Share of the posts that are neither offer nor request which do not go on the board without a moderator. */
    double keptOffRate() {
        return ratio(noneKeptOff, nonePosts);
    }

    /** Share of the offers and requests that wait for a moderator: the moderators' load. */
    double heldShare() {
        return ratio(held, placed + held + dropped);
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** Scores every post with {@code classifier}, per language in the taxonomy's order. */
    static Map<String, FreeTextScore> byLanguage(List<FreeTextPost> posts, Function<FreeTextPost, Classification> classifier) {
        Map<String, FreeTextScore> scores = new LinkedHashMap<>();
        Taxonomy.LANGUAGES.forEach(lang -> scores.put(lang, new FreeTextScore()));
        for (FreeTextPost post : posts) {
            scores.get(post.lang()).add(post, classifier.apply(post));
        }
        return scores;
    }

    static FreeTextScore pooled(Collection<FreeTextScore> scores) {
        FreeTextScore all = new FreeTextScore();
        for (FreeTextScore s : scores) {
            all.posts += s.posts;
            all.predicted += s.predicted;
            all.predictedRight += s.predictedRight;
            all.needs += s.needs;
            all.needsFound += s.needsFound;
            all.purposeRight += s.purposeRight;
            all.nonePosts += s.nonePosts;
            all.noneRejected += s.noneRejected;
            all.kindLabelled += s.kindLabelled;
            all.kindRight += s.kindRight;
            all.languageRight += s.languageRight;
            all.placed += s.placed;
            all.placedPredicted += s.placedPredicted;
            all.placedRight += s.placedRight;
            all.placedNeeds += s.placedNeeds;
            all.placedNeedsFound += s.placedNeedsFound;
            all.held += s.held;
            all.dropped += s.dropped;
            all.noneKeptOff += s.noneKeptOff;
        }
        return all;
    }

    /** One row per language and a pooled row, each figure with the counts it comes from. */
    static String table(Map<String, FreeTextScore> scores) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-4s %5s  %-16s %-16s %-16s %-16s %-16s %s%n",
                "lang", "posts", "precision", "recall", "purpose", "rejection", "kind", "language"));
        Map<String, FreeTextScore> rows = new LinkedHashMap<>(scores);
        rows.put("all", pooled(scores.values()));
        rows.forEach((lang, s) -> out.append(String.format(Locale.ROOT, "%-4s %5d  %-16s %-16s %-16s %-16s %-16s %s%n", lang,
                s.posts, cell(s.predictedRight, s.predicted), cell(s.needsFound, s.needs), cell(s.purposeRight, s.posts),
                cell(s.noneRejected, s.nonePosts), cell(s.kindRight, s.kindLabelled), cell(s.languageRight, s.posts))));
        return out.toString();
    }

    /**
     * The board view, one row per language and a pooled row: what goes on the board without a moderator (offers and
     * requests placed, the precision of their concepts, the needs they cover), what waits for a moderator, what is
     * dropped, and the posts that are neither which stay off the board.
     */
    static String boardTable(Map<String, FreeTextScore> scores) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-4s  %-16s %-16s %-16s %-16s %-16s %s%n",
                "lang", "placed", "board precision", "needs placed", "held", "dropped", "none kept off"));
        Map<String, FreeTextScore> rows = new LinkedHashMap<>(scores);
        rows.put("all", pooled(scores.values()));
        rows.forEach((lang, s) -> {
            int offersAndRequests = s.placed + s.held + s.dropped;
            out.append(String.format(Locale.ROOT, "%-4s  %-16s %-16s %-16s %-16s %-16s %s%n", lang,
                    cell(s.placed, offersAndRequests), cell(s.placedRight, s.placedPredicted),
                    cell(s.placedNeedsFound, s.needs), cell(s.held, offersAndRequests), cell(s.dropped, offersAndRequests),
                    cell(s.noneKeptOff, s.nonePosts)));
        });
        return out.toString();
    }

    private static String cell(int part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d/%d)", (double) part / whole, part, whole);
    }
}
