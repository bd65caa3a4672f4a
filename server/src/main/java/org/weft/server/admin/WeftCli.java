package org.weft.server.admin;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.weft.server.config.WeftVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft <command>}: the top of the operator CLI. With no command it serves.
 *
 * <p>It holds what the commands read from the process (the environment that configures them, standard input for
 * passwords), so that tests can run every command against their own settings without touching global state.
 */
// INHERIT: every command, at every depth, takes --help (and --version), as docs/operating.md and ./weft's usage say.
@Command(name = "weft", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "Weft " + WeftVersion.VERSION,
        description = "A federated ActivityPub server for mutual aid.",
        subcommands = {ServeCommand.class, GroupCommand.class, MemberCommand.class, TokenCommand.class,
                FollowersCommand.class, QueueCommand.class, AreaCommand.class, BoardCommand.class, InviteCommand.class,
                LinkCommand.class, ModeratorCommand.class, StorageCommand.class, DomainCommand.class,
                ReportCommand.class})
public final class WeftCli implements Callable<Integer> {
    private final Map<String, String> environment;
    private final InputStream stdin;
    private final ServerStarter server;

    /** The real process: {@code System.getenv()} and {@code System.in}; {@code server} starts the server for serve. */
    public WeftCli(ServerStarter server) {
        this(System.getenv(), System.in, server);
    }

    /** A command line for tests: their own environment and input, and no server. */
    WeftCli(Map<String, String> environment, InputStream stdin) {
        this(environment, stdin, ServerStarter.NONE);
    }

    private WeftCli(Map<String, String> environment, InputStream stdin, ServerStarter server) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * Runs the command {@code args} name and returns the process's exit code. A bad setting or input that a command
     * did not catch itself prints "weft: " and its message and gives 2, as picocli's usage errors do.
     */
    public static int execute(ServerStarter server, String[] args) {
        return new CommandLine(new WeftCli(server))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("weft: " + e.getMessage());
                        return OperatorContext.BAD_INPUT;
                    }
                    throw e;
                })
                .execute(args);
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }

    ServerStarter server() {
        return server;
    }

    @Override
    public Integer call() throws Exception {
        return Serving.serve(server, environment);
    }
}
