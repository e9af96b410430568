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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The one thread that writes history. The loop only adds to a queue; this thread takes everything
 * waiting (up to {@link #MAX_BATCH} rows) and commits it in one transaction, so under load a
 * commit carries thousands of rows and when idle a row is committed as soon as it arrives (well
 * within the 50 ms the durability promise allows). Pruning runs here too, once a minute.
 * A failed commit is logged and counted ({@code /stats}) and live chat goes on.
 */
final class HistoryWriter implements Runnable {
    private static final Logger LOG = System.getLogger(HistoryWriter.class.getName());
    static final int MAX_BATCH = 4_000;
    /** Past this many rows waiting, the loop stops reading clients until the writer catches up. */
    static final int BEHIND_ROWS = 20_000;
    static final int CAUGHT_UP_ROWS = 2_000;
    private static final long PRUNE_INTERVAL_MILLIS = 60_000;
    private static final Object STOP = new Object();

    /** A row to append. */
    record Append(String target, long sequence, long epochMillis, String command, String line) {
    }

    private final HistoryDatabase database;
    private final HistoryConfig config;
    private final LongSupplier clock;
    private final Runnable caughtUp;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
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

    /** Called on the loop thread: never blocks. */
    void append(Append row) {
        queue.add(row);
        if (waiting.incrementAndGet() > BEHIND_ROWS) {
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

    /** Returns once everything queued before the call is committed (tests, and a clean stop). */
    void flush() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        queue.add(done);
        done.await();
    }

    /** Asks the thread to commit what is queued and end. */
    void stop() {
        queue.add(STOP);
    }

    @Override
    public void run() {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            countTargets(connection);
            long nextPrune = clock.getAsLong();
            List<Object> batch = new ArrayList<>(MAX_BATCH);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO messages (seq, target, time_ms, command, line) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement room = connection.prepareStatement(
                            "INSERT INTO rooms (folded, name, topic, topic_by, topic_seconds) VALUES (?, ?, ?, ?, ?)"
                                    + " ON CONFLICT(folded) DO UPDATE SET name = excluded.name, topic = excluded.topic,"
                                    + " topic_by = excluded.topic_by, topic_seconds = excluded.topic_seconds")) {
                while (true) {
                    Object first = queue.poll(Math.max(1, nextPrune - clock.getAsLong()), TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, MAX_BATCH - 1);
                        boolean stopping = batch.remove(STOP);
                        List<CountDownLatch> flushes = takeFlushes(batch);
                        commit(connection, insert, room, batch);
                        batch.clear();
                        flushes.forEach(CountDownLatch::countDown);
                        if (stopping) {
                            // Anything queued after the stop request still belongs to this run.
                            queue.drainTo(batch);
                            batch.remove(STOP);
                            commit(connection, insert, room, batch);
                            return;
                        }
                    }
                    if (clock.getAsLong() >= nextPrune) {
                        prune(connection);
                        nextPrune = clock.getAsLong() + PRUNE_INTERVAL_MILLIS;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        int rows = 0;
        try {
            for (Object item : batch) {
                if (item instanceof Append row) {
                    insert.setLong(1, row.sequence());
                    insert.setString(2, row.target());
                    insert.setLong(3, row.epochMillis());
                    insert.setString(4, row.command());
                    insert.setString(5, row.line());
                    insert.addBatch();
                    counts.merge(row.target(), 1L, Long::sum);
                    rows++;
                } else if (item instanceof RoomRecord record) {
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
        } catch (SQLException e) {
            failed.addAndGet(rows);
            LOG.log(Level.ERROR, "history: " + rows + " messages could not be saved: " + e.getMessage());
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The next batch starts a new transaction either way.
            }
        } finally {
            if (waiting.addAndGet(-batch.size()) < CAUGHT_UP_ROWS && behind) {
                behind = false;
                caughtUp.run();
            }
        }
    }

    private void countTargets(Connection connection) throws SQLException {
        counts.clear();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT target, COUNT(*) FROM messages GROUP BY target")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        connection.commit();
    }

    /** Deletes what is older than the age limit, then the oldest rows of any target past its count limit. */
    private void prune(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            long oldestKept = Sequences.first(clock.getAsLong() - config.maxAgeMillis());
            int aged = statement.executeUpdate("DELETE FROM messages WHERE seq < " + oldestKept);
            connection.commit();
            if (aged > 0) {
                countTargets(connection);
            }
            int trimmed = 0;
            try (PreparedStatement trim = connection.prepareStatement("DELETE FROM messages WHERE target = ? AND seq <="
                    + " (SELECT seq FROM messages WHERE target = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)")) {
                for (Map.Entry<String, Long> target : counts.entrySet()) {
                    if (target.getValue() > config.maxPerTarget()) {
                        trim.setString(1, target.getKey());
                        trim.setString(2, target.getKey());
                        trim.setLong(3, config.maxPerTarget());
                        trimmed += trim.executeUpdate();
                        target.setValue((long) config.maxPerTarget());
                    }
                }
            }
            connection.commit();
            if (aged + trimmed > 0) {
                LOG.log(Level.INFO, "history: pruned " + aged + " messages past the age limit and " + trimmed
                        + " past the per-conversation limit");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "history: pruning failed (tried again in a minute): " + e.getMessage());
        }
    }
}
