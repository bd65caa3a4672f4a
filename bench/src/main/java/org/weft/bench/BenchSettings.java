package org.weft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.weft.bench.db.DbServer;
import org.weft.bench.targets.ServerLaunch;

/** What bench/run passes in, as system properties (see bench/run for each). */
record BenchSettings(Path output, Path work, ServerLaunch launch, List<DbServer> databases, Set<String> only,
                     List<String> context, Path analysis) {

    static BenchSettings fromSystemProperties() {
        Path work = Path.of(System.getProperty("bench.work", System.getProperty("java.io.tmpdir") + "/weft-bench"));
        List<String> javaOpts = new ArrayList<>(Arrays.asList(
                System.getProperty("bench.serverJavaOpts", "-Xmx160m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError").trim()
                        .split("\\s+")));
        javaOpts.addAll(List.of("-Duser.language=en", "-Duser.country=US"));
        ServerLaunch launch = new ServerLaunch(Path.of(System.getProperty("bench.serverJar", "server/target/weft-server.jar")),
                List.copyOf(javaOpts), work.resolve("logs"));
        List<DbServer> databases = new ArrayList<>();
        databases.add(DbServer.h2());
        List<String> context = new ArrayList<>();
        String mariaDbUrl = System.getProperty("bench.mariadb.url", "");
        if (!mariaDbUrl.isBlank()) {
            databases.add(DbServer.mariaDb(mariaDbUrl, System.getProperty("bench.mariadb.user", "weft"),
                    System.getProperty("bench.mariadb.password", "weft")));
            context.add("MariaDB: " + System.getProperty("bench.mariadb.description", mariaDbUrl));
        } else {
            context.add("MariaDB: **not measured** (" + System.getProperty("bench.mariadb.description", "no server given")
                    + "); H2 only");
        }
        context.add("Embedded H2: file database in a fresh data directory, the server's own JDBC URL (MODE=MariaDB,"
                + " AUTO_SERVER, WRITE_DELAY=0): each commit is written to the file before it returns, but not fsync'd one by one");
        context.add("Separate server processes run `java " + String.join(" ", javaOpts) + " -jar weft-server.jar serve`,"
                + " the options of `./weft`");
        context.add("Server settings: the shipped defaults (application.yaml: 10 DB connections, 128 delivery workers, 2 per host and 1 to a host"
                + " not heard from yet)"
                + " unless a row says otherwise; federation to loopback allowed (WEFT_FEDERATION_ALLOW_PRIVATE) for the mocks;"
                + " inbox quotas and rate off (their defaults would refuse the throughput loads) except in G12, which"
                + " measures them");
        String only = System.getProperty("bench.only", "");
        Set<String> sections = only.isBlank() ? Set.of() : Arrays.stream(only.split(",")).map(String::trim)
                .collect(Collectors.toSet());
        String analysis = System.getProperty("bench.analysis", "");
        return new BenchSettings(Path.of(System.getProperty("bench.out", "BENCHMARKS.md")), work, launch,
                List.copyOf(databases), sections, context, analysis.isBlank() ? null : Path.of(analysis));
    }

    boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }
}
