package org.weft.server.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the server logs while a test looks: every record at {@code WARNING} or above that reaches the root logger (all
 * of the server's loggers, and the libraries' through it), each as one line with the messages of its causes, so that
 * a test can assert what an operator would read, e.g. that stopping the server leaves nothing alarming behind.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger root = LogManager.getLogManager().getLogger("");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(line(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog() {
        handler.setLevel(Level.WARNING);
        root.addHandler(handler);
    }

    /** Starts capturing; close it to stop. */
    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** The warnings and errors logged so far, oldest first: "LEVEL logger: message (cause: …)". */
    public List<String> warningsAndErrors() {
        return List.copyOf(lines);
    }

    private static String line(LogRecord record) {
        String message = record.getMessage();
        if (message != null && record.getParameters() != null && record.getParameters().length > 0) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": " + message);
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(" (cause: ").append(t).append(')');
        }
        return line.toString();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
