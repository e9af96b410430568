package chat.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line per record: {@code 2026-11-23 19:24:07 INFO chat.server.Closer: closing #7 ...}.
 *
 * <p>Why not {@link java.util.logging.SimpleFormatter} with a format string: it asks every record
 * for its source class, which makes the JDK walk the stack to find the caller, and it formats
 * through {@code String.format}; with a log line per closed connection, the two were a tenth of
 * the event loop's time while thousands of clients left at once.
 */
final class LogLineFormatter extends Formatter {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** Puts this formatter on the root handlers, unless the operator configured logging themselves. */
    static void installUnlessConfigured() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
            return;
        }
        LogLineFormatter formatter = new LogLineFormatter();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(formatter);
        }
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        TIMESTAMP.formatTo(record.getInstant(), line);
        line.append(' ').append(record.getLevel().getName())
                .append(' ').append(record.getLoggerName())
                .append(": ").append(formatMessage(record))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
