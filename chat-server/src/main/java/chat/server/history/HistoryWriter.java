package chat.server.history;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The one thread that writes history. The loop hands over each turn's lines in one list; this
 * thread takes everything waiting (up to {@link #MAX_BATCH} turns) and commits it in one
 * transaction, a {@link Chunk} per target, so under load a commit carries thousands of lines and
 * when idle a line is committed within {@link #IDLE_NANOS} of arriving (well within the 50 ms the
 * durability promise allows). Pruning runs here too, once a minute.
 * A failed commit is logged and counted ({@code /stats}) and live chat goes on.
 */
final class HistoryWriter implements Runnable {
    private static final Logger LOG = System.getLogger(HistoryWriter.class.getName());
    static final int MAX_BATCH = 4_000;
    /** Past this many rows waiting, the loop stops reading clients until the writer catches up. */
    static final int BEHIND_ROWS = 20_000;
    static final int CAUGHT_UP_ROWS = 2_000;
    private static final long PRUNE_INTERVAL_MILLIS = 60_000;
    /** Group commit: after a commit the writer gathers for 10 ms (fewer, larger commits rewrite fewer partly filled pages); idle, a line waits at most this long. */
    private static final long IDLE_NANOS = 10_000_000;
    private static final Object STOP = new Object();

    /** A line to keep: its bytes as relayed, CRLF included (shared with the relay, read-only). */
    record Append(String target, long sequence, long epochMillis, String command, byte[] wireLine) {
    }

    private final HistoryDatabase database;
    private final HistoryConfig config;
    private final LongSupplier clock;
    private final Runnable caughtUp;
    /**
     * Lock-free, and the writer is never signalled per item: it polls, parking {@link #IDLE_NANOS}
     * when there is nothing. A blocking queue would wake the writer (a futex call on the loop
     * thread) once per loop turn; at the relay's rate that cost more than the writing.
     */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean behind;
    /** Rows per target, for pruning to the per-target limit; counted on this thread at its start. */
    private final Map<String, Long> counts = new HashMap<>();

    HistoryWriter(HistoryDatabase database, HistoryConfig config, LongSupplier clock, Runnable caughtUp) {
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.caughtUp = caughtUp;
    }

    /** Lines handed over (loop thread) and lines committed or given up on (writer thread), for read-your-writes. */
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();

    /** Called on the loop thread once a turn with that turn's lines: never blocks. */
    void append(List<Append> rows) {
        submitted.addAndGet(rows.size());
        queue.add(rows);
        if (waiting.addAndGet(rows.size()) > BEHIND_ROWS) {
            behind = true;
        }
    }

    /** Called on the loop thread: never blocks. */
    void saveRoom(RoomRecord room) {
        queue.add(room);
        waiting.incrementAndGet();
    }

    /** True while so many rows wait that the loop should stop reading clients. */
    boolean behind() {
        return behind;
    }

    long written() {
        return written.get();
    }

    long failed() {
        return failed.get();
    }

    int waiting() {
        return waiting.get();
    }

    /** How many lines have been handed over so far: a query waits for them to be committed. */
    long submitted() {
        return submitted.get();
    }

    /**
     * Waits (on a query's thread, never the loop) until the first {@code mark} lines handed over are
     * committed, nudging the writer past its gathering pause: a query then sees every line relayed
     * before it was asked, so a client catching up after a drop finds no gap. Gives up after 2 s
     * (a writer that stopped), answering with what is on disk.
     */
    void awaitCommitted(long mark) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (settled.get() < mark && System.nanoTime() < deadline) {
            LockSupport.unpark(thread);
            LockSupport.parkNanos(200_000);
        }
    }

    /** Returns once everything queued before the call is committed (tests, and a clean stop). */
    void flush() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        queue.add(done);
        LockSupport.unpark(thread);
        done.await();
    }

    /** Asks the thread to commit what is queued and end. */
    void stop() {
        queue.add(STOP);
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            countTargets(connection);
            long nextPrune = clock.getAsLong();
            List<Object> batch = new ArrayList<>(MAX_BATCH);
            boolean recentlyCommitted = false;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO chunks (target, last_seq, first_seq, lines, body) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement room = connection.prepareStatement(
                            "INSERT INTO rooms (folded, name, topic, topic_by, topic_seconds) VALUES (?, ?, ?, ?, ?)"
                                    + " ON CONFLICT(folded) DO UPDATE SET name = excluded.name, topic = excluded.topic,"
                                    + " topic_by = excluded.topic_by, topic_seconds = excluded.topic_seconds")) {
                while (true) {
                    // First, so the prune at start is done before anything queued is answered.
                    if (clock.getAsLong() >= nextPrune) {
                        prune(connection);
                        nextPrune = clock.getAsLong() + PRUNE_INTERVAL_MILLIS;
                    }
                    // Group commit: everything that arrived while the last commit ran goes into this one.
                    for (Object item; batch.size() < MAX_BATCH && (item = queue.poll()) != null; ) {
                        batch.add(item);
                    }
                    if (batch.isEmpty() || batch.size() < MAX_BATCH && !batch.contains(STOP)
                            && batch.stream().noneMatch(CountDownLatch.class::isInstance) && recentlyCommitted) {
                        // Nothing, or a little right after a commit: gather for a while first. A
                        // commit costs more than the lines in it (the WAL write), so at the relay's
                        // rate commits are at most one per IDLE_NANOS, each carrying thousands of lines.
                        recentlyCommitted = false;
                        LockSupport.parkNanos(this, IDLE_NANOS);
                    } else {
                        recentlyCommitted = true;
                        boolean stopping = batch.remove(STOP);
                        List<CountDownLatch> flushes = takeFlushes(batch);
                        commit(connection, insert, room, batch);
                        batch.clear();
                        flushes.forEach(CountDownLatch::countDown);
                        if (stopping) {
                            // Anything queued after the stop request still belongs to this run.
                            for (Object item; (item = queue.poll()) != null; ) {
                                batch.add(item);
                            }
                            batch.remove(STOP);
                            List<CountDownLatch> late = takeFlushes(batch);
                            commit(connection, insert, room, batch);
                            late.forEach(CountDownLatch::countDown);
                            return;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "history: the writer stopped; live chat goes on without history: " + e.getMessage(), e);
            failed.addAndGet(waiting.getAndSet(0));
            behind = false;
            caughtUp.run();
        }
    }

    private static List<CountDownLatch> takeFlushes(List<Object> batch) {
        List<CountDownLatch> flushes = new ArrayList<>();
        batch.removeIf(item -> item instanceof CountDownLatch latch && flushes.add(latch));
        return flushes;
    }

    private void commit(Connection connection, PreparedStatement insert, PreparedStatement room, List<Object> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Each target's lines of this commit become one chunk, in the order they were said.
        Map<String, List<Append>> byTarget = new LinkedHashMap<>();
        int rows = 0;
        for (Object item : batch) {
            if (item instanceof List<?> turn) {
                for (Object each : turn) {
                    Append row = (Append) each;
                    byTarget.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row);
                    rows++;
                }
            }
        }
        try {
            for (Map.Entry<String, List<Append>> chunk : byTarget.entrySet()) {
                List<Append> lines = chunk.getValue();
                insert.setString(1, chunk.getKey());
                insert.setLong(2, lines.get(lines.size() - 1).sequence());
                insert.setLong(3, lines.get(0).sequence());
                insert.setInt(4, lines.size());
                insert.setBytes(5, Chunk.encode(lines));
                insert.addBatch();
                counts.merge(chunk.getKey(), (long) lines.size(), Long::sum);
            }
            for (Object item : batch) {
                if (item instanceof RoomRecord record) {
                    room.setString(1, record.folded());
                    room.setString(2, record.name());
                    room.setString(3, record.topic());
                    room.setString(4, record.topicSetBy());
                    room.setLong(5, record.topicSetEpochSeconds());
                    room.addBatch();
                }
            }
            insert.executeBatch();
            room.executeBatch();
            connection.commit();
            written.addAndGet(rows);
        } catch (SQLException | RuntimeException e) {
            failed.addAndGet(rows);
            LOG.log(Level.ERROR, "history: " + rows + " messages could not be saved: " + e.getMessage());
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The next batch starts a new transaction either way.
            }
        } finally {
            settled.addAndGet(rows);
            int rooms = (int) batch.stream().filter(RoomRecord.class::isInstance).count();
            if (waiting.addAndGet(-(rows + rooms)) < CAUGHT_UP_ROWS && behind) {
                behind = false;
                caughtUp.run();
            }
        }
    }

    private void countTargets(Connection connection) throws SQLException {
        counts.clear();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT target, SUM(lines) FROM chunks GROUP BY target")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        connection.commit();
    }

    /**
     * Deletes the chunks whose newest line is older than the age limit, then the oldest chunks of
     * any target past its count limit (whole chunks: a target keeps at least the limit).
     */
    private void prune(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            long oldestKept = Sequences.first(clock.getAsLong() - config.maxAgeMillis());
            int aged = statement.executeUpdate("DELETE FROM chunks WHERE last_seq < " + oldestKept);
            connection.commit();
            if (aged > 0) {
                countTargets(connection);
            }
            int trimmed = 0;
            for (Map.Entry<String, Long> target : counts.entrySet()) {
                if (target.getValue() > config.maxPerTarget()) {
                    long excess = target.getValue() - config.maxPerTarget();
                    trimmed += trim(connection, target.getKey(), excess);
                    target.setValue(target.getValue() - excess);
                }
            }
            connection.commit();
            if (aged + trimmed > 0) {
                LOG.log(Level.INFO, "history: pruned " + aged + " chunks past the age limit and " + trimmed
                        + " past the per-conversation limit");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "history: pruning failed (tried again in a minute): " + e.getMessage());
        }
    }

    /** Deletes the oldest chunks of {@code target} that together hold at most {@code excess} lines. */
    private static int trim(Connection connection, String target, long excess) throws SQLException {
        long upTo = Long.MIN_VALUE;
        try (PreparedStatement oldest = connection.prepareStatement(
                "SELECT last_seq, lines FROM chunks WHERE target = ? ORDER BY last_seq ASC")) {
            oldest.setString(1, target);
            try (ResultSet rs = oldest.executeQuery()) {
                long removed = 0;
                while (rs.next() && removed + rs.getLong(2) <= excess) {
                    removed += rs.getLong(2);
                    upTo = rs.getLong(1);
                }
            }
        }
        if (upTo == Long.MIN_VALUE) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chunks WHERE target = ? AND last_seq <= ?")) {
            delete.setString(1, target);
            delete.setLong(2, upTo);
            return delete.executeUpdate();
        }
    }
}
