package chat.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Log records written by a thread of their own. The event loop only puts a record in a bounded
 * queue and never waits: when stderr stops draining (a paused pipe, Ctrl-S in a terminal) the
 * writer blocks, the queue fills, and further records are dropped and counted instead of the
 * whole server stopping. When the writer gets through again it says how many were dropped.
 */
public final class AsyncLogHandler extends Handler {
    /** Records that may wait; at a few hundred bytes each, a few megabytes at most. */
    static final int QUEUE_RECORDS = 10_000;
    private static final AtomicLong DROPPED_TOTAL = new AtomicLong();

    private final BlockingQueue<LogRecord> queue;
    private final PrintStream out;
    private final AtomicLong droppedSinceLastWrite = new AtomicLong();

    AsyncLogHandler(OutputStream target, Formatter formatter, int capacity) {
        this.out = new PrintStream(target, false, StandardCharsets.UTF_8);
        this.queue = new ArrayBlockingQueue<>(capacity);
        setFormatter(formatter);
        Thread writer = new Thread(this::writeForever, "chat-log-writer");
        writer.setDaemon(true); // pending lines must not keep a stopped server alive
        writer.start();
    }

    /** Records dropped by every handler of this kind since the process started (console /stats). */
    public static long droppedTotal() {
        return DROPPED_TOTAL.get();
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        if (!queue.offer(record)) {
            droppedSinceLastWrite.incrementAndGet();
            DROPPED_TOTAL.incrementAndGet();
        }
    }

    private void writeForever() {
        try {
            while (true) {
                LogRecord record = queue.take();
                long dropped = droppedSinceLastWrite.getAndSet(0);
                if (dropped > 0) {
                    out.print(dropped + " log lines were dropped while the log output was not keeping up"
                            + System.lineSeparator());
                }
                out.print(getFormatter().format(record));
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (a little) for what is queued to be written; for tests and the end of the process. */
    @Override
    public void flush() {
        for (int i = 0; i < 100 && !queue.isEmpty(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
