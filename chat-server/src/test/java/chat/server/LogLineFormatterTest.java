package chat.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatterTest {
    @Test
    void recordBecomesOneLineWithTimeLevelLoggerAndMessage() {
        LogRecord record = new LogRecord(Level.INFO, "closing #7 127.0.0.1 bob: Connection closed");
        record.setLoggerName("chat.server.Closer");
        String line = new LogLineFormatter().format(record);
        assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO chat\\.server\\.Closer: "
                + "closing #7 127\\.0\\.0\\.1 bob: Connection closed\\R"), line);
    }

    @Test
    void thrownExceptionFollowsWithItsStackTrace() {
        LogRecord record = new LogRecord(Level.WARNING, "unexpected failure in the event loop");
        record.setLoggerName("chat.server.EventLoop");
        record.setThrown(new IllegalStateException("broken invariant"));
        String text = new LogLineFormatter().format(record);
        assertTrue(text.contains("WARNING chat.server.EventLoop: unexpected failure in the event loop"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: broken invariant"), text);
        assertTrue(text.contains("at chat.server.LogLineFormatterTest."), text);
    }
}
