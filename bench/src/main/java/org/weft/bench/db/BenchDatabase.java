package org.weft.bench.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.weft.server.config.DatabaseSettings;

/**
 * One empty database for one server under test, with the data directory that goes with it. Dropped (or
 * deleted) by {@link #close()}.
 */
public final class BenchDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 10; // the server's default (application.yaml)

    private final DbServer server;
    private final Path dataDir;
    private final String name;

    private BenchDatabase(DbServer server, Path dataDir, String name) {
        this.server = server;
        this.dataDir = dataDir;
        this.name = name;
    }

    /** A new empty database on {@code server}, with a new data directory under {@code root}. */
    public static BenchDatabase fresh(DbServer server, Path root) {
        try {
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "data-");
            if (server.kind() == DbKind.H2) {
                return new BenchDatabase(server, dir, null);
            }
            String name = "weft_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return new BenchDatabase(server, dir, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on " + server.serverUrl() + ": " + e.getMessage(), e);
        }
    }

    public DbKind kind() {
        return server.kind();
    }

    /** The MariaDB database's name (null for H2). */
    public String name() {
        return name;
    }

    public Path dataDir() {
        return dataDir;
    }

    public DatabaseSettings settings() {
        return server.kind() == DbKind.H2
                ? new DatabaseSettings("", "", "", POOL_SIZE)
                : new DatabaseSettings(server.serverUrl() + name, server.user(), server.password(), POOL_SIZE);
    }

    /** The JDBC URL the server itself opens. */
    public String jdbcUrl() {
        return settings().jdbcUrl(dataDir);
    }

    public String user() {
        return settings().userOrDefault();
    }

    public String password() {
        return settings().passwordOrDefault();
    }

    /** The WEFT_* variables that point a server at this database. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("WEFT_DATA_DIR", dataDir.toString());
        if (server.kind() == DbKind.MARIADB) {
            env.put("WEFT_DB_URL", settings().url());
            env.put("WEFT_DB_USER", server.user());
            env.put("WEFT_DB_PASSWORD", server.password());
        }
        return env;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    @Override
    public void close() {
        if (name != null) {
            try (Connection c = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                System.err.println("bench: could not drop " + name + ": " + e.getMessage());
            }
        }
        deleteTree(dataDir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
