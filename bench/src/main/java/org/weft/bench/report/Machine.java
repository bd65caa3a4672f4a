package org.weft.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the run ran on, read once at the start. */
public record Machine(String date, int cpus, String cpuModel, String memory, String os, String jdk, String loadAverage) {

    public static Machine describe() {
        return new Machine(
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name"),
                memTotal(),
                osName(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                read(Path.of("/proc/loadavg")).stream().findFirst().orElse("?"));
    }

    /** The load average now (1, 5, 15 min), to show how busy the shared machine was. */
    public static String loadNow() {
        String line = read(Path.of("/proc/loadavg")).stream().findFirst().orElse("?");
        String[] parts = line.split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : line;
    }

    private static String memTotal() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", "");
        return kb.isEmpty() ? "?" : String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0);
    }

    private static String osName() {
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "");
        return (pretty.isEmpty() ? System.getProperty("os.name") : pretty) + ", kernel " + System.getProperty("os.version");
    }

    private static String firstValue(Path file, String key) {
        for (String line : read(file)) {
            if (line.startsWith(key)) {
                int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                return sep < 0 ? "" : line.substring(sep + 1).trim();
            }
        }
        return "";
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
