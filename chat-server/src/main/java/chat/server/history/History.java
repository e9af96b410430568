package chat.server.history;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the loop sees of history: appends that never block (the writer thread commits them), and
 * queries that run on the reader thread and answer through the loop's task queue, so the loop
 * never waits on the disk. {@link #disabled()} keeps nothing and answers every query with nothing.
 */
public final class History implements HistoryStore {
    private static final Logger LOG = System.getLogger(History.class.getName());
    /** Lines refused at {@link #append} (a command history cannot store); loop thread only. */
    private long refused;

    private final HistoryConfig config;
    private final HistoryDatabase database;
    private final HistoryWriter writer;
    private final Thread writerThread;
    private final HistoryReader reader;
    private final Executor queries;
    private final ExecutorService queryThread;
    private final Executor loop;
    private final Map<String, RoomRecord> rooms;
    private final long newestSequence;

    private History(HistoryConfig config, HistoryDatabase database, HistoryWriter writer, HistoryReader reader,
            ExecutorService queryThread, Executor queries, Executor loop, Map<String, RoomRecord> rooms,
            long newestSequence) {
        this.config = config;
        this.database = database;
        this.writer = writer;
        this.reader = reader;
        this.queryThread = queryThread;
        this.queries = queries;
        this.loop = loop;
        this.rooms = rooms;
        this.newestSequence = newestSequence;
        this.writerThread = writer == null ? null : new Thread(writer, "chat-history-writer");
        if (writerThread != null) {
            writerThread.setDaemon(true);
            writerThread.start();
        }
    }

    public static History disabled() {
        return new History(HistoryConfig.disabled(), null, null, null, null, Runnable::run, Runnable::run, Map.of(), 0);
    }

    /**
     * Opens the database in {@code config.dataDirectory()}. Queries run on a thread of their own
     * and their answers go to {@code loop}; {@code caughtUp} runs (on the writer thread) when the
     * writer is no longer behind, for the loop to read clients again.
     */
    public static History open(HistoryConfig config, LongSupplier clock, Executor loop, Runnable caughtUp)
            throws HistoryUnavailableException {
        ExecutorService queryThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chat-history-reader");
            thread.setDaemon(true);
            return thread;
        });
        return open(config, clock, queryThread, queryThread, loop, caughtUp);
    }

    /** As {@link #open(HistoryConfig, LongSupplier, Executor, Runnable)}, running queries on {@code queries} (tests: inline). */
    public static History open(HistoryConfig config, LongSupplier clock, Executor queries, Executor loop,
            Runnable caughtUp) throws HistoryUnavailableException {
        return open(config, clock, null, queries, loop, caughtUp);
    }

    private static History open(HistoryConfig config, LongSupplier clock, ExecutorService queryThread,
            Executor queries, Executor loop, Runnable caughtUp) throws HistoryUnavailableException {
        HistoryDatabase database = HistoryDatabase.open(config.dataDirectory());
        HistoryReader reader = new HistoryReader(database);
        try {
            Map<String, RoomRecord> rooms = database.rooms();
            long newest = reader.newestSequence();
            HistoryWriter writer = new HistoryWriter(database, config, clock, caughtUp);
            return new History(config, database, writer, reader, queryThread, queries, loop, rooms, newest);
        } catch (SQLException e) {
            reader.close();
            database.close();
            throw new HistoryUnavailableException("history: cannot read " + database.file() + ": " + e.getMessage(), e);
        } catch (HistoryUnavailableException e) {
            reader.close();
            database.close();
            throw e;
        }
    }

    @Override
    public boolean enabled() {
        return writer != null;
    }

    @Override
    public HistoryConfig config() {
        return config;
    }

    /** Rooms remembered from earlier runs (topics), by folded name. */
    @Override
    public Map<String, RoomRecord> rooms() {
        return rooms;
    }

    /** The newest sequence stored when the server started (0: none); msgids continue above it. */
    @Override
    public long newestSequence() {
        return newestSequence;
    }

    /** This turn's lines, handed to the writer together at the end of the turn (loop thread only). */
    private List<HistoryWriter.Append> turn = new ArrayList<>();

    /**
     * Keeps a line, as relayed: {@code wireLine} is its encoded bytes (CRLF included), shared with
     * the relay and never changed (loop thread; never blocks).
     */
    @Override
    public void append(String target, long sequence, long epochMillis, String command, byte[] wireLine) {
        if (writer == null) {
            return;
        }
        if (!Chunk.keeps(command)) {
            // Refused here, on its own: in the writer it would fail the whole commit it shares.
            LOG.log(Level.ERROR, "history: not a command history keeps, not kept: " + command);
            refused++;
            return;
        }
        turn.add(new HistoryWriter.Append(target, sequence, epochMillis, command, wireLine));
    }

    /** End of a loop turn: its lines go to the writer in one hand-over (one queue operation, not one per line). */
    @Override
    public void endTurn() {
        if (!turn.isEmpty()) {
            writer.append(turn);
            turn = new ArrayList<>();
        }
    }

    /** Keeps a room's settings (loop thread; never blocks). */
    @Override
    public void saveRoom(RoomRecord room) {
        if (writer != null) {
            writer.saveRoom(room);
        }
    }

    /** True while the writer is so far behind that the loop should stop reading clients. */
    @Override
    public boolean behind() {
        return writer != null && writer.behind();
    }

    /**
     * Runs the query off the loop; {@code found} or {@code failed} (with a reason for the client)
     * then runs on the loop. Without history: nothing found, at once.
     */
    @Override
    public void query(HistoryQuery query, Consumer<List<StoredLine>> found, Consumer<String> failed) {
        if (reader == null) {
            found.accept(List.of());
            return;
        }
        endTurn(); // this turn's lines too: what was said before the question is in the answer
        long mark = writer.submitted();
        queries.execute(() -> {
            try {
                writer.awaitCommitted(mark);
                List<StoredLine> lines = reader.run(query);
                loop.execute(() -> found.accept(lines));
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "history: a query for " + query.target() + " failed: " + e.getMessage());
                loop.execute(() -> failed.accept("History is not available right now"));
            }
        });
    }

    /** CHATHISTORY TARGETS off the loop, as {@link #query}. */
    @Override
    public void targets(List<String> rooms, List<String> conversationPatterns, long low, long high, int limit,
            Consumer<List<TargetActivity>> found, Consumer<String> failed) {
        if (reader == null) {
            found.accept(List.of());
            return;
        }
        queries.execute(() -> {
            try {
                List<TargetActivity> targets = reader.targets(rooms, conversationPatterns, low, high, limit);
                loop.execute(() -> found.accept(targets));
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "history: a TARGETS query failed: " + e.getMessage());
                loop.execute(() -> failed.accept("History is not available right now"));
            }
        });
    }

    /** Waits until every line appended so far is committed (tests; nothing on the loop calls it). */
    public void flush() throws InterruptedException {
        if (writer != null) {
            writer.flush();
        }
    }

    /** For /stats: lines written, lines that could not be written, lines waiting. */
    @Override
    public String stats() {
        if (writer == null) {
            return "history: off (--no-history)";
        }
        return "history: " + writer.written() + " lines written, " + (writer.failed() + refused) + " failed, "
                + writer.waiting() + " waiting, in " + database.file();
    }

    /** Commits everything queued (a clean stop loses nothing), then closes the file. */
    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        endTurn(); // the loop's last turn may not have handed its lines over
        writer.stop();
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queryThread != null) {
            queryThread.shutdown();
            try {
                queryThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader.close();
        database.close();
    }
}
