package org.weft.bench.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server JVM's heap as its collector reports it, without touching its flags: at the start the bench switches on
 * the JVM's GC log at run time ({@code jcmd PID VM.log what=gc}, one line per collection into a file) and then reads
 * each new line, "GC(7) Pause Young (Allocation Failure) 47M->21M(62M) 3.1ms": what the heap held after the
 * collection, and its committed size. After a full collection that is the live heap of the moment. Nothing forces a
 * collection until {@link #liveAfterFullGc()} at the end ({@code jcmd PID GC.run}).
 *
 * <p>Not JMX: Helidon sets a JVM-wide deserialization filter that rejects everything, and the JMX agent's RMI calls
 * are deserialized under it. Read this way for collectors that log "Pause … A->B(C)" (Serial, Parallel, G1); ZGC and
 * Shenandoah log otherwise and give no heap figures here.
 */
final class JvmGauge {
    private static final double MB = 1e6;
    private static final Pattern LINE = Pattern.compile(
            "^\\[([\\d.]+)s] GC\\((\\d+)\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms$");
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private final long pid;
    private final Path log;
    private long readUpTo;
    private double afterLastGc = Double.NaN;
    private double afterLastFullGc = Double.NaN;
    private double fullGcAtSeconds = Double.NaN;
    private double committed = Double.NaN;
    private long young;
    private long full;
    private double pauseMillis;

    private JvmGauge(long pid, Path log) {
        this.pid = pid;
        this.log = log;
    }

    /** Switches on the GC log of JVM {@code pid} (same user) into {@code log}. */
    static JvmGauge start(long pid, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        jcmd(pid, "VM.log", "output=file=" + log, "what=gc=info", "decorators=uptime");
        return new JvmGauge(pid, log);
    }

    /** One reading: the collections logged so far, and the process's threads. */
    record Reading(double afterLastGcMB, double afterLastFullGcMB, double fullGcAtSeconds, double heapCommittedMB,
                   long youngCollections, long fullCollections, double pauseMillis, int threads) {
    }

    synchronized Reading read() throws IOException {
        for (String line : newLines()) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double after = bytes(m.group(6), m.group(7)) / MB;
            afterLastGc = after;
            committed = bytes(m.group(8), m.group(9)) / MB;
            pauseMillis += Double.parseDouble(m.group(10));
            if (m.group(3).contains("Full")) {
                full++;
                afterLastFullGc = after;
                fullGcAtSeconds = Double.parseDouble(m.group(1));
            } else {
                young++;
            }
        }
        return new Reading(afterLastGc, afterLastFullGc, fullGcAtSeconds, committed, young, full, pauseMillis, threads());
    }

    /** Forces a full collection and returns the heap it left: the live heap (NaN if the log does not show it). */
    double liveAfterFullGc() throws IOException, InterruptedException {
        long fullBefore = read().fullCollections();
        jcmd(pid, "GC.run");
        for (int i = 0; i < 50 && read().fullCollections() == fullBefore; i++) {
            Thread.sleep(100); // the line reaches the file just after the command returns
        }
        return read().fullCollections() > fullBefore ? afterLastFullGc : Double.NaN;
    }

    /** {@code jcmd PID VM.native_memory summary}: only for a server started with -XX:NativeMemoryTracking. */
    String nativeMemorySummary() throws IOException {
        return jcmd(pid, "VM.native_memory", "summary");
    }

    private List<String> newLines() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(log)) {
            return lines;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= readUpTo) {
                return lines;
            }
            byte[] chunk = new byte[(int) (file.length() - readUpTo)];
            file.seek(readUpTo);
            file.readFully(chunk);
            int lastNewline = -1;
            for (int i = chunk.length - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                return lines; // half a line: read it whole next time
            }
            readUpTo += lastNewline + 1;
            lines.addAll(new String(chunk, 0, lastNewline, StandardCharsets.UTF_8).lines().toList());
        }
        return lines;
    }

    private int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        return -1;
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    private static String jcmd(long pid, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(JCMD.toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Exception")) {
                throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jcmd", e);
        } finally {
            process.destroy();
        }
    }
}
