package org.weft.bench.targets;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start a separate server process: the server jar and the JVM options ./weft uses
 * ({@code DEFAULT_JAVA_OPTS} plus the locale flags), and where process logs go.
 */
public record ServerLaunch(Path serverJar, List<String> javaOpts, Path logDir) {
    /** The ./weft launcher of the checkout the jar was built in ({@code server/target/weft-server.jar}). */
    public Path launcher() {
        return serverJar.toAbsolutePath().getParent().getParent().getParent().resolve("weft");
    }
}
