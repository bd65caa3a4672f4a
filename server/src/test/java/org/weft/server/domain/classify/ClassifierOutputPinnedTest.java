package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * Pins everything the classifier says about every shipped post, so that work on its speed (G9) cannot change a
 * result unnoticed: for each post of {@code classify/examples/*.tsv}, what {@link TextClassifier#classifyWithReadings}
 * returns (purpose, concepts, kind, language, confidence, the two readings), the evidence {@link
 * TextClassifier#explain} gives (purpose strength, concept evidence, the ranked concepts and their scores, units,
 * phrases) and the concepts {@link TextClassifier#conceptsNamedIn} finds, written exactly (doubles in full).
 *
 * <p>Two readings of the 3,600 posts: by the shipped classifier (each post is then one of its own examples), and by a
 * classifier whose examples are the first five sets only, so that the second half is read by neighbours that are not
 * itself, as a new post is. The file {@code classify/classifier-outputs.sha256} holds the SHA-256 of each file's
 * lines per reading; every run writes the lines themselves to {@code target/classifier-outputs.tsv}. A change meant
 * to change results updates the digests (copy {@code target/classifier-outputs.sha256}) and says so; to see which posts
 * changed, run this test on the commit before and diff the two {@code target/classifier-outputs.tsv}.
 */
class ClassifierOutputPinnedTest {

    private static final String PINNED = "/classify/classifier-outputs.sha256";
    /** The first five sets: development and frozen part of each. */
    private static final int HALF_FILES = 10;

    @Test
    void everyShippedPostIsReadAsPinned() throws IOException {
        Taxonomy taxonomy = Taxonomy.load();
        Map<String, List<LabelledExample>> byFile = new LinkedHashMap<>();
        for (String file : ExampleSet.FILES) {
            byFile.put(file, ExampleSet.read(ExampleSet.DIRECTORY + file));
        }
        List<LabelledExample> firstHalf = ExampleSet.FILES.subList(0, HALF_FILES).stream()
                .flatMap(f -> byFile.get(f).stream()).toList();
        Map<String, TextClassifier> readers = new LinkedHashMap<>();
        readers.put("shipped", new TextClassifier(taxonomy));
        readers.put("first-half", new TextClassifier(taxonomy, () -> firstHalf));

        List<String> lines = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, TextClassifier> reader : readers.entrySet()) {
            for (Map.Entry<String, List<LabelledExample>> file : byFile.entrySet()) {
                List<String> part = new ArrayList<>();
                for (LabelledExample post : file.getValue()) {
                    part.add(reader.getKey() + "\t" + post.id() + "\t" + outputs(reader.getValue(), post.text()));
                }
                lines.addAll(part);
                digests.put(reader.getKey() + " " + file.getKey(), sha256(part));
            }
        }
        Files.write(Path.of("target", "classifier-outputs.tsv"), lines, StandardCharsets.UTF_8);
        String actual = digests.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(Path.of("target", "classifier-outputs.sha256"), actual, StandardCharsets.UTF_8);
        assertEquals(pinned(), actual, "the classifier's outputs changed (target/classifier-outputs.tsv has them)");
    }

    /** One post's outputs on one line: the server's result and readings, the word list's evidence, the search's concepts. */
    private static String outputs(TextClassifier classifier, String text) {
        List<String> tags = ClassifierEvaluationTest.hashtagsOf(text);
        ClassifiedPost post = classifier.classifyWithReadings(text, tags);
        TextClassifier.Explanation e = classifier.explain(text, tags);
        List<String> fields = new ArrayList<>();
        fields.add(result(post.result()));
        fields.add(post.readings().stream().map(ClassifierOutputPinnedTest::reading).collect(Collectors.joining(" | ")));
        fields.add(result(e.result()));
        fields.add(e.readings().stream().map(ClassifierOutputPinnedTest::reading).collect(Collectors.joining(" | ")));
        fields.add(e.purposeStrength() + " " + e.conceptEvidence() + " " + e.rival() + " " + e.ownWords() + " "
                + e.kindDisagrees());
        fields.add(e.ranked().stream().map(r -> r.concept().id() + ":" + r.score() + ":" + r.familyScore() + ":"
                + r.firstPosition() + ":" + r.family() + ":" + r.ownWords()).collect(Collectors.joining(",")));
        fields.add(e.units().stream().map(u -> u.start() + "-" + u.end() + (u.listItem() ? "L" : "") + (u.governed()
                ? "G" : "") + u.concepts()).collect(Collectors.joining(",")));
        fields.add(String.join(";", e.phrases()));
        fields.add(classifier.conceptsNamedIn(text).stream().map(Concept::id).collect(Collectors.joining(",")));
        return String.join("\t", fields);
    }

    private static String result(Classification c) {
        return c.purpose().map(Purpose::wire).orElse("-") + " " + ids(c.concepts()) + " " + kind(c.kind()) + " "
                + c.language().orElse("-") + " " + c.confidence();
    }

    private static String reading(PostReading r) {
        return r.purpose().wire() + " " + ids(r.concepts()) + " " + kind(r.kind());
    }

    private static String ids(List<Concept> concepts) {
        return concepts.stream().map(Concept::id).collect(Collectors.joining(","));
    }

    private static String kind(Optional<HelpKind> kind) {
        return kind.map(HelpKind::name).orElse("-");
    }

    private static String sha256(List<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String pinned() throws IOException {
        try (InputStream in = ClassifierOutputPinnedTest.class.getResourceAsStream(PINNED)) {
            return new String(Objects.requireNonNull(in, PINNED + " is missing").readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
