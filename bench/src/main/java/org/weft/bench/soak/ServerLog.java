package org.weft.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the server under test logged (java.util.logging's default two-line format, English): warnings and errors,
 * with the first few kept word for word, and the activities it ignored, grouped by type and reason, which says what
 * the server made of the mix (a Like has no handler; a boost by someone nobody here follows is dropped).
 */
record ServerLog(long warnings, long severe, long retries, List<String> firstProblems, Map<String, Long> ignored) {
    private static final int KEPT = 5;
    private static final Pattern URL = Pattern.compile("https?://\\S+?(?=[:,;)]?(\\s|$))");

    static ServerLog scan(Path log) {
        long warnings = 0;
        long severe = 0;
        long retries = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Long> ignored = new TreeMap<>();
        if (!Files.exists(log)) {
            return new ServerLog(0, 0, 0, List.of("no server log at " + log), Map.of());
        }
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("WARNING:") || line.startsWith("SEVERE:")) {
                    if (line.startsWith("SEVERE:")) {
                        severe++;
                    } else {
                        warnings++;
                    }
                    if (problems.size() < KEPT) {
                        problems.add(shorten(line));
                    }
                } else if (line.startsWith("INFO: Ignored ")) {
                    ignored.merge(reason(line.substring("INFO: Ignored ".length())), 1L, Long::sum);
                } else if (line.startsWith("INFO: Processing ") && line.endsWith("will retry")) {
                    retries++;
                    if (problems.size() < KEPT) {
                        problems.add(shorten(line));
                    }
                }
            }
        } catch (IOException e) {
            problems.add("could not read the server log: " + e.getMessage());
        }
        return new ServerLog(warnings, severe, retries, List.copyOf(problems), Map.copyOf(ignored));
    }

    /** "Like https://… from https://…: No handler for activity type Like" → "Like: No handler for activity type Like". */
    static String reason(String ignored) {
        String type = ignored.contains(" ") ? ignored.substring(0, ignored.indexOf(' ')) : ignored;
        int colon = ignored.indexOf(": ");
        String why = colon < 0 ? "" : ignored.substring(colon + 2);
        return type + ": " + URL.matcher(why).replaceAll("…").replaceAll("\\d{6,}", "…");
    }

    private static String shorten(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
