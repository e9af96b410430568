package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Logging never waits for the log's reader: a stalled output drops and counts, never blocks. */
@Timeout(20)
class AsyncLogHandlerTest {
    /** An output that blocks every write until released, like a pipe nobody reads. */
    private static final class StalledOutput extends OutputStream {
        final CountDownLatch released = new CountDownLatch(1);
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                written.write(b, off, len);
            }
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("chat.server.net.Closer");
        return record;
    }

    @Test
    void publishingIntoAStalledOutputDropsAndCountsThenSaysSo() throws Exception {
        StalledOutput output = new StalledOutput();
        AsyncLogHandler handler = new AsyncLogHandler(output, new LogLineFormatter(), 100);
        long before = AsyncLogHandler.droppedTotal();
        for (int i = 0; i < 5_000; i++) {
            handler.publish(record("closing #" + i)); // returns at once although nothing can be written
        }
        long dropped = AsyncLogHandler.droppedTotal() - before;
        assertTrue(dropped >= 5_000 - 101, "dropped " + dropped);
        output.released.countDown();
        // Published until it gets in: while the queued hundred are written, the queue may still be full.
        while (!output.text().contains("after the stall") && !Thread.currentThread().isInterrupted()) {
            handler.publish(record("after the stall"));
            handler.flush();
        }
        assertTrue(output.text().contains(" log lines were dropped while the log output was not keeping up"),
                output.text());
    }

    @Test
    void controlCharactersInALogLineAreShownNotObeyed() {
        String line = new LogLineFormatter().format(record("closing #7 127.0.0.1 eve: \u001b]0;owned\u0007\u001b[2J"));
        assertTrue(line.endsWith("closing #7 127.0.0.1 eve: \\x1b]0;owned\\x07\\x1b[2J" + System.lineSeparator()), line);
        assertEquals(-1, line.indexOf('\u001b'));
    }
}
