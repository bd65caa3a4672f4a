package org.weft.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mark a run that writes the start-up cache leaves for ./weft when it ran Flyway (see {@link StartupCacheMark}). */
class StartupCacheMarkTest {
    @TempDir
    Path dir;

    @Test
    void aRunThatLoadedFlywayLeavesTheMarkItWasGiven() {
        Path mark = dir.resolve("weft-1.stale");
        StartupCacheMark.leaveIfFlywayLoaded(Map.of(StartupCacheMark.ENV, mark.toString()), true);
        assertTrue(Files.isRegularFile(mark));
    }

    @Test
    void aRunThatDidNotLoadFlywayLeavesNone() {
        Path mark = dir.resolve("weft-1.stale");
        StartupCacheMark.leaveIfFlywayLoaded(Map.of(StartupCacheMark.ENV, mark.toString()), false);
        assertFalse(Files.exists(mark));
    }

    @Test
    void withoutAMarkNamedNothingIsWritten() throws Exception {
        StartupCacheMark.leaveIfFlywayLoaded(Map.of(), true);
        StartupCacheMark.leaveIfFlywayLoaded(Map.of(StartupCacheMark.ENV, " "), true);
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    @Test
    void aMarkThatCannotBeWrittenDoesNotFailTheStart() {
        Path mark = dir.resolve("no-such-folder").resolve("weft-1.stale");
        assertDoesNotThrow(() -> StartupCacheMark.leaveIfFlywayLoaded(Map.of(StartupCacheMark.ENV, mark.toString()), true));
        assertFalse(Files.exists(mark));
    }
}
