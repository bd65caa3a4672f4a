package org.weft.bench.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who used the machine's cores over a stretch of time, read from Linux's /proc: a server process, this bench JVM (the
 * load generator and the mocks), every {@code mariadbd}, and the rest. G1's row with the server in its own process
 * shares two cores between all of them, and its miss cannot be explained without knowing each one's share.
 */
public final class CpuShares {
    /** Linux's USER_HZ: /proc counts CPU time in these ticks on every architecture the kernel ships today. */
    private static final double TICKS_PER_SECOND = 100;

    private final long serverPid;
    private final Reading start;

    private CpuShares(long serverPid, Reading start) {
        this.serverPid = serverPid;
        this.start = start;
    }

    /** Starts counting now, for the server with this process id. */
    public static CpuShares start(long serverPid) {
        return new CpuShares(serverPid, read(serverPid));
    }

    /** The cores each used since {@link #start} (1.0 = one core busy all the time). */
    public Used stop() {
        Reading end = read(serverPid);
        double seconds = (end.nanos - start.nanos) / 1e9;
        double server = (end.server - start.server) / TICKS_PER_SECOND / seconds;
        double bench = (end.bench - start.bench) / TICKS_PER_SECOND / seconds;
        double database = (end.mariadb - start.mariadb) / TICKS_PER_SECOND / seconds;
        // /proc/stat counts ticks of all cores together; busy is all but idle and iowait.
        double busy = (end.machineBusy - start.machineBusy) / TICKS_PER_SECOND / seconds;
        Map<String, Double> threads = new TreeMap<>();
        end.serverThreads.forEach((group, ticks) -> threads.put(group,
                (ticks - start.serverThreads.getOrDefault(group, 0L)) / TICKS_PER_SECOND / seconds));
        return new Used(server, bench, database, Math.max(0, busy - server - bench - database),
                Runtime.getRuntime().availableProcessors() - busy, seconds, threads);
    }

    /**
     * Cores used over {@code seconds}: by the server, the bench JVM, MariaDB, anything else, and left idle; and the
     * server's share by kind of thread (threads that ended meanwhile are missing from it).
     */
    public record Used(double server, double bench, double mariadb, double other, double idle, double seconds,
                       Map<String, Double> serverThreads) {
        public String summary() {
            StringBuilder byThread = new StringBuilder();
            serverThreads.forEach((group, cores) -> byThread.append(byThread.isEmpty() ? "" : ", ")
                    .append(group).append(String.format(" %.2f", cores)));
            return String.format("over %.1f s, cores used: server %.2f (%s), load generator and mocks (bench JVM) %.2f,"
                    + " mariadbd %.2f, other %.2f, idle %.2f", seconds, server, byThread, bench, mariadb, other, idle);
        }
    }

    private record Reading(long nanos, long server, long bench, long mariadb, long machineBusy,
                           Map<String, Long> serverThreads) {
    }

    private static Reading read(long serverPid) {
        return new Reading(System.nanoTime(), ticksOf(serverPid), ticksOf(ProcessHandle.current().pid()),
                mariadbTicks(), machineBusyTicks(), threadTicks(serverPid));
    }

    /** The process's threads' ticks by kind: the JIT's compilers, the VM's own (the serial collector), and the rest. */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> groups = new TreeMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                String name = readOrEmpty(thread.resolve("comm")).strip();
                String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT compilers"
                        : name.equals("VM Thread") || name.startsWith("GC ") ? "VM thread and collector"
                        : name.startsWith("ForkJoinPool") ? "virtual threads' carriers"
                        : "other threads";
                groups.merge(group, ticksIn(readOrEmpty(thread.resolve("stat"))), Long::sum);
            }
        } catch (IOException e) {
            return groups; // not Linux, or the process is gone
        }
        return groups;
    }

    /** A /proc file's text, or "" if its process or thread ended meanwhile. */
    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime from a /proc stat line (fields 14 and 15, counted after the command's closing paren); 0 if none. */
    private static long ticksIn(String stat) {
        try {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A process's CPU ticks; 0 if it is gone (or not Linux), which the summary then shows. */
    private static long ticksOf(long pid) {
        return ticksIn(readOrEmpty(Path.of("/proc", String.valueOf(pid), "stat")));
    }

    private static long mariadbTicks() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (isMariadbd(process)) {
                    ticks += ticksOf(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    private static boolean isMariadbd(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("mariadbd");
        } catch (IOException e) {
            return false;
        }
    }

    /** All ticks of the first line of /proc/stat but idle (4th) and iowait (5th); guest time is inside user already. */
    private static long machineBusyTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
