package org.weft.server.admin;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * {@code weft <command>}: the top of the operator CLI. With no command it serves.
 *
 * <p>It holds what the commands read from the process (the environment that configures them, standard input for
 * passwords), so that tests can run every command against their own settings without touching global state.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "Weft 0.1.0",
        description = "A federated ActivityPub server for mutual aid.",
        subcommands = {ServeCommand.class, GroupCommand.class, MemberCommand.class, TokenCommand.class,
                FollowersCommand.class, QueueCommand.class, AreaCommand.class, BoardCommand.class, InviteCommand.class,
                LinkCommand.class})
public final class WeftCli implements Callable<Integer> {
    private final Map<String, String> environment;
    private final InputStream stdin;

    /** The real process: {@code System.getenv()} and {@code System.in}. */
    public WeftCli() {
        this(System.getenv(), System.in);
    }

    WeftCli(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(environment);
    }
}
