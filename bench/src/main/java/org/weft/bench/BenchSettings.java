package org.weft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.weft.bench.db.DbServer;
import org.weft.bench.soak.SoakPlan;
import org.weft.bench.targets.ServerLaunch;

/** What bench/run passes in, as system properties (see bench/run for each). */
record BenchSettings(Path output, Path work, ServerLaunch launch, List<DbServer> databases, Set<String> only,
                     Set<String> skip, List<String> context, Path analysis, SoakPlan soak) {

    static BenchSettings fromSystemProperties() {
        Path work = Path.of(System.getProperty("bench.work", System.getProperty("java.io.tmpdir") + "/weft-bench"));
        List<String> javaOpts = new ArrayList<>(Arrays.asList(
                System.getProperty("bench.serverJavaOpts", "-Xmx160m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError").trim()
                        .split("\\s+")));
        javaOpts.addAll(List.of("-Duser.language=en", "-Duser.country=US"));
        ServerLaunch launch = new ServerLaunch(Path.of(System.getProperty("bench.serverJar", "server/target/weft-server.jar")),
                List.copyOf(javaOpts), work.resolve("logs"));
        Set<String> kinds = list(System.getProperty("bench.databases", ""));
        List<DbServer> databases = new ArrayList<>();
        List<String> context = new ArrayList<>();
        String mariaDbUrl = System.getProperty("bench.mariadb.url", "");
        if (kinds.isEmpty() || kinds.contains("mariadb")) {
            if (!mariaDbUrl.isBlank()) {
                databases.add(DbServer.mariaDb(mariaDbUrl, System.getProperty("bench.mariadb.user", "weft"),
                        System.getProperty("bench.mariadb.password", "weft")));
                context.add("MariaDB: " + System.getProperty("bench.mariadb.description", mariaDbUrl));
            } else {
                context.add("MariaDB: **not measured** (" + System.getProperty("bench.mariadb.description", "no server given")
                        + "); H2 only");
            }
        }
        if (kinds.isEmpty() || kinds.contains("h2")) {
            databases.addFirst(DbServer.h2());
            context.add("Embedded H2: file database in a fresh data directory, the server's own JDBC URL (MODE=MariaDB,"
                    + " AUTO_SERVER, WRITE_DELAY=0): each commit is written to the file before it returns, but not fsync'd one"
                    + " by one");
        }
        context.add("Separate server processes run `java " + String.join(" ", javaOpts) + " -jar weft-server.jar serve`,"
                + " the options of `./weft`");
        context.add("Server settings: the shipped defaults (application.yaml: 10 DB connections, 128 delivery workers, 2 per"
                + " host and 1 to a host not heard from yet) unless a row says otherwise; federation to loopback allowed"
                + " (WEFT_FEDERATION_ALLOW_PRIVATE) for the mocks; inbox quotas and rate off (their defaults would refuse the"
                + " throughput loads) except in G12, which measures them, and in the soak (G15), which runs as shipped");
        Set<String> sections = list(System.getProperty("bench.only", ""));
        Set<String> skipped = list(System.getProperty("bench.skip", ""));
        String analysis = System.getProperty("bench.analysis", "");
        String results = System.getProperty("bench.results", "");
        Path resultsDir = results.isBlank() ? null : Path.of(results);
        Map<String, String> soakEnv = environment(System.getProperty("bench.soak.env", ""));
        String extra = System.getProperty("bench.soak.javaOpts", "").trim();
        List<String> soakOpts = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
        SoakPlan soak = Boolean.getBoolean("bench.soak.quick") ? SoakPlan.quick(soakEnv, soakOpts, resultsDir)
                : SoakPlan.full(Integer.parseInt(System.getProperty("bench.soak.minutes", "30")), soakEnv, soakOpts,
                resultsDir);
        if ((sections.isEmpty() || sections.contains("soak")) && !skipped.contains("soak")) {
            context.add("Soak (G15): " + soak.describe() + (soak.extraJavaOpts().isEmpty() ? ""
                    : "; **the soak's server also ran with " + String.join(" ", soak.extraJavaOpts()) + "** (not the shipped"
                    + " flags)") + (soak.quick()
                    ? ". **A quick soak is a check that the soak works, not G15's 30 minutes: do not commit its figures**"
                    : ""));
        }
        return new BenchSettings(Path.of(System.getProperty("bench.out", "BENCHMARKS.md")), work, launch,
                List.copyOf(databases), sections, skipped, context, analysis.isBlank() ? null : Path.of(analysis), soak);
    }

    boolean runs(String section) {
        return (only.isEmpty() || only.contains(section)) && !skip.contains(section);
    }

    private static Set<String> list(String commaSeparated) {
        return commaSeparated.isBlank() ? Set.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** "WEFT_A=1 WEFT_B=2" → a map; anything not of the form NAME=VALUE is refused. */
    private static Map<String, String> environment(String assignments) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : assignments.trim().split("\\s+")) {
            if (assignment.isEmpty()) {
                continue;
            }
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("BENCH_SOAK_ENV: expected NAME=VALUE, got " + assignment);
            }
            env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return env;
    }
}
