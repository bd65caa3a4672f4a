package org.weft.server.domain.classify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The sweep behind {@link ExampleCheck}'s settings (session 32): each of the six free-text sets read with the other five
 * as examples, the word list's reading cached, and every setting tried printed as each set's pooled recall, board
 * precision, non-offers kept off and held share, their mean and the worst set. Three rounds were run (378, 246 and
 * 12 settings, 636 in all; this file holds the second, with the word list's own threshold raised as a yardstick, and
 * with {@code -Dweft.eval.examples.family=true} the third, agreement by the concept's family);
 * docs/classifier-evaluation.md, "Session 32", says what they showed. Figures only, never a post:
 * {@code ./mvnw -B -ntp -pl server -am -Dtest=ExampleResearchTest -Dweft.eval.examples=true
 * -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
@EnabledIfSystemProperty(named = "weft.eval.examples", matches = "true")
class ExampleResearchTest {

    static final int SETS = 6;
    static final int KMAX = 20;
    static final Taxonomy TAXONOMY = Taxonomy.load();

    record S(String name, int k, double power, boolean alone, double share, double agree, double noneVeto,
             boolean fill, double promote, double promoteConfidence) {
    }

    static int setOf(FreeTextPost p) {
        return (p.number() - 1) / 60;
    }

    static LabelledExample example(FreeTextPost p) {
        return new LabelledExample(p.id(), p.lang(), p.purpose(), p.needs(), p.text());
    }

    @Test
    void sweep() {
        List<String> files = new ArrayList<>(FreeTextSet.TUNING);
        files.add(FreeTextSet.DEVELOPMENT_6);
        files.add(FreeTextSet.FROZEN_6);
        List<FreeTextPost> all = FreeTextSet.readAll(files);
        TextClassifier classifier = new TextClassifier(TAXONOMY);
        Map<FreeTextPost, Classification> words = new IdentityHashMap<>();
        long t0 = System.nanoTime();
        // the word list alone: classify() would add the check by every shipped example, this post's own among them
        all.forEach(p -> words.put(p, classifier.explain(p.text(), ClassifierEvaluationTest.hashtagsOf(p.text())).result()));
        System.out.printf("word list: %d posts in %d ms%n", all.size(), (System.nanoTime() - t0) / 1_000_000);
        Map<FreeTextPost, List<ExampleIndex.Neighbour>> near = new IdentityHashMap<>();
        for (int s = 0; s < SETS; s++) {
            int set = s;
            long t1 = System.nanoTime();
            ExampleIndex index = ExampleIndex.of(all.stream().filter(p -> setOf(p) != set)
                    .map(ExampleResearchTest::example).toList());
            long t2 = System.nanoTime();
            all.stream().filter(p -> setOf(p) == set)
                    .forEach(p -> near.put(p, index.nearest(p.text(), words.get(p).language(), KMAX)));
            System.out.printf("set %d: index %d ms, look-ups %d ms%n", s + 1, (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
        }
        List<S> settings = new ArrayList<>();
        settings.add(new S("words", 0, 1, false, 0, 0, 2, false, 2, 2));
        for (double sure : new double[] {0.65, 0.7, 0.75, 0.8, 0.85, 0.9}) {
            settings.add(new S("words-sure", 0, 1, false, sure, 0, 2, false, 2, 2));
        }
        for (int k : new int[] {5, 10}) {
            for (double power : new double[] {1, 3}) {
                for (double agree : new double[] {0.1, 0.2, 0.3}) {
                    for (double veto : new double[] {0.5, 2}) {
                        settings.add(new S("agree", k, power, false, 0.3, agree, veto, true, 2, 2));
                        for (double promote : new double[] {0.4, 0.5, 0.6}) {
                            for (double conf : new double[] {0, 0.3, 0.4}) {
                                settings.add(new S("agree+promote", k, power, false, 0.3, agree, veto, true, promote, conf));
                            }
                        }
                    }
                }
            }
        }
        if (Boolean.getBoolean("weft.eval.examples.family")) { // third round: agreement by the concept's family
            settings.clear();
            settings.add(new S("words", 0, 1, false, 0, 0, 2, false, 2, 2));
            for (double agree : new double[] {0.1, 0.2, 0.3}) {
                settings.add(new S("family", 5, 1, false, 0.3, agree, 2, true, 2, 2));
                for (double promote : new double[] {0.4, 0.5, 0.6}) {
                    settings.add(new S("family+promote", 5, 1, false, 0.3, agree, 2, true, promote, 0.3));
                }
            }
        }
        System.out.println("settings tried: " + (settings.size() - 1));
        System.out.println("setting | per set (recall bp keptoff held) | mean | worst");
        for (S st : settings) {
            Function<FreeTextPost, Classification> reader = p -> st.name().equals("words") ? words.get(p)
                    : combine(words.get(p), ExampleVotes.of(near.get(p), st.k(), st.power()), st);
            StringBuilder line = new StringBuilder(st.toString()).append('\n');
            double[] mean = new double[4];
            double[] worst = {1, 1, 1, 0};
            for (int s = 0; s < SETS; s++) {
                int set = s;
                List<FreeTextPost> posts = all.stream().filter(p -> setOf(p) == set).toList();
                FreeTextScore sc = FreeTextScore.pooled(FreeTextScore.byLanguage(posts, reader).values());
                double[] f = {sc.recall(), sc.boardPrecision(), sc.keptOffRate(), sc.heldShare()};
                line.append(String.format(Locale.ROOT, "  s%d %.3f %.3f %.3f %.3f", s + 1, f[0], f[1], f[2], f[3]));
                for (int i = 0; i < 4; i++) {
                    mean[i] += f[i] / SETS;
                    worst[i] = i == 3 ? Math.max(worst[i], f[i]) : Math.min(worst[i], f[i]);
                }
            }
            line.append(String.format(Locale.ROOT, "%n  MEAN %.3f %.3f %.3f %.3f  WORST %.3f %.3f %.3f %.3f", mean[0], mean[1],
                    mean[2], mean[3], worst[0], worst[1], worst[2], worst[3]));
            System.out.println(line);
        }
    }

    static Classification combine(Classification w, ExampleVotes v, S s) {
        double below = Classification.SURE - 0.01;
        if (s.name().equals("words-sure")) {
            double c = w.confidence() >= s.share() ? w.confidence() : Math.min(w.confidence(), below);
            return new Classification(w.purpose(), w.concepts(), w.kind(), w.language(), c);
        }
        if (s.alone()) {
            List<String> ids = v.conceptsWith(s.share(), TextClassifier.MAX_CONCEPTS);
            List<Concept> concepts = ids.isEmpty() ? List.of(TAXONOMY.other())
                    : ids.stream().map(id -> TAXONOMY.byId(id).orElseThrow()).toList();
            Optional<org.weft.server.model.Purpose> purpose = v.purpose();
            boolean sure = !ids.isEmpty() && v.conceptShare(ids.get(0)) >= 0.5 && v.purposeShare(purpose) >= 0.6;
            return new Classification(purpose, concepts, w.kind(), w.language(), sure ? 1.0 : below);
        }
        List<Concept> concepts = w.concepts();
        double confidence = w.confidence();
        boolean noConcept = w.primary().id().equals(Taxonomy.OTHER_ID);
        if (noConcept && s.fill() && w.purpose().isPresent()) {
            List<String> ids = v.conceptsWith(s.share(), TextClassifier.MAX_CONCEPTS);
            if (!ids.isEmpty()) {
                concepts = ids.stream().map(id -> TAXONOMY.byId(id).orElseThrow()).toList();
                confidence = Math.min(confidence, below);
            }
        }
        if (!noConcept && w.purpose().isPresent()) {
            double agreement = s.name().startsWith("family") ? familyShare(v, w.primary()) : v.conceptShare(w.primary().id());
            boolean vetoed = v.purposeShare(Optional.empty()) >= s.noneVeto();
            if (w.isSure() && (agreement < s.agree() || vetoed)) {
                confidence = below;
            } else if (!w.isSure() && !vetoed && agreement >= s.promote() && w.confidence() >= s.promoteConfidence()
                    && v.purposeShare(w.purpose()) >= 0.5) {
                confidence = Classification.SURE;
            }
        }
        return new Classification(w.purpose(), concepts, w.kind(), w.language(), confidence);
    }

    /** The share of the vote for any concept under the same top-level concept as {@code concept}, at most 1. */
    static double familyShare(ExampleVotes v, Concept concept) {
        Concept top = top(concept);
        return Math.min(1.0, v.concepts().entrySet().stream()
                .filter(e -> TAXONOMY.byId(e.getKey()).map(c -> top(c).equals(top)).orElse(false))
                .mapToDouble(java.util.Map.Entry::getValue).sum());
    }

    private static Concept top(Concept concept) {
        List<Concept> ancestors = TAXONOMY.ancestors(concept);
        return ancestors.isEmpty() ? concept : ancestors.get(ancestors.size() - 1);
    }
}
