package chat.server;

import chat.protocol.TerminalText;
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

    /**
     * Replaces the root logger's console handler with an {@link AsyncLogHandler} on stderr using
     * this formatter, unless the operator configured logging themselves.
     */
    static void installUnlessConfigured() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler async = new AsyncLogHandler(System.err, new LogLineFormatter(), AsyncLogHandler.QUEUE_RECORDS);
        async.setLevel(level == null ? java.util.logging.Level.INFO : level);
        root.addHandler(async);
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        TIMESTAMP.formatTo(record.getInstant(), line);
        line.append(' ').append(record.getLevel().getName())
                .append(' ').append(record.getLoggerName())
                // Client text reaches the log (nicks, reasons): nothing in it may act on the terminal.
                .append(": ").append(TerminalText.escape(formatMessage(record)))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
