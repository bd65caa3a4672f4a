package org.weft.server.admin;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.weft.server.config.WeftConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the server until the process is stopped. */
@Command(name = "serve", description = "Run the server (the default command).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return serve(OperatorContext.server(spec), OperatorContext.environment(spec));
    }

    static int serve(ServerStarter server, Map<String, String> environment) throws InterruptedException {
        // Before the start: a stop asked for while the server starts waits for it, then stops it in order.
        StopWhenStarted stop = new StopWhenStarted();
        stop.handleStopSignals();
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "weft-shutdown"));
        try {
            stop.started(server.start(WeftConfig.load(environment)));
        } catch (RuntimeException | Error e) {
            stop.failed();
            throw e;
        }
        new CountDownLatch(1).await();
        return 0;
    }
}
