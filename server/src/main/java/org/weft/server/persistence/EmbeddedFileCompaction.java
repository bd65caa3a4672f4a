package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Compacts the embedded H2 file while the server runs: rewrites chunks that are mostly garbage, moves live chunks
 * towards the start of the file, and lets the file shrink.
 *
 * <p>H2 normally does this itself, on its background writer thread. Weft opens H2 with {@code WRITE_DELAY=0} (a
 * commit is written before it returns, so an acknowledged activity survives a crash), and with a write delay of 0
 * H2 runs no background thread at all: no compaction ever ran, the file only grew, and freed space was reused only
 * when a new chunk happened to fit a hole (or at close, for at most {@code MAX_COMPACT_TIME}, 200 ms). This does
 * what that thread would, in small steps under H2's own store lock, within a time budget. Chunks are overwritten
 * only after H2 syncs the file, as its own compaction does; the 45 s retention of recent chunks is left alone.
 *
 * <p>H2 also defers removing a deleted large value (a pruned body out of its row) to a later commit, and frees the
 * chunks that held it only once that removal is stored and 45 s old. An idle server makes no commits, so the space
 * would wait for the next inbound activity. Each compaction therefore starts with two small writes a moment apart
 * (its own line in {@code retention_run}), which let H2 catch up; a compaction a minute after pruning then finds
 * the space free.
 *
 * <p>Needs H2 2.5 or later: in 2.4.240, moving a chunk while other threads commit could place it across the area
 * the move had reserved (an assertion inside H2 in tests, which then closed the database; with assertions off, space
 * freed by the same move could be written before the file's metadata stopped pointing at it). H2 fixed it in
 * {@code RandomAccessStore.moveChunkInside} (December 2025).
 *
 * <p>Uses H2's engine classes (the version is pinned in the parent pom; a test fails if they change). On MariaDB it
 * does nothing: InnoDB reuses freed pages by itself (docs/operating.md, "Capacity and retention").
 */
public final class EmbeddedFileCompaction {
    private static final Logger LOG = Logger.getLogger(EmbeddedFileCompaction.class.getName());
    /** Chunks less full than this are rewritten; H2's own default target is 90. */
    static final int TARGET_FILL_PERCENT = 80;
    /** Written per step, under the store lock (commits wait meanwhile): a few hundred milliseconds at most. */
    private static final int STEP_BYTES = 16 * 1024 * 1024;

    /** Its line in {@code retention_run}: bytes the file shrank by. */
    public static final String TASK = "embedded file compaction";
    /** Time H2's LOB cleaner (its own thread) gets to apply deferred removals between the two writes. */
    private static final long CATCH_UP_MILLIS = 200;

    private final Database db;
    private final Clock clock;

    public EmbeddedFileCompaction(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The file before and after, and how full it was (percent of live data). */
    public record Result(long bytesBefore, long bytesAfter, int fillBefore, int fillAfter, Duration took) {
    }

    /** Compacts for at most {@code budget}; empty when there is no embedded file this process owns. */
    public Optional<Result> compact(Duration budget) {
        if (!db.isEmbedded()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        try (Connection connection = db.dataSource().getConnection()) {
            Optional<MVStore> found = store(connection);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            MVStore store = found.get();
            RetentionRuns.record(connection, TASK, clock.instant(), 0);
            Thread.sleep(CATCH_UP_MILLIS);
            RetentionRuns.record(connection, TASK, clock.instant(), 0);
            long before = store.getFileStore().size();
            int fillBefore = store.getFillRate();
            long deadline = started + budget.toNanos();
            int idlePasses = 0;
            long size = before;
            while (System.nanoTime() < deadline && idlePasses < 2) {
                boolean rewrote = store.compact(TARGET_FILL_PERCENT, STEP_BYTES);
                if (store.getFileStore() instanceof RandomAccessStore file) {
                    file.compactMoveChunks(TARGET_FILL_PERCENT, STEP_BYTES, store);
                }
                store.commit();
                long now = store.getFileStore().size();
                idlePasses = rewrote || now < size ? 0 : idlePasses + 1;
                size = now;
            }
            RetentionRuns.record(connection, TASK, clock.instant(), Math.max(0, before - size));
            return Optional.of(new Result(before, size, fillBefore, store.getFillRate(),
                    Duration.ofNanos(System.nanoTime() - started)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Compacting the embedded database failed; it is tried again at the next run", e);
            return Optional.empty();
        }
    }

    /** The store behind this connection, when this process opened the file (not a client of another process). */
    private static Optional<MVStore> store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
            return Optional.empty();
        }
        return Optional.ofNullable(local.getDatabase().getStore()).map(s -> s.getMvStore());
    }
}
