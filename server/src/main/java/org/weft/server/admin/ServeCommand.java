package org.weft.server.admin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.weft.server.WeftServer;
import org.weft.server.config.WeftConfig;
import picocli.CommandLine.Command;

/** Runs the server until the process is stopped. */
@Command(name = "serve", description = "Run the server (the default command).")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        WeftServer server = WeftServer.start(WeftConfig.load());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "weft-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}
