package org.weft.server.config;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Library log lines that tell an operator nothing they can act on, raised to a level at which they are not written.
 *
 * <p>Without this a start wrote 77 identical lines from Hibernate saying that the setting which stores instants as
 * {@code TIMESTAMP} ({@code hibernate.type.preferred_instant_jdbc_type}) is "still incubating", one for each use of it,
 * each also costing a stack walk to name its caller; a "Database info" block from Hibernate whose every line reads
 * "undefined/unknown", because Weft hands it a pool rather than a URL; Hibernate's version, that no JTA platform is
 * configured (Weft uses none: every transaction is a JDBC one) and that statements are batched (Weft's own setting);
 * and a warning from Lucene to update it for the JDK's Vector API, which Weft cannot do while the Ukrainian analyser
 * is served only for Lucene 9 (see the pom). Their warnings (Lucene's errors) still reach the log.
 */
public final class LibraryNotices {
    private static final Map<String, Level> LEVELS = Map.of(
            "org.hibernate.orm.incubating", Level.WARNING,
            "org.hibernate.orm.connections.pooling", Level.WARNING,
            "org.hibernate.orm.core", Level.WARNING,
            "org.hibernate.orm.jdbc.batch", Level.WARNING,
            "org.apache.lucene.internal.vectorization", Level.SEVERE);
    /** Held here: java.util.logging keeps loggers weakly, and one that is collected comes back without its level. */
    private static final List<Logger> HELD = LEVELS.keySet().stream().map(Logger::getLogger).toList();

    private LibraryNotices() {
    }

    /**
     * Sets the levels; call before the libraries start. Setting them again is harmless, and needed after anything
     * re-reads the logging configuration (which resets every level).
     */
    public static void quiet() {
        HELD.forEach(logger -> logger.setLevel(LEVELS.get(logger.getName())));
    }
}
