package org.weft.server.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Group commit for the inbox. An activity must be durable before the inbox answers 202, and a durable
 * commit costs a log flush (MariaDB) or a file write (H2): one commit per POST capped the inbox at the
 * database's commit rate. So the request threads queue their rows here and wait, and one writer thread
 * inserts whatever is waiting in one transaction, then releases every waiter at once. Under load a batch
 * fills while the previous one commits; when idle a batch is a single row, with no added delay.
 */
public final class InboxWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboxWriter.class.getName());
    /** Enough to absorb a burst; small enough that one batch's transaction stays short. */
    private static final int MAX_BATCH = 256;
    /** The widths of inbound_activity's activity_uri / actor_uri and activity_type columns. */
    public static final int MAX_URI_LENGTH = 700;
    public static final int MAX_TYPE_LENGTH = 64;
    /** How long {@link #close()} lets the writer finish what is queued before failing the rest. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    // IGNORE: the unique activity_uri makes a redelivery a no-op (0 rows) instead of an error.
    private static final String INSERT = "INSERT IGNORE INTO inbound_activity (activity_uri, actor_uri, activity_type, body,"
            + " state, attempts, received_at, next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)";
    private static final Row STOP = new Row(null, null, null, null, null);

    private final DataSource dataSource;
    private final Runnable afterInsert;
    private final LinkedBlockingQueue<Row> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /** {@code afterInsert} runs after a commit that added rows (it tells the inbound worker there is work). */
    public InboxWriter(DataSource dataSource, Runnable afterInsert) {
        this.dataSource = dataSource;
        this.afterInsert = afterInsert;
        this.thread = Thread.ofPlatform().name("weft-inbox-writer").daemon().unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** Rows queued and not yet taken by the writer (tests queue rows before {@link #start()} to fill one batch). */
    int waiting() {
        return queue.size();
    }

    /**
     * Stores a verified activity and returns once it is committed: true if it is new (or may be: a
     * batched insert on MariaDB does not say row by row), false when it was already stored (a redelivery).
     *
     * @throws InboxWriteException when it was not stored (a database error, or the server is stopping)
     */
    public boolean store(String activityUri, String actorUri, String type, String body, Instant receivedAt) {
        Row row = new Row(activityUri, actorUri, type, body, receivedAt);
        if (closed) {
            throw new InboxWriteException("The server is stopping", null);
        }
        queue.add(row);
        // close() may have emptied the queue between the check above and the add: then nobody would answer.
        if (closed && queue.remove(row)) {
            throw new InboxWriteException("The server is stopping", null);
        }
        try {
            return row.stored.get();
        } catch (ExecutionException e) {
            throw new InboxWriteException("Could not store " + activityUri, e.getCause());
        } catch (InterruptedException e) {
            // The row may still be committed; the sender will redeliver, which is a no-op then.
            Thread.currentThread().interrupt();
            throw new InboxWriteException("Interrupted while storing " + activityUri, e);
        }
    }

    /**
     * Writes what is already queued, then stops; rows still waiting after {@link #DRAIN} (a hung database)
     * or queued after the stop fail, so no caller waits forever. Call it after the web server has stopped
     * taking requests and before the database closes.
     */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        if (thread.isAlive()) {
            try {
                thread.join(DRAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Never interrupt the writer: H2 closes its file when a thread is interrupted inside it.
        List<Row> left = new ArrayList<>();
        queue.drainTo(left);
        for (Row row : left) {
            row.stored.completeExceptionally(new IllegalStateException("The server stopped before the row was written"));
        }
        // The drain took STOP too: put it back, so a writer that was only slow still ends after its batch.
        queue.add(STOP);
    }

    private void loop() {
        List<Row> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (batch.isEmpty()) {
                continue;
            }
            try {
                if (write(batch)) {
                    afterInsert.run();
                }
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "Inbox writer failed on a batch of " + batch.size(), e);
                batch.forEach(row -> row.stored.completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Inserts a batch and completes each row's future; returns whether any row was added. */
    private boolean write(List<Row> batch) {
        // Two deliveries of one activity in a batch: insert the first; the others share its outcome as
        // redeliveries. (The database would also keep one, but could not tell the callers which one won.)
        Map<String, Row> firsts = new HashMap<>();
        List<Row> unique = new ArrayList<>(batch.size());
        List<Row> repeats = new ArrayList<>();
        for (Row row : batch) {
            if (firsts.putIfAbsent(row.activityUri, row) == null) {
                unique.add(row);
            } else {
                repeats.add(row);
            }
        }
        boolean added = false;
        try {
            int[] counts = insertTogether(unique);
            for (int i = 0; i < unique.size(); i++) {
                // A MariaDB bulk insert answers SUCCESS_NO_INFO (-2) for every row: count it as (maybe) new.
                boolean isNew = counts[i] != 0;
                added |= isNew;
                unique.get(i).stored.complete(isNew);
            }
        } catch (SQLException e) {
            // One bad row fails the whole transaction; retry row by row so only that row's caller fails.
            LOG.log(Level.INFO, "Inbox batch of " + unique.size() + " failed (" + e.getMessage() + "); storing one by one");
            for (Row row : unique) {
                try {
                    boolean isNew = insertAlone(row);
                    added |= isNew;
                    row.stored.complete(isNew);
                } catch (SQLException rowError) {
                    LOG.log(Level.WARNING, "Could not store inbound activity " + row.activityUri, rowError);
                    row.stored.completeExceptionally(rowError);
                }
            }
        }
        for (Row repeat : repeats) {
            firsts.get(repeat.activityUri).stored.whenComplete((isNew, error) -> {
                if (error != null) {
                    repeat.stored.completeExceptionally(error);
                } else {
                    repeat.stored.complete(false);
                }
            });
        }
        return added;
    }

    private int[] insertTogether(List<Row> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int[] counts;
                if (rows.size() == 1) {
                    // A lone row (the idle case) gets an exact count, which a batch may not give.
                    bind(insert, rows.getFirst());
                    counts = new int[] {insert.executeUpdate()};
                } else {
                    for (Row row : rows) {
                        bind(insert, row);
                        insert.addBatch();
                    }
                    counts = insert.executeBatch();
                }
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private boolean insertAlone(Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, row);
            return insert.executeUpdate() > 0;
        }
    }

    private static void bind(PreparedStatement insert, Row row) throws SQLException {
        // Instants are stored as UTC wall-clock DATETIME(6), as Hibernate maps them (see Database).
        LocalDateTime at = LocalDateTime.ofInstant(row.receivedAt, ZoneOffset.UTC);
        insert.setString(1, row.activityUri);
        insert.setString(2, row.actorUri);
        insert.setString(3, row.type);
        insert.setString(4, row.body);
        insert.setObject(5, at);
        insert.setObject(6, at);
    }

    /** One activity waiting to be written, and the future its caller waits on. */
    private record Row(String activityUri, String actorUri, String type, String body, Instant receivedAt,
                       CompletableFuture<Boolean> stored) {
        Row(String activityUri, String actorUri, String type, String body, Instant receivedAt) {
            this(activityUri, actorUri, type, body, receivedAt, new CompletableFuture<>());
        }
    }

    /** The activity was not stored; the inbox answers with an error so the sender tries again. */
    public static final class InboxWriteException extends RuntimeException {
        InboxWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
