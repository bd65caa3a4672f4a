package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * Precision at 1 and recall of the whole chain a Mastodon post goes through (classifier, then matcher) on hand-labelled
 * requests in six languages, matched against the 45 offers of {@code matching/pairs.txt}.
 *
 * <p>Precision@1: of the requests for which the matcher proposes anything, the share whose first proposal is one of
 * the labelled best answers (a request that should match nothing and gets a proposal counts against it). A run in
 * which no request is answered fails: it has no precision, not a precision of 1. Recall: the share of labelled right
 * answers that appear among the first ten proposals.
 *
 * <p>Two parts. {@code pairs.txt} is the development part (126 requests, and the offers): its misses are printed, so
 * tune on it. {@code pairs-frozen.txt} holds the other third of the requests (62), split off mechanically (every
 * third request in file order) when this test was split: do not tune on it, and its misses are never printed. Each
 * part has its own floors, set from one measurement at the split (classifier and matcher as of commit 448cc12,
 * which the set had not been fitted to): development precision@1 0.883 (98/111), recall 0.940 (142/151); frozen
 * precision@1 0.808 (42/52), recall 0.903 (65/72) (the whole set had measured 0.859 and 0.928, as before the split).
 * Each floor sits two to four answers under its figure (one frozen answer moves precision@1 by 0.02), so a change
 * that loses matches in a group or a language fails, while one case moving either way does not.
 */
class MatchingEvaluationTest {
    /** Development part: measured 0.883 (98/111). */
    static final double DEV_PRECISION_AT_1_FLOOR = 0.85;
    /** Development part: measured 0.940 (142/151). */
    static final double DEV_RECALL_FLOOR = 0.92;
    /** Frozen part: measured 0.808 (42/52). */
    static final double FROZEN_PRECISION_AT_1_FLOOR = 0.76;
    /** Frozen part: measured 0.903 (65/72). */
    static final double FROZEN_RECALL_FLOOR = 0.87;
    private static final String DEVELOPMENT = "/matching/pairs.txt";
    private static final String FROZEN = "/matching/pairs-frozen.txt";
    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    private record Case(String lang, ProposalSnapshot request, Set<String> best, Set<String> also, String text) {
    }

    /** Counts for one language or all: requests, answered, right first, expected pairs, found pairs. */
    static final class Score {
        int requests;
        int answered;
        int rightFirst;
        int expected;
        int found;

        /** NaN when nothing was answered: no floor is met by a matcher that proposes nothing. */
        double precisionAtOne() {
            return answered == 0 ? Double.NaN : (double) rightFirst / answered;
        }

        double recall() {
            return expected == 0 ? Double.NaN : (double) found / expected;
        }

        /** What falls short of the floors, in words; empty when both are met. */
        List<String> shortfalls(double precisionFloor, double recallFloor) {
            List<String> out = new ArrayList<>();
            if (answered == 0) {
                out.add("no request was answered");
            } else if (!(precisionAtOne() >= precisionFloor)) {
                out.add(String.format(Locale.ROOT, "precision@1 %.3f under %.2f", precisionAtOne(), precisionFloor));
            }
            if (!(recall() >= recallFloor)) {
                out.add(String.format(Locale.ROOT, "recall %.3f under %.2f", recall(), recallFloor));
            }
            return out;
        }
    }

    /** The offers of pairs.txt, classified and indexed, and their names by index id. */
    private static final class World {
        final TextClassifier classifier;
        final MatchIndex index;
        final Map<Long, String> offerNames = new HashMap<>();
        long nextId = 1;

        World(Taxonomy taxonomy, boolean withOffers) throws IOException {
            classifier = new TextClassifier(taxonomy);
            index = new MatchIndex(taxonomy);
            for (String line : lines(DEVELOPMENT)) {
                String[] f = line.split("\\|", -1);
                if (f[0].equals("O") && withOffers) {
                    long id = nextId++;
                    offerNames.put(id, f[1]);
                    index.put(snapshot(id, Purpose.OFFER, f[3], f[4], f[5], f[6], concepts(classifier, f[7])));
                }
            }
        }

        List<Case> cases(String resource) throws IOException {
            List<Case> cases = new ArrayList<>();
            for (String line : lines(resource)) {
                String[] f = line.split("\\|", -1);
                if (f[0].equals("R")) {
                    String[] expected = f[6].split(";", -1);
                    cases.add(new Case(f[1], snapshot(nextId++, Purpose.REQUEST, f[2], f[3], f[4], f[5],
                            concepts(classifier, f[7])), names(expected[0]), names(expected.length > 1 ? expected[1] : "-"),
                            f[7]));
                }
            }
            return cases;
        }
    }

    @Test
    void developmentPartStaysAboveItsFloors() throws IOException {
        World world = new World(Taxonomy.load(), true);
        List<Case> cases = world.cases(DEVELOPMENT);
        assertTrue(cases.size() >= 120, "at least 120 development requests");
        StringBuilder misses = new StringBuilder();
        Map<String, Score> scores = evaluate(world, cases, misses);
        String report = report("development part " + DEVELOPMENT, cases.size(), scores);
        System.out.print(report + "Misses:\n" + misses);
        List<String> shortfalls = scores.get("all").shortfalls(DEV_PRECISION_AT_1_FLOOR, DEV_RECALL_FLOOR);
        assertTrue(shortfalls.isEmpty(), shortfalls + "\n" + report);
    }

    /** The frozen part: figures only, never its misses (reading them one by one is how it would stop being frozen). */
    @Test
    void frozenPartStaysAboveItsFloors() throws IOException {
        World world = new World(Taxonomy.load(), true);
        List<Case> cases = world.cases(FROZEN);
        assertTrue(cases.size() >= 60, "at least 60 frozen requests");
        Map<String, Score> scores = evaluate(world, cases, new StringBuilder());
        String report = report("FROZEN part " + FROZEN, cases.size(), scores);
        System.out.print(report);
        List<String> shortfalls = scores.get("all").shortfalls(FROZEN_PRECISION_AT_1_FLOOR, FROZEN_RECALL_FLOOR);
        assertTrue(shortfalls.isEmpty(), shortfalls + "\n" + report);
    }

    /** A matcher that proposes nothing used to score a precision of 1 (0/0); now it is named as a failure. */
    @Test
    void aMatcherThatAnswersNothingFailsRatherThanScoringOne() throws IOException {
        World empty = new World(Taxonomy.load(), false);
        Map<String, Score> scores = evaluate(empty, empty.cases(DEVELOPMENT), new StringBuilder());
        Score all = scores.get("all");
        assertEquals(0, all.answered);
        assertTrue(Double.isNaN(all.precisionAtOne()), "nothing answered has no precision, got " + all.precisionAtOne());
        assertEquals(List.of("no request was answered", "recall 0.000 under 0.92"),
                all.shortfalls(DEV_PRECISION_AT_1_FLOOR, DEV_RECALL_FLOOR));
    }

    @Test
    void thePartsShareNoRequestAndOffersLiveOnlyInTheDevelopmentPart() throws IOException {
        Set<String> development = new HashSet<>();
        for (String line : lines(DEVELOPMENT)) {
            if (line.startsWith("R|")) {
                assertTrue(development.add(requestText(line)), "twice in the development part: " + line);
            }
        }
        List<String> frozen = lines(FROZEN);
        for (String line : frozen) {
            assertTrue(line.startsWith("R|"), "the frozen part holds only requests: " + line);
            assertTrue(!development.contains(requestText(line)), "in both parts: " + line);
        }
        assertEquals((development.size() + frozen.size()) / 3, frozen.size(), "the frozen part is every third request");
    }

    private static Map<String, Score> evaluate(World world, List<Case> cases, StringBuilder misses) {
        Map<String, Score> byLanguage = new TreeMap<>();
        for (Case c : cases) {
            List<String> proposed = world.index.matchesFor(c.request(), NOW, 10).stream()
                    .map(m -> world.offerNames.get(m.offerId())).toList();
            boolean answered = !proposed.isEmpty();
            boolean rightFirst = answered && c.best().contains(proposed.get(0));
            int found = (int) proposed.stream().filter(o -> c.best().contains(o) || c.also().contains(o)).count();
            for (Score s : List.of(byLanguage.computeIfAbsent(c.lang(), k -> new Score()),
                    byLanguage.computeIfAbsent("all", k -> new Score()))) {
                s.requests++;
                s.answered += answered ? 1 : 0;
                s.rightFirst += rightFirst ? 1 : 0;
                s.expected += c.best().size() + c.also().size();
                s.found += found;
            }
            if ((answered && !rightFirst) || found < c.best().size() + c.also().size()) {
                misses.append(String.format("  %s %-50s wanted %s then %s, got %s%n", c.lang(), c.text(), c.best(), c.also(),
                        proposed));
            }
        }
        byLanguage.computeIfAbsent("all", k -> new Score());
        return byLanguage;
    }

    private static String report(String part, int requests, Map<String, Score> scores) {
        StringBuilder report = new StringBuilder("Matching evaluation (classifier + matcher), " + part + ", " + requests
                + " requests\n");
        scores.forEach((lang, s) -> report.append(String.format(Locale.ROOT,
                "  %-3s precision@1 %.3f (%d/%d)  recall %.3f (%d/%d)%n", lang, s.precisionAtOne(), s.rightFirst, s.answered,
                s.recall(), s.found, s.expected)));
        return report.toString();
    }

    private static String requestText(String line) {
        return line.substring(line.lastIndexOf('|') + 1).strip();
    }

    private static ProposalSnapshot snapshot(long id, Purpose purpose, String kind, String area, String start, String end,
                                             List<String> concepts) {
        HelpKind k = kind.equals("-") ? HelpKind.GIFT : HelpKind.valueOf(kind.toUpperCase(Locale.ROOT));
        Instant from = NOW.plus(Duration.ofDays(start.equals("-") ? 0 : Integer.parseInt(start))).minusSeconds(60);
        Instant to = NOW.plus(Duration.ofDays(end.equals("-") ? 7 : Integer.parseInt(end)));
        return new ProposalSnapshot(id, true, purpose, k, concepts, area.equals("-") ? "camp-a/block-3" : area, null, null,
                from, to, null, null, true);
    }

    private static List<String> concepts(TextClassifier classifier, String text) {
        return classifier.classify(text, List.of()).concepts().stream().map(Concept::uri).toList();
    }

    private static Set<String> names(String list) {
        return list.isBlank() || list.equals("-") ? Set.of() : Set.of(list.split(","));
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = MatchingEvaluationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
