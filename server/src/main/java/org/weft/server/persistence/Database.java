package org.weft.server.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.LibraryNotices;

/**
 * The database: a connection pool, the schema brought up to date by Flyway (when it is behind), and a Hibernate
 * session factory over it. Flyway owns the schema; Hibernate only maps it.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** Every mapped entity; kept in one list so tests can validate the mapping against the migrations. */
    public static final List<Class<?>> ENTITIES = List.of(
            ActorEntity.class, LocalAccountEntity.class, LocalUsernameEntity.class, FollowEntity.class,
            InboundActivityEntity.class, OutboundActivityEntity.class, DeliveryEntity.class,
            ApiTokenEntity.class, TombstoneEntity.class, AreaEntity.class, ProposalEntity.class, ResponseEntity.class,
            NotificationEntity.class, MessageEntity.class, WebSessionEntity.class, LoginDeviceEntity.class, InviteEntity.class,
            MemberSettingEntity.class, CommunitySettingEntity.class, MatchEntity.class,
            FediverseAccountEntity.class, ModeratorEntity.class, ConversationMessageEntity.class, FormSubmissionEntity.class,
            ThanksEntity.class, DomainBlockEntity.class, AccountBlockEntity.class, CommunityServerBlockEntity.class,
            ModerationActionEntity.class,
            ReportEntity.class, PollEntity.class, PollOptionEntity.class, PollVoteEntity.class,
            RemotePollEntity.class, RemotePollOptionEntity.class, RemotePollVoteEntity.class,
            DecisionEntity.class);

    private static final int DEADLOCK_ATTEMPTS = 4;

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final boolean embedded;
    private final LocalActorCommits localActorCommits = new LocalActorCommits();
    /** This process among those sharing the database: names its change-feed rows and the job leases it holds. */
    private final String nodeId = NodeIds.newId();
    /**
     * How many of this database's transactions each thread is inside (nested ones count too); see
     * {@link #inTransactionOnThisThread}.
     */
    private final ThreadLocal<int[]> openHere = ThreadLocal.withInitial(() -> new int[1]);
    /** Transactions opened while their thread was inside another: see {@link #transactionsInsideTransactions}. */
    private final LongAdder insideAnother = new LongAdder();
    /** What each thread's outermost open transaction runs once it has committed: see {@link #afterCommit}. */
    private final ThreadLocal<List<Runnable>> afterCommitHere = ThreadLocal.withInitial(ArrayList::new);

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, boolean embedded) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.embedded = embedded;
        EventListenerRegistry events = sessionFactory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        events.appendListeners(EventType.POST_COMMIT_INSERT, localActorCommits);
        events.appendListeners(EventType.POST_COMMIT_UPDATE, localActorCommits);
        events.appendListeners(EventType.POST_COMMIT_DELETE, localActorCommits);
        ChangeFeed feed = new ChangeFeed(nodeId);
        events.appendListeners(EventType.POST_INSERT, feed);
        events.appendListeners(EventType.POST_UPDATE, feed);
        events.appendListeners(EventType.POST_DELETE, feed);
    }

    /** Opens the pool, migrates the schema and maps the entities. */
    public static Database open(DatabaseSettings settings, Path dataDir) {
        return open(settings, dataDir, false);
    }

    /** As {@link #open(DatabaseSettings, Path)}; {@code validateMapping} asks Hibernate to check every column. */
    public static Database open(DatabaseSettings settings, Path dataDir, boolean validateMapping) {
        LibraryNotices.quiet();
        if (settings.isEmbedded()) {
            createDirectories(dataDir);
            EmbeddedServerAddress.ensureLoopback();
            SilentLockHolder.clear(DatabaseSettings.embeddedFile(dataDir), SilentLockHolder.PATIENCE);
        }
        long start = System.nanoTime();
        HikariDataSource pool = pool(settings, dataDir);
        try {
            long pooled = System.nanoTime();
            if (validateMapping) {
                // The mapping is checked against the schema, so it waits for the migrations.
                migrate(pool);
                long migrated = System.nanoTime();
                SessionFactory sessions = sessionFactory(pool, true);
                long mapped = System.nanoTime();
                LOG.info(() -> String.format("Database open: connection %d ms, migrations %d ms, mapping %d ms",
                        (pooled - start) / 1_000_000, (migrated - pooled) / 1_000_000, (mapped - migrated) / 1_000_000));
                return new Database(pool, sessions, settings.isEmbedded());
            }
            return new Database(pool, migrateWhileMapping(pool, start, pooled), settings.isEmbedded());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Runs the migrations on a thread of their own while Hibernate reads the mapping on this one. Reading the mapping
     * is CPU work (it asks the database only for its version) and the migrations are mostly waiting on the database,
     * or checking the history when there is nothing to run, so on two cores a start is shorter by the smaller of the
     * two. Nothing uses the sessions before both are done; a failed migration closes them and fails the start.
     */
    private static SessionFactory migrateWhileMapping(HikariDataSource pool, long start, long pooled) {
        FutureTask<Long> migrations = new FutureTask<>(() -> {
            migrate(pool);
            return System.nanoTime();
        });
        Thread.ofPlatform().name("weft-migrate").start(migrations);
        SessionFactory sessions;
        try {
            sessions = sessionFactory(pool, false);
        } catch (RuntimeException e) {
            awaitQuietly(migrations); // a migration is not cut off half-way by the pool closing under it
            throw e;
        }
        long mapped = System.nanoTime();
        try {
            long migrated = migrations.get();
            LOG.info(() -> String.format("Database open: connection %d ms, then side by side migrations %d ms"
                            + " and mapping %d ms", (pooled - start) / 1_000_000, (migrated - pooled) / 1_000_000,
                    (mapped - pooled) / 1_000_000));
            return sessions;
        } catch (ExecutionException e) {
            sessions.close();
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Migrations failed", e.getCause());
        } catch (InterruptedException e) {
            sessions.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the migrations ran", e);
        }
    }

    /** Waits for the migrations to end, whatever their outcome. */
    private static void awaitQuietly(FutureTask<Long> migrations) {
        try {
            migrations.get();
        } catch (ExecutionException ignored) {
            // the mapping's failure is the one reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code work} in one transaction. When the database picks this transaction as the victim of a deadlock (InnoDB
     * does so whenever two transactions lock the same rows in opposite orders, which concurrent workers on MariaDB
     * do now and then), the whole transaction is rolled back and {@code work} runs again, up to
     * {@value #DEADLOCK_ATTEMPTS} times in all: so {@code work} must be database work only, with nothing outside the
     * session that it cannot safely do twice. Only the outermost transaction of a thread is repeated; a nested one
     * that deadlocks against its caller would only deadlock again.
     */
    public <T> T inTransaction(Function<Session, T> work) {
        return retryingDeadlocks("Transaction", () -> sessionFactory.fromTransaction(work));
    }

    /**
     * Runs plain JDBC {@code work} on one pooled connection in one transaction, committed when it returns and rolled back
     * when it throws; for the queues' claims and outcome batches, where an ORM session cost more than their statements.
     * A deadlock victim or a Galera certification failure (SQLSTATE 40001, MariaDB error 1213, at any statement or at
     * the commit) is rolled back and run again, as {@link #inTransaction} does, so {@code work} must be database work
     * only. Any other failure is rolled back and thrown as an {@link IllegalStateException} that starts with
     * {@code what}.
     */
    public <T> T inJdbcTransaction(String what, SqlWork<T> work) {
        try {
            return retryingDeadlocks(what, () -> once(work));
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** One attempt at a transaction, which may fail with {@code X} (or an unchecked exception). */
    private interface Attempt<T, X extends Exception> {
        T run() throws X;
    }

    /**
     * Runs {@code attempt}, and again while it fails as a deadlock victim or a Galera certification failure, up to
     * {@value #DEADLOCK_ATTEMPTS} times in all; only in the thread's outermost transaction, since a nested one that
     * deadlocks against its caller would only deadlock again. Any other failure is thrown as it came.
     */
    private <T, X extends Exception> T retryingDeadlocks(String what, Attempt<T, X> attempt) throws X {
        int[] open = openHere.get();
        boolean outermost = open[0] == 0;
        if (!outermost) {
            insideAnother.increment();
            LOG.log(Level.WARNING, what + " opened inside another transaction of the same thread: it holds a second"
                    + " pooled connection while the first waits", new Throwable("opened here"));
        }
        open[0]++;
        T result;
        List<Runnable> committed = afterCommitHere.get();
        try {
            for (int tried = 1; ; tried++) {
                try {
                    result = attempt.run();
                    break;
                } catch (Exception e) {
                    if (outermost) {
                        // What the failed attempt meant to do after its commit: a repeated attempt registers its own.
                        committed.clear();
                    }
                    if (!outermost || tried >= DEADLOCK_ATTEMPTS || !DeadlockVictim.was(e)) {
                        throw e;
                    }
                    int next = tried + 1;
                    LOG.fine(() -> what + ": deadlock victim, running the transaction again (attempt " + next + ")");
                    DeadlockVictim.pause(tried);
                }
            }
        } finally {
            open[0]--;
        }
        if (outermost && !committed.isEmpty()) {
            List<Runnable> actions = List.copyOf(committed);
            committed.clear();
            actions.forEach(Runnable::run);
        }
        return result;
    }

    /**
     * Runs {@code action} once the calling thread's outermost transaction of this database has committed, outside it;
     * at once when the thread is in none. Dropped when that transaction rolls back (a deadlock victim's repeated
     * attempt registers its own). For what nobody may see before the transaction's writes are visible: a page that
     * marks what it shows as read is sent only after the mark is committed, or a reader who asks again at once (a
     * browser, a test) could still find it unread.
     */
    public void afterCommit(Runnable action) {
        if (inTransactionOnThisThread()) {
            afterCommitHere.get().add(action);
        } else {
            action.run();
        }
    }

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    public void run(Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /**
     * Whether the calling thread is inside one of this database's transactions. Nothing slow may happen there (a
     * transaction holds a pooled connection and its row locks until it ends): the HTTP client checks this before
     * every request it makes.
     */
    public boolean inTransactionOnThisThread() {
        return openHere.get()[0] > 0;
    }

    /**
     * How many transactions were opened, since start, by a thread already inside one: 0 unless there is a bug (each is
     * logged with where it came from). Such a transaction holds a second pooled connection while its caller's waits, so
     * as many threads doing it at once as the pool has connections wait on each other until the pool's timeout (30 s)
     * and fail: a page that did so broke as soon as that many signed-in people looked at it at once.
     */
    public long transactionsInsideTransactions() {
        return insideAnother.sum();
    }

    /**
     * Calls {@code listener} with the uri of every local actor that a transaction of this process inserted, updated or
     * deleted, right after that transaction ends (on the thread that ran it). For copies of local actors kept in
     * memory: whatever changes an actor through Hibernate reaches it, with nothing for the changing code to remember.
     * Writes by another process sharing the database do not.
     */
    public void onLocalActorCommit(Consumer<String> listener) {
        localActorCommits.add(listener);
    }

    /**
     * The id of this node among the processes sharing the database (a new one each time the database is opened):
     * it names the change-feed rows this process writes and the job leases it holds.
     */
    public String nodeId() {
        return nodeId;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isEmbedded() {
        return embedded;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }

    private static HikariDataSource pool(DatabaseSettings settings, Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl(dataDir));
        config.setUsername(settings.userOrDefault());
        config.setPassword(settings.passwordOrDefault());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("weft-db");
        // Queue claims rely on row locks held for the length of one short transaction.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * Brings the schema up to date. Flyway runs only when the history says a packaged migration is not applied, or
     * holds anything else for Flyway to judge (see {@link SchemaHistory}); most starts find the schema current and
     * never load Flyway. Such a start does not compare the applied scripts' checksums with the packaged ones: the next
     * start that runs a migration does.
     */
    private static void migrate(DataSource dataSource) {
        if (schemaIsCurrent(dataSource)) {
            LOG.fine("Schema current: every packaged migration is applied; Flyway not needed");
            return;
        }
        FlywayMigrations.migrate(dataSource);
    }

    /**
     * Whether this process has run Flyway, and so loaded its classes, which a start on a current schema does not
     * ({@link #migrate}). The launcher's start-up cache keeps every class the run that wrote it loaded, so a cache
     * written by such a run is worth writing again (see {@code StartupCacheMark}).
     */
    public static boolean flywayLoaded() {
        return FlywayMigrations.loaded();
    }

    /** Whether the history says there is nothing to migrate; a database that cannot be asked is Flyway's to report. */
    private static boolean schemaIsCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaHistory.isCurrent(connection);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Weft's migrations up to {@code version} and no further, SQL and Java as the server runs them, for a test that
     * checks what a later migration does to old rows. Such a test may be the first to touch H2 in its JVM, so H2's
     * listener is kept on loopback first, as {@link #open} does (H2 reads that setting once, when it loads).
     */
    static FluentConfiguration migrationsUpTo(String version, DatabaseSettings settings, Path dataDir) {
        if (settings.isEmbedded()) {
            EmbeddedServerAddress.ensureLoopback();
        }
        return FlywayMigrations.upTo(version, settings, dataDir);
    }

    private static SessionFactory sessionFactory(DataSource dataSource, boolean validateMapping) {
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        configuration.setProperty("hibernate.hbm2ddl.auto", validateMapping ? "validate" : "none");
        // Instants are stored as UTC wall-clock DATETIME(6) on both databases.
        configuration.setProperty("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP");
        configuration.setProperty("hibernate.jdbc.time_zone", "UTC");
        configuration.setProperty("hibernate.jdbc.batch_size", "50");
        configuration.setProperty("hibernate.order_inserts", "true");
        // Naming the database product and version (read once here) lets Hibernate pick its dialect without reading
        // the JDBC metadata at start (validation still does), and without the warning an explicit dialect gives.
        describeDatabase(dataSource).forEach(configuration::setProperty);
        configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", String.valueOf(validateMapping));
        configuration.getStandardServiceRegistryBuilder()
                .addService(BytecodeProvider.class, ProxiesWhenNeeded.aroundHibernates());
        return configuration.buildSessionFactory();
    }

    private static Map<String, String> describeDatabase(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return Map.of(
                    "jakarta.persistence.database-product-name", meta.getDatabaseProductName(),
                    "jakarta.persistence.database-product-version", meta.getDatabaseProductVersion(),
                    "jakarta.persistence.database-major-version", String.valueOf(meta.getDatabaseMajorVersion()),
                    "jakarta.persistence.database-minor-version", String.valueOf(meta.getDatabaseMinorVersion()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
