package org.weft.server.domain.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;

/**
 * The labelled posts shipped with the server ({@code classify/examples/*.tsv}: the ten free-text sets of issue 14,
 * each measured once and spent), read as {@link LabelledExample}s. The files' format and history are in {@code
 * classify/examples/README.md}; {@code FreeTextSetTest} checks them strictly, so this reader only splits columns.
 */
final class ExampleSet {

    static final String DIRECTORY = "/classify/examples/";
    /** The files, a set's development part then its frozen third, oldest set first. */
    static final List<String> FILES = List.of("development.tsv", "frozen.tsv", "development2.tsv", "frozen2.tsv",
            "development3.tsv", "frozen3.tsv", "development4.tsv", "frozen4.tsv", "development5.tsv", "frozen5.tsv",
            "development6.tsv", "frozen6.tsv", "development7.tsv", "frozen7.tsv", "development8.tsv", "frozen8.tsv",
            "development9.tsv", "frozen9.tsv", "development10.tsv", "frozen10.tsv");

    private ExampleSet() {
    }

    /** Every shipped example, in file order. */
    static List<LabelledExample> shipped() {
        List<LabelledExample> all = new ArrayList<>();
        FILES.forEach(file -> all.addAll(read(DIRECTORY + file)));
        return List.copyOf(all);
    }

    static List<LabelledExample> read(String resource) {
        try (InputStream in = ExampleSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            List<LabelledExample> examples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id\t")) {
                    examples.add(parse(line, resource));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static LabelledExample parse(String line, String resource) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalStateException(resource + ": expected 6 columns in " + line);
        }
        Optional<Purpose> purpose = Purpose.fromWire(f[2]);
        List<List<String>> needs = f[3].equals(Taxonomy.OTHER_ID) ? List.of()
                : Arrays.stream(f[3].split("\\+")).map(need -> List.of(need.split("/"))).toList();
        return new LabelledExample(f[0], f[1], purpose, needs, f[5].replace("\\n", "\n"));
    }
}
