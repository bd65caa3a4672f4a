package org.weft.server;

import java.util.Locale;

import org.weft.server.admin.ServerStarter;
import org.weft.server.admin.Serving;
import org.weft.server.admin.WeftCli;
import org.weft.server.persistence.Database;

/** Entry point: the operator CLI, whose default command runs the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // HTTP dates and signature strings must not depend on the machine's locale.
        Locale.setDefault(Locale.ROOT);
        ServerStarter server = config -> {
            WeftServer started = WeftServer.start(config);
            StartupCacheMark.leaveIfFlywayLoaded(System.getenv(), Database.flywayLoaded());
            return started::close;
        };
        // The server itself is started without the command line's parser: picocli's classes are the one part of a
        // start that the start-up cache cannot hold (BENCHMARKS.md, "G5 start-up: the launcher without picocli").
        int exit = Serving.asked(args) ? Serving.fromMain(server) : WeftCli.execute(server, args);
        // serve blocks until the process is stopped, so returning here means a command finished (or a start failed).
        System.exit(exit);
    }
}
