package org.weft.server.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The server's main code names types by import, not inline ({@code java.util.Locale.ROOT} in the middle of a line):
 * a reader sees in the imports what a class uses, and the house rules read the same. Comments and Javadoc may name a
 * type in full. Read from the source files (bytecode no longer shows how a name was written).
 */
class InlineNamesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern INLINE = Pattern.compile("(?<![\\w.])"
            + "(?:java|javax|jakarta|io\\.helidon|org\\.weft|org\\.hibernate|com\\.fasterxml)(?:\\.[a-z][a-z0-9]*)+\\.[A-Z]");

    @Test
    void mainCodeNamesNoTypeInline() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> found = files.filter(f -> f.toString().endsWith(".java")).flatMap(InlineNamesTest::inlineNames)
                    .toList();
            assertEquals(List.of(), found);
        }
    }

    @Test
    void findsAnInlineNameButNotAnImportOrAComment() {
        List<String> source = List.of("package org.weft.server.x;", "import java.util.Locale;",
                "/** Uses {@link java.util.Locale#ROOT}. */", "    // java.util.Locale.ROOT",
                "    String a = b.toLowerCase(Locale.ROOT);", "    String c = d.toLowerCase(java.util.Locale.ROOT);");
        assertEquals(List.of("X.java:6: String c = d.toLowerCase(java.util.Locale.ROOT);"),
                inlineNames(Path.of("X.java"), source).toList());
    }

    private static Stream<String> inlineNames(Path file) {
        try {
            return inlineNames(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> inlineNames(Path file, List<String> lines) {
        return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                .filter(i -> isCode(lines.get(i)) && INLINE.matcher(lines.get(i)).find())
                .map(i -> file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
    }

    /** Imports, the package line and comment lines may name a type in full. */
    private static boolean isCode(String line) {
        String t = line.strip();
        return !(t.startsWith("import ") || t.startsWith("package ") || t.startsWith("*") || t.startsWith("/*")
                || t.startsWith("//"));
    }
}
