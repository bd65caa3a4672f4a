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
 * a test can assert what an operator would read, e.g. that stopping the server leaves nothing alarming behind. Or,
 * with {@link #everything}, every record one logger lets through, at any level.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(Logger logger, Level threshold) {
        this.logger = logger;
        handler.setLevel(threshold);
        logger.addHandler(handler);
    }

    /** Starts capturing warnings and errors from every logger; close it to stop. */
    public static CapturedLog start() {
        return new CapturedLog(LogManager.getLogManager().getLogger(""), Level.WARNING);
    }

    /**
     * Starts capturing every record that {@code logger} (or a logger below it) writes, whatever its level; what is
     * written depends on the loggers' levels, which is what a test of them looks at.
     */
    public static CapturedLog everything(Logger logger) {
        return new CapturedLog(logger, Level.ALL);
    }

    /** The warnings and errors logged so far, oldest first: "LEVEL logger: message (cause: …)". */
    public List<String> warningsAndErrors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(CapturedLog::line).toList();
    }

    /** The records captured so far, oldest first. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages of the records captured so far, as given to the logger, oldest first. */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
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
        logger.removeHandler(handler);
    }
}
