package org.weft.server.domain.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.RetentionSettings;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.EmbeddedFileCompaction;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.queue.InboundStore;
import org.weft.server.queue.InboxWriter;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.WaitFor;

/**
 * Megabyte bodies through the inbox's own path (group commit, the worker's lease and finish), then pruned: on H2 the
 * file grows by little more than the bodies and comes back once they are pruned. Before the bodies moved out of the
 * row (migration 14), every update of a row wrote its whole body again and the file grew several times the bodies.
 * On MariaDB there is no file to compact (InnoDB reuses the pages itself): the same run checks that pruning there
 * empties the bodies and that compaction does nothing.
 */
class EmbeddedFileGrowthTest {
    private static final int BODIES = 24;
    private static final int BODY_BYTES = 1_000_000;

    private Path dir;
    private DatabaseSettings settings;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        dir = TestDatabases.tempDir();
        settings = TestDatabases.fresh(dir);
        db = Database.open(settings, dir);
        if (db.isEmbedded()) {
            try (Connection c = db.dataSource().getConnection()) {
                // H2 keeps chunks written in the last 45 s even once they are garbage (a guard against a crash before
                // the OS wrote them). The test cannot wait that long: one second here. The benchmark (G12) measures with
                // H2's own 45 s. (0 would reuse chunks during a move, which trips an assertion inside H2.)
                c.createStatement().execute("SET RETENTION_TIME 1000");
            }
        }
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.drop(settings);
    }

    @Test
    void megabyteBodiesGrowTheFileByLittleMoreThanThemselvesAndGoWhenPruned() throws Exception {
        EmbeddedFileCompaction compaction = new EmbeddedFileCompaction(db, Clock.systemUTC());
        compaction.compact(Duration.ofSeconds(10));
        long baseline = fileBytes();

        // Whole seconds: H2 rounds a stored time to microseconds, and the claim compares with this instant.
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        storeAndProcess(received);
        long grown = fileBytes() - baseline;
        long bodies = (long) BODIES * BODY_BYTES;
        if (db.isEmbedded()) {
            System.out.printf("H2 file: baseline %,d bytes; +%,d with %,d bytes of bodies (%.2fx)%n", baseline, grown, bodies,
                    (double) grown / bodies);
            assertTrue(grown <= bodies * 3 / 2, "grew " + grown + " bytes for " + bodies + " bytes of bodies");
        }

        Instant later = received.plus(Duration.ofHours(7));
        Pruner.Report report = new Pruner(db, Pruner.standardRules(new RetentionSettings(10, 6, 72, 7, 500)),
                Clock.fixed(later, ZoneOffset.UTC), 100).runOnce();
        assertEquals(BODIES, report.pruned().get("processed inbound bodies"));
        if (!db.isEmbedded()) {
            assertTrue(report.compaction().isEmpty(), "nothing to compact on MariaDB");
            return;
        }
        // Compaction can free the pruned chunks only once they are older than the retention time: ask again until then.
        WaitFor.condition("the pruned bodies leave the file", () -> {
            compaction.compact(Duration.ofSeconds(5));
            return fileBytes() <= baseline + 2_000_000;
        });
        System.out.printf("H2 file: %,d bytes after pruning%n", fileBytes());
    }

    /** What the inbox and the inbound worker do with each row: store (8 at a time), lease, finish. */
    private void storeAndProcess(Instant received) throws Exception {
        InboxWriter writer = new InboxWriter(db.dataSource(), () -> { });
        writer.start();
        Random random = new Random(12);
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> stored = new ArrayList<>();
            for (int i = 0; i < BODIES; i++) {
                String id = "https://remote.example/likes/" + i;
                String body = "{\"id\":\"" + id + "\",\"padding\":\"" + letters(random, BODY_BYTES - 60) + "\"}";
                stored.add(senders.submit(() -> writer.store(id, "https://remote.example/users/rosa", "Like", body, received)));
            }
            for (Future<Boolean> f : stored) {
                assertTrue(f.get());
            }
        } finally {
            writer.close();
        }
        InboundStore store = new InboundStore(db);
        List<Long> claimed;
        int processed = 0;
        while (!(claimed = store.claimDue(4, Duration.ofMinutes(5), received)).isEmpty()) {
            processed += claimed.size();
            for (long id : claimed) {
                db.run(s -> s.createMutationQuery("update InboundActivityEntity set state = :done, processedAt = :now"
                        + " where id = :id").setParameter("done", InboundActivityEntity.State.DONE).setParameter("now", received)
                        .setParameter("id", id).executeUpdate());
            }
        }
        assertEquals(BODIES, processed, "every row was leased and finished, as the worker does");
    }

    private static String letters(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private long fileBytes() {
        try {
            Path file = dir.resolve("weft.mv.db");
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
