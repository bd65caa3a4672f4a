package org.weft.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells ./weft that the start-up cache this run is writing holds classes later starts do not need. On Java 25 the
 * launcher starts the first run of a build with {@code -XX:AOTCacheOutput}: when the run exits, the JVM writes every
 * class it loaded, and every later start loads all of them again, used or not. A run that migrated the schema loaded
 * Flyway (about 450 classes), which a start on a current schema never loads. So ./weft names a file in
 * {@value #ENV} for the run that writes the cache; that run creates the file if it ran Flyway, and ./weft's next start
 * writes the cache again instead of reading it.
 */
final class StartupCacheMark {
    static final String ENV = "WEFT_STARTUP_CACHE_STALE_MARK";
    private static final Logger LOG = Logger.getLogger(StartupCacheMark.class.getName());

    private StartupCacheMark() {
    }

    /** Creates the file ./weft named when this run has loaded Flyway; otherwise, or when none is named, does nothing. */
    static void leaveIfFlywayLoaded(Map<String, String> env, boolean flywayLoaded) {
        String mark = env.get(ENV);
        if (!flywayLoaded || mark == null || mark.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(mark), "written by a start that ran the database's migrations\n");
        } catch (IOException e) {
            // The cache still works, it only loads more than it needs: not worth failing or alarming a start for.
            LOG.log(Level.FINE, "Could not leave the start-up cache's mark " + mark, e);
        }
    }
}
