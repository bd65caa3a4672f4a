package org.weft.server;

import java.util.Locale;

import org.weft.server.admin.WeftCli;
import picocli.CommandLine;

/** Entry point: the operator CLI, whose default command runs the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // HTTP dates and signature strings must not depend on the machine's locale.
        Locale.setDefault(Locale.ROOT);
        int exit = new CommandLine(new WeftCli(config -> WeftServer.start(config)::close))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("weft: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                })
                .execute(args);
        // serve blocks until the process is stopped, so returning here means a command finished.
        System.exit(exit);
    }
}
