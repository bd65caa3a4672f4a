package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.LibraryNotices;
import org.weft.server.testing.CapturedLog;

/**
 * What an operator reads when the database opens: Hibernate's "still incubating" line (once for each use of the
 * setting that stores instants, 77 lines at a server's start), its "Database info" block of "undefined/unknown", and
 * its version, JTA and batching lines are not written; its warnings still are.
 */
class LibraryNoticesTest {
    private static final Logger HIBERNATE = Logger.getLogger("org.hibernate");
    private static final Logger INCUBATING = Logger.getLogger("org.hibernate.orm.incubating");
    private static final Logger CONNECTION_INFO = Logger.getLogger("org.hibernate.orm.connections.pooling");
    private static final Logger CORE = Logger.getLogger("org.hibernate.orm.core");
    private static final Logger BATCH = Logger.getLogger("org.hibernate.orm.jdbc.batch");

    @TempDir
    Path dir;

    @BeforeAll
    static void keepH2OnLoopback() {
        EmbeddedServerAddress.ensureLoopback();
    }

    private CapturedLog written;

    /** As in a fresh JVM: another test may have opened a database here already and set the levels. */
    @BeforeEach
    void levelsAsTheJvmStarts() {
        INCUBATING.setLevel(null);
        CONNECTION_INFO.setLevel(null);
        CORE.setLevel(null);
        BATCH.setLevel(null);
        written = CapturedLog.everything(HIBERNATE);
    }

    @AfterEach
    void restore() {
        written.close();
        LibraryNotices.quiet();
    }

    @Test
    void openingTheDatabaseWritesNoLineThatAsksNothingOfAnOperator() {
        try (Database db = Database.open(new DatabaseSettings("", "", "", 2), dir)) {
            assertEquals(0L, db.inTransaction(ProposalRepository::countAll), "the database opened and answers");
        }

        List<String> messages = written.messages();
        assertTrue(messages.stream().noneMatch(m -> m.contains("HHH90006001")), "incubating lines: " + messages);
        assertTrue(messages.stream().noneMatch(m -> m.contains("HHH10001005")), "database info: " + messages);
        assertTrue(messages.stream().noneMatch(m -> m.contains("HHH000001")), "version: " + messages);
        assertTrue(messages.stream().noneMatch(m -> m.contains("HHH000489")), "no JTA platform: " + messages);
        assertTrue(messages.stream().noneMatch(m -> m.contains("HHH100501")), "batching: " + messages);
    }

    @Test
    void theirWarningsStillReachTheLog() {
        try (Database db = Database.open(new DatabaseSettings("", "", "", 2), dir)) {
            INCUBATING.warning("a warning from the incubating category");
            CONNECTION_INFO.info("an informational line from the pool category");
            CORE.warning("a warning from the core category");
        }

        List<String> messages = written.messages();
        assertTrue(messages.contains("a warning from the incubating category"), messages.toString());
        assertTrue(messages.contains("a warning from the core category"), messages.toString());
        assertTrue(!messages.contains("an informational line from the pool category"), messages.toString());
    }
}
