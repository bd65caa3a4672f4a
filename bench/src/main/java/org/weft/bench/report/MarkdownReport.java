package org.weft.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes BENCHMARKS.md: machine, method, yardsticks, the results table, notes, and the hand-written analysis. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * @param yardstickLines one line per yardstick, already formatted
     * @param context facts about the run (database versions, settings), one per line
     * @param analysis hand-written text to include at the end, or null
     */
    public static void write(Path file, Machine machine, List<String> context, List<String> yardstickLines, Results results,
                             long elapsedSeconds, String analysis) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bench/run` (see `bench/`), which measures the targets of `docs/benchmarks.md`. Every figure")
                .append(" stands next to a yardstick measured in the **same run** on the same machine; the ratio is the")
                .append(" number to compare between runs. Absolute numbers on this shared 2-core machine are noisy.\n\n");
        md.append("## Machine and run\n\n");
        md.append("- Date: ").append(machine.date()).append("; time from start to this report: ")
                .append(elapsedSeconds / 60).append(" min ").append(elapsedSeconds % 60).append(" s\n");
        md.append("- CPUs (`nproc`): ").append(machine.cpus()).append(" × ").append(machine.cpuModel()).append("\n");
        md.append("- Memory: ").append(machine.memory()).append("\n");
        md.append("- OS: ").append(machine.os()).append("\n");
        md.append("- JDK: ").append(machine.jdk()).append("\n");
        md.append("- Load average when the run started: ").append(machine.loadAverage())
                .append(" (the machine is shared with other engineers' builds and tests)\n");
        md.append("- **The load generator, the mock servers and the server under test all share these ").append(machine.cpus())
                .append(" cores**; in-process figures (G1, G2, G3) also share one JVM and its heap with the generator.\n");
        context.forEach(line -> md.append("- ").append(line).append("\n"));
        md.append("\n## Yardsticks (this run)\n\n");
        yardstickLines.forEach(line -> md.append("- ").append(line).append("\n"));
        md.append("\n## Results\n\n");
        md.append("| id | database | what | figure | yardstick (same run) | ratio | target | verdict |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : results.rows()) {
            md.append("| ").append(String.join(" | ", cell(row.id()), cell(row.database()), cell(row.what()), cell(row.figure()),
                    cell(row.yardstick()), cell(row.ratio()), cell(row.target()), cell(row.verdict()))).append(" |\n");
        }
        md.append("\n## Details and counts\n");
        for (Map.Entry<String, List<String>> section : results.notes().entrySet()) {
            md.append("\n### ").append(section.getKey()).append("\n\n");
            section.getValue().forEach(note -> md.append("- ").append(note).append("\n"));
            results.blocks(section.getKey()).forEach(block -> md.append("\n").append(block).append("\n"));
        }
        if (analysis != null && !analysis.isBlank()) {
            md.append("\n").append(analysis.strip()).append("\n");
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
