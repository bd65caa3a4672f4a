package org.weft.server.admin;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import org.weft.server.domain.DomainException;
import org.weft.server.config.WeftConfig;
import org.weft.server.domain.NotFoundException;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.Database;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What an operator command needs: the configuration and the database (migrated), without starting
 * the web server. Commands run against the same database a running server uses.
 */
record OperatorContext(WeftConfig config, Database db, LocalUrls urls, Clock clock, PrintWriter out)
        implements AutoCloseable {
    /** Exit code for input the operator can correct (picocli uses the same for usage errors). */
    static final int BAD_INPUT = 2;

    static OperatorContext open(CommandSpec spec) {
        WeftConfig config = WeftConfig.load(environment(spec));
        Database db = Database.open(config.database(), config.dataDir());
        return new OperatorContext(config, db, new LocalUrls(config.baseUrl()), Clock.systemUTC(), spec.commandLine().getOut());
    }

    /**
     * Opens the context, runs a command's work and closes it again. A refused input (a {@link DomainException}: a
     * taken name, an invalid username, a short password, an unknown member; or an {@link IllegalArgumentException}:
     * a bad setting) prints its message in English and exits with {@link #BAD_INPUT}; the work runs in the services'
     * own transactions, so nothing is left half made.
     */
    static int run(CommandSpec spec, Function<OperatorContext, Integer> work) {
        try (OperatorContext ctx = open(spec)) {
            return work.apply(ctx);
        } catch (DomainException | IllegalArgumentException e) {
            return refuse(spec, e.getMessage());
        }
    }

    static int refuse(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("weft: " + message);
        return BAD_INPUT;
    }

    /** The environment of the process, or the one a test gave {@link WeftCli}. */
    static Map<String, String> environment(CommandSpec spec) {
        return spec.root().userObject() instanceof WeftCli cli ? cli.environment() : System.getenv();
    }

    /** What starts the server: the one {@code Main} gave {@link WeftCli}. */
    static ServerStarter server(CommandSpec spec) {
        return spec.root().userObject() instanceof WeftCli cli ? cli.server() : ServerStarter.NONE;
    }

    /** Standard input of the process, or the one a test gave {@link WeftCli}. */
    static InputStream stdin(CommandSpec spec) {
        return spec.root().userObject() instanceof WeftCli cli ? cli.stdin() : System.in;
    }

    @Override
    public void close() {
        db.close();
    }
}
