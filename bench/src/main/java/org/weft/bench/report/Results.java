package org.weft.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run found: table rows, free-text notes per section (counts, how a figure was obtained,
 * what could not be measured), and blocks of Markdown per section (tables too long for a note).
 */
public final class Results {
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final Map<String, List<String>> blocks = new LinkedHashMap<>();
    private volatile Runnable onRow = () -> { };

    /** Called after each new row (the report is rewritten then). */
    public void onRow(Runnable listener) {
        this.onRow = listener;
    }

    public void row(Row row) {
        synchronized (this) {
            rows.add(row);
        }
        onRow.run();
        System.out.printf("bench: %-4s %-12s %s: %s | yardstick %s | ratio %s | %s%n", row.id(), row.database(), row.what(),
                row.figure(), row.yardstick(), row.ratio(), row.verdict());
    }

    public synchronized void note(String section, String text) {
        notes.computeIfAbsent(section, k -> new ArrayList<>()).add(text);
        System.out.println("bench: [" + section + "] " + text);
    }

    /** Markdown written as it is under the section's notes (a table of samples, for example). */
    public synchronized void block(String section, String markdown) {
        blocks.computeIfAbsent(section, k -> new ArrayList<>()).add(markdown.strip());
        notes.computeIfAbsent(section, k -> new ArrayList<>());
        System.out.println(markdown.strip());
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized Map<String, List<String>> notes() {
        return new LinkedHashMap<>(notes);
    }

    /** The blocks of one section, in the order they came. */
    public synchronized List<String> blocks(String section) {
        return List.copyOf(blocks.getOrDefault(section, List.of()));
    }
}
