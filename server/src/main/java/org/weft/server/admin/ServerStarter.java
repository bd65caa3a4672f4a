package org.weft.server.admin;

import org.weft.server.config.WeftConfig;

/**
 * How {@code weft serve} starts the server. {@code Main}, which wires the server, hands it to {@link WeftCli}, so the
 * commands (an adapter) do not depend on the wiring above them.
 */
@FunctionalInterface
public interface ServerStarter {
    /** For a command line that serves nothing (tests of the other commands). */
    ServerStarter NONE = config -> {
        throw new IllegalStateException("This command line cannot start a server");
    };

    /** Starts a server with this configuration; returns what stops it. */
    Runnable start(WeftConfig config);
}
