package org.weft.server.admin;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.weft.server.config.WeftConfig;

/**
 * Runs the server until the process is stopped: what {@code weft serve} does, with no command line parsed.
 *
 * <p>It names no picocli type, so that {@code Main} can start the server without loading picocli: its 170 classes are
 * Java 5 class files, which the JVM's AOT cache cannot keep, so they were read from the jar and verified on every
 * start, even with the start-up cache (BENCHMARKS.md, "G5 start-up: the launcher without picocli").
 */
public final class Serving {
    /** The exit code of a setting the operator can correct, as the other commands give (a constant: nothing loads). */
    static final int BAD_SETTING = OperatorContext.BAD_INPUT;
    /** The exit code picocli gives a command that failed. */
    static final int FAILED = 1;

    private Serving() {
    }

    /** Whether these arguments ask for the server: {@code serve} alone, or nothing (serve is the default command). */
    public static boolean asked(String[] args) {
        return args.length == 0 || args.length == 1 && args[0].equals("serve");
    }

    /**
     * Serves until the process stops, for {@code Main}; the result is the process's exit code. A failed start ends as
     * it did when picocli ran serve: a bad setting prints "weft: " and its message and gives {@link #BAD_SETTING}, any
     * other failure prints its stack trace and gives {@link #FAILED}.
     */
    public static int fromMain(ServerStarter server) {
        try {
            return serve(server, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("weft: " + e.getMessage());
            return BAD_SETTING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            e.printStackTrace();
            return FAILED;
        }
    }

    /** Starts the server with the configuration {@code environment} gives, and blocks until the process stops. */
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
