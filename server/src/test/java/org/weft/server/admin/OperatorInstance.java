package org.weft.server.admin;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.hibernate.Session;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;
import org.weft.server.testing.TestDatabases;
import picocli.CommandLine;

/**
 * A throwaway instance for the operator commands: a data directory and a database of its own (H2 in a temporary
 * directory, or a fresh MariaDB database when the tests run on MariaDB), with the commands run in-process as
 * {@code ./weft …} runs them. A test class opens one in {@code @BeforeAll} and closes it (dropping the database) in
 * {@code @AfterAll}.
 */
final class OperatorInstance implements AutoCloseable {
    private final Path dataDir;
    private final DatabaseSettings database;
    private final Map<String, String> env;

    private OperatorInstance(Path dataDir, DatabaseSettings database, Map<String, String> env) {
        this.dataDir = dataDir;
        this.database = database;
        this.env = env;
    }

    /** A new instance whose public address is {@code origin}, with an empty, migrated database. */
    static OperatorInstance fresh(String origin) {
        Path dataDir = TestDatabases.tempDir();
        DatabaseSettings database = TestDatabases.fresh(dataDir);
        Map<String, String> env = new HashMap<>(Map.of("WEFT_DATA_DIR", dataDir.toString(), "WEFT_BASE_URL", origin));
        if (!database.isEmbedded()) {
            env.putAll(Map.of("WEFT_DB_URL", database.url(), "WEFT_DB_USER", database.user(),
                    "WEFT_DB_PASSWORD", database.password()));
        }
        return new OperatorInstance(dataDir, database, env);
    }

    Path dataDir() {
        return dataDir;
    }

    /** The environment the commands see: a copy, so a test may change it for one run. */
    Map<String, String> env() {
        return new HashMap<>(env);
    }

    /** {@code ./weft args…} with nothing on standard input. */
    Run weft(String... args) {
        return run(env, "", args);
    }

    /** {@code ./weft args…} with {@code stdin} on standard input (a password, a file's content). */
    Run weftWithStdin(String stdin, String... args) {
        return run(env, stdin, args);
    }

    /** Runs the command line in-process with this environment, as the {@code weft} script would. */
    static Run run(Map<String, String> environment, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new WeftCli(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Opens the instance's database the way the server does; the caller closes it. */
    Database openDatabase() {
        return Database.open(database, dataDir);
    }

    /** Reads (or changes) what the commands stored, in one transaction. */
    <T> T inDb(Function<Session, T> query) {
        try (Database db = openDatabase()) {
            return db.inTransaction(query);
        }
    }

    @Override
    public void close() {
        TestDatabases.drop(database);
    }

    /** What one command did: its exit code and what it printed. */
    record Run(int exit, String out, String err) {
    }
}
