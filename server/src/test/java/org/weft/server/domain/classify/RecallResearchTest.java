package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * Research for issue 14 item 2 (session 34), skipped unless {@code -Dweft.eval.recall=true}: what raises concept
 * recall on writers the classifier has not seen. Each of the eight spent sets is read with the other seven as examples
 * (leave-one-set-out); the needs the shipped reading misses are counted by cause, then readings that add concepts are
 * tried on top of the shipped one and printed as each set's pooled recall, board precision, non-offers kept off and
 * held share, their mean and the worst set. docs/classifier-evaluation.md, "Session 34", says what they showed.
 */
@EnabledIfSystemProperty(named = "weft.eval.recall", matches = "true")
class RecallResearchTest {

    static final int SETS = LeaveOneSetOutEvaluationTest.SETS;
    static final int KMAX = 20;
    static final Taxonomy TAXONOMY = Taxonomy.load();

    /**
     * One way of adding concepts: the k nearest vote; a post the check holds gets the concepts with {@code heldShare}
     * of the vote (only those its words named, when {@code heldFromWords}); a post it places gets those its words named
     * with {@code sureShare} (2: never), and stays on the board unless {@code sureHolds}.
     */
    record Adding(int k, boolean heldFromWords, double heldShare, double sureShare, boolean sureHolds, int readings) {
        Adding(int k, boolean heldFromWords, double heldShare, double sureShare, boolean sureHolds) {
            this(k, heldFromWords, heldShare, sureShare, sureHolds, 0);
        }
    }

    /** Readings a moderator sees for a held post the examples added to: 0 added then the old ones, 1 added then the
     * old second, 2 the old first then added. */
    static List<PostReading> readings(Classification added, ClassifiedPost old, int mode) {
        PostReading mine = new PostReading(added.purpose().get(), added.concepts(), added.kind());
        List<PostReading> r = new ArrayList<>();
        List<PostReading> before = old.readings();
        switch (mode) {
            case 0 -> { r.add(mine); r.addAll(before); }
            case 1 -> { r.add(mine); r.addAll(before.size() > 1 ? before.subList(1, before.size()) : before); }
            default -> { r.add(before.get(0)); r.add(mine); }
        }
        return r.subList(0, Math.min(2, r.size()));
    }

    @Test
    void whatRaisesRecallOnSetsNotSeen() {
        List<FreeTextPost> all = FreeTextSet.readAll(FreeTextSet.ALL);
        Map<FreeTextPost, TextClassifier.Explanation> words = new IdentityHashMap<>();
        Map<FreeTextPost, Classification> shipped = new IdentityHashMap<>();
        Map<FreeTextPost, ClassifiedPost> shippedReadings = new IdentityHashMap<>();
        Map<FreeTextPost, List<ExampleIndex.Neighbour>> near = new IdentityHashMap<>();
        TextClassifier wordList = new TextClassifier(TAXONOMY, List::of);
        for (int s = 0; s < SETS; s++) {
            int set = s;
            ExampleIndex index = ExampleIndex.of(all.stream().filter(p -> LeaveOneSetOutEvaluationTest.setOf(p) != set)
                    .map(LeaveOneSetOutEvaluationTest::example).toList());
            ExampleCheck check = new ExampleCheck(TAXONOMY, index, false); // session 32's check, without additions
            for (FreeTextPost p : all.stream().filter(p -> LeaveOneSetOutEvaluationTest.setOf(p) == set).toList()) {
                List<String> tags = ClassifierEvaluationTest.hashtagsOf(p.text());
                TextClassifier.Explanation e = wordList.explain(p.text(), tags);
                words.put(p, e);
                String body = p.text();
                ClassifiedPost checked = check.check(body, tags, new ClassifiedPost(e.result(), e.readings()), Set.of());
                shipped.put(p, checked.result());
                shippedReadings.put(p, checked);
                near.put(p, index.nearest(body, e.result().language(), KMAX));
            }
        }
        missesByCause(all, words, shipped, near);
        List<Adding> settings = new ArrayList<>();
        for (boolean heldFromWords : new boolean[] {true, false}) {
            for (double heldShare : new double[] {0.3, 0.4, 0.5, 0.6, 2}) {
                for (double sureShare : new double[] {0.3, 0.4, 0.5, 0.6, 2}) {
                    settings.add(new Adding(5, heldFromWords, heldShare, sureShare, false));
                }
            }
        }
        for (double sureShare : new double[] {0.3, 0.5}) {
            settings.add(new Adding(5, true, 0.3, sureShare, true));
        }
        for (int mode = 0; mode < 3; mode++) {
            for (boolean heldFromWords : new boolean[] {true, false}) {
                for (double heldShare : new double[] {0.3, 0.4, 0.5, 0.6}) {
                    settings.add(new Adding(5, heldFromWords, heldShare, 0.5, false, mode));
                }
            }
        }
        System.out.println("settings tried: " + settings.size());
        System.out.println(line("shipped", all, shipped::get) + heldReadings(all, shippedReadings::get));
        for (Adding a : settings) {
            Function<FreeTextPost, ClassifiedPost> reader = p -> {
                ClassifiedPost old = shippedReadings.get(p);
                Classification c = added(old.result(), words.get(p), ExampleVotes.of(near.get(p), a.k(), 1.0), a);
                return c == old.result() ? old : new ClassifiedPost(c, readings(c, old, a.readings()));
            };
            System.out.println(line(a.toString(), all, p -> reader.apply(p).result()) + heldReadings(all, reader));
        }
    }

    /**
     * What the additions cost a post, in one JVM: the word list then the check without additions (session 32) against
     * the same with them, over the 2,520 shipped posts, alternating, three rounds (the first warms the JIT up).
     */
    @Test
    void whatTheAdditionsCost() {
        List<FreeTextPost> all = FreeTextSet.readAll(FreeTextSet.ALL);
        TextClassifier wordList = new TextClassifier(TAXONOMY, List::of);
        ExampleIndex index = ExampleIndex.of(ExampleSet.shipped());
        ExampleCheck before = new ExampleCheck(TAXONOMY, index, false);
        ExampleCheck after = new ExampleCheck(TAXONOMY, index, true);
        long[][] times = new long[2][all.size()];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < all.size(); i++) {
                FreeTextPost p = all.get(i);
                List<String> tags = ClassifierEvaluationTest.hashtagsOf(p.text());
                for (int which = 0; which < 2; which++) {
                    int w = (i + round + which) % 2; // alternate which goes first
                    long t = System.nanoTime();
                    TextClassifier.Explanation e = wordList.explain(p.text(), tags);
                    ClassifiedPost words = new ClassifiedPost(e.result(), e.readings());
                    if (w == 0) {
                        before.check(p.text(), tags, words, Set.of());
                    } else {
                        Set<String> named = new java.util.HashSet<>();
                        e.ranked().forEach(r -> named.add(r.concept().id()));
                        after.check(p.text(), tags, words, named);
                    }
                    times[w][i] = System.nanoTime() - t;
                }
            }
        }
        for (int w = 0; w < 2; w++) {
            long[] t = times[w].clone();
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "%s: p50 %.0f us, p99 %.0f us%n", w == 0 ? "check alone (session 32)"
                    : "with additions", t[t.length / 2] / 1e3, t[t.length * 99 / 100] / 1e3);
        }
    }

    /** Either of the two readings right for the held offers and requests (as {@code HeldReadingsEvaluationTest}). */
    static String heldReadings(List<FreeTextPost> all, Function<FreeTextPost, ClassifiedPost> reader) {
        int held = 0;
        int either = 0;
        int first = 0;
        for (FreeTextPost post : all) {
            ClassifiedPost c = reader.apply(post);
            if (post.purpose().isEmpty() || c.result().purpose().isEmpty() || c.result().isSure()) {
                continue;
            }
            held++;
            boolean one = right(post, c.readings().get(0));
            first += one ? 1 : 0;
            either += one || c.readings().size() > 1 && right(post, c.readings().get(1)) ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%n  HELD READINGS %d first %.3f either %.3f", held, first / (double) held,
                either / (double) held);
    }

    private static boolean right(FreeTextPost post, PostReading reading) {
        if (!post.purpose().get().equals(reading.purpose())) {
            return false;
        }
        List<String> ids = reading.concepts().stream().map(Concept::id).filter(id -> !id.equals(Taxonomy.OTHER_ID)).toList();
        if (post.needs().isEmpty()) {
            return ids.isEmpty();
        }
        return !ids.isEmpty() && post.acceptableConcepts().containsAll(ids);
    }

    /** The shipped reading with the examples' concepts added where they vote for them strongly. */
    static Classification added(Classification r, TextClassifier.Explanation e, ExampleVotes v, Adding a) {
        if (r.purpose().isEmpty() || r.primary().id().equals(Taxonomy.OTHER_ID)) {
            return r;
        }
        boolean sure = r.isSure();
        double share = sure ? a.sureShare() : a.heldShare();
        boolean fromWords = sure || a.heldFromWords();
        List<Concept> concepts = new ArrayList<>(r.concepts());
        for (String id : v.conceptsWith(share, TextClassifier.MAX_CONCEPTS)) {
            Concept c = TAXONOMY.byId(id).orElseThrow();
            if (concepts.size() >= TextClassifier.MAX_CONCEPTS || concepts.contains(c)) {
                continue;
            }
            if (fromWords && e.ranked().stream().noneMatch(x -> x.concept().equals(c))) {
                continue; // only a concept the words named and the word list left out
            }
            if (concepts.stream().anyMatch(x -> TAXONOMY.isSameOrBroader(c, x) || TAXONOMY.isSameOrBroader(x, c))) {
                continue;
            }
            concepts.add(c);
        }
        if (concepts.size() == r.concepts().size()) {
            return r;
        }
        double confidence = sure && a.sureHolds() ? Classification.SURE - 0.01 : r.confidence();
        return new Classification(r.purpose(), concepts, r.kind(), r.language(), confidence);
    }

    static String line(String name, List<FreeTextPost> all, Function<FreeTextPost, Classification> reader) {
        StringBuilder line = new StringBuilder(name).append('\n');
        double[] mean = new double[4];
        double[] worst = {1, 1, 1, 0};
        Map<String, double[]> langMean = new TreeMap<>();
        Map<String, double[]> langWorst = new TreeMap<>();
        for (int s = 0; s < SETS; s++) {
            int set = s;
            List<FreeTextPost> posts = all.stream().filter(p -> LeaveOneSetOutEvaluationTest.setOf(p) == set).toList();
            Map<String, FreeTextScore> byLang = FreeTextScore.byLanguage(posts, reader);
            FreeTextScore sc = FreeTextScore.pooled(byLang.values());
            double[] f = figures(sc);
            line.append(String.format(Locale.ROOT, "  s%d %.3f %.3f %.3f %.3f", s + 1, f[0], f[1], f[2], f[3]));
            for (int i = 0; i < 4; i++) {
                mean[i] += f[i] / SETS;
                worst[i] = i == 3 ? Math.max(worst[i], f[i]) : Math.min(worst[i], f[i]);
            }
            byLang.forEach((lang, score) -> {
                double[] g = figures(score);
                double[] m = langMean.computeIfAbsent(lang, l -> new double[4]);
                double[] w = langWorst.computeIfAbsent(lang, l -> new double[] {1, 1, 1, 0});
                for (int i = 0; i < 4; i++) {
                    m[i] += g[i] / SETS;
                    w[i] = i == 3 ? Math.max(w[i], g[i]) : Math.min(w[i], g[i]);
                }
            });
        }
        line.append(String.format(Locale.ROOT, "%n  MEAN %.3f %.3f %.3f %.3f  WORST %.3f %.3f %.3f %.3f", mean[0], mean[1],
                mean[2], mean[3], worst[0], worst[1], worst[2], worst[3]));
        langMean.forEach((lang, m) -> {
            double[] w = langWorst.get(lang);
            line.append(String.format(Locale.ROOT, "%n    %s %.2f (%.2f) %.2f (%.2f) %.2f (%.2f) %.2f (%.2f)", lang, m[0], w[0],
                    m[1], w[1], m[2], w[2], m[3], w[3]));
        });
        return line.toString();
    }

    private static double[] figures(FreeTextScore sc) {
        double[] f = {sc.recall(), sc.boardPrecision(), sc.keptOffRate(), sc.heldShare()};
        for (int i = 0; i < 4; i++) {
            f[i] = Double.isNaN(f[i]) ? (i == 3 ? 1 : 0) : f[i];
        }
        return f;
    }

    /** Each need the shipped reading misses, by what the word list and the examples made of it. */
    private static void missesByCause(List<FreeTextPost> all, Map<FreeTextPost, TextClassifier.Explanation> words,
                                      Map<FreeTextPost, Classification> shipped,
                                      Map<FreeTextPost, List<ExampleIndex.Neighbour>> near) {
        Map<String, Map<String, Integer>> causes = new TreeMap<>();
        Map<String, Integer> examplesKnow = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        int needs = 0;
        int missed = 0;
        for (FreeTextPost p : all) {
            if (p.purpose().isEmpty()) {
                continue;
            }
            Classification r = shipped.get(p);
            TextClassifier.Explanation e = words.get(p);
            List<String> got = FreeTextScore.predictedConcepts(r);
            ExampleVotes v5 = ExampleVotes.of(near.get(p), 5, 1.0);
            ExampleVotes v20 = ExampleVotes.of(near.get(p), KMAX, 1.0);
            for (List<String> need : p.needs()) {
                needs++;
                if (need.stream().anyMatch(got::contains)) {
                    continue;
                }
                missed++;
                String cause;
                if (r.purpose().isEmpty()) {
                    cause = "no purpose found";
                } else if (e.ranked().stream().anyMatch(x -> need.contains(x.concept().id()))) {
                    cause = "named by the words, left out";
                } else if (got.isEmpty()) {
                    cause = "no concept named at all";
                } else if (got.stream().anyMatch(g -> need.stream().anyMatch(n -> sameFamily(g, n)))) {
                    cause = "a sibling named instead";
                } else if (p.needs().size() > 1) {
                    cause = "another need of the post named, not this one";
                } else {
                    cause = "another family named instead";
                }
                causes.computeIfAbsent(cause, c -> new TreeMap<>()).merge(p.lang(), 1, Integer::sum);
                double share5 = need.stream().mapToDouble(v5::conceptShare).max().orElse(0);
                double share20 = need.stream().mapToDouble(v20::conceptShare).max().orElse(0);
                String known = share5 >= 0.5 ? "k5 share >= 0.5" : share5 >= 0.3 ? "k5 share 0.3-0.5"
                        : share5 > 0 ? "k5 share under 0.3" : share20 > 0 ? "only among the 20 nearest" : "not among the 20";
                examplesKnow.merge(known, 1, Integer::sum);
                if (samples.size() < 400) {
                    samples.add(String.format(Locale.ROOT, "  %-7s %-40s got %-35s %-28s %-26s | %s", p.id(), need, got,
                            cause, known, p.text().replace('\n', ' ')));
                }
            }
        }
        System.out.printf(Locale.ROOT, "Needs of offers and requests: %d, missed by the shipped reading: %d%n", needs, missed);
        causes.forEach((cause, byLang) -> System.out.printf(Locale.ROOT, "  %-48s %4d  %s%n", cause,
                byLang.values().stream().mapToInt(Integer::intValue).sum(), byLang));
        System.out.println("What the examples say of the missed need:");
        examplesKnow.forEach((k, n) -> System.out.printf(Locale.ROOT, "  %-30s %4d%n", k, n));
        if (Boolean.getBoolean("weft.eval.recall.misses")) {
            samples.forEach(System.out::println);
        }
    }

    private static boolean sameFamily(String a, String b) {
        return top(TAXONOMY.byId(a).orElseThrow()).equals(top(TAXONOMY.byId(b).orElseThrow()));
    }

    private static Concept top(Concept concept) {
        List<Concept> ancestors = TAXONOMY.ancestors(concept);
        return ancestors.isEmpty() ? concept : ancestors.get(ancestors.size() - 1);
    }
}
