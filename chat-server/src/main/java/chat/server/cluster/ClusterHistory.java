package chat.server.cluster;

import chat.server.history.HistoryConfig;
import chat.server.history.HistoryQuery;
import chat.server.history.HistoryStore;
import chat.server.history.RoomRecord;
import chat.server.history.StoredLine;
import chat.server.history.TargetActivity;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.exceptions.JedisException;

/**
 * History in a cluster: every node reads the same Redis streams ({@link HistoryStreams}), so
 * CHATHISTORY and the replay on join answer alike on every node. Lines are not kept here: the
 * node where a line is said keeps it in the same Redis step that publishes it
 * ({@link ClusterNetwork}), so {@link #append} has nothing to do. Queries run on
 * {@code chat-cluster-history}, a thread with its own Redis connection, and answer through the
 * loop's task queue; while the node is split from Redis they fail at once.
 */
public final class ClusterHistory implements HistoryStore {
    private static final System.Logger LOG = System.getLogger(ClusterHistory.class.getName());
    static final String UNAVAILABLE = "History is not available right now";

    private final HistoryConfig config;
    private final ClusterConfig cluster;
    private final LongSupplier clock;
    private final Executor loop;
    private final ExecutorService reader;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** The reader thread's connection, made when first needed and again after a failure. */
    private Jedis jedis;
    private ClusterNetwork network;
    private Bus bus;

    public ClusterHistory(HistoryConfig config, ClusterConfig cluster, LongSupplier clock, Executor loop) {
        this.config = config;
        this.cluster = cluster;
        this.clock = clock;
        this.loop = loop;
        this.reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chat-cluster-history");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The node's network and bus, once it has joined (before the loop runs). */
    void attach(ClusterNetwork clusterNetwork, Bus clusterBus) {
        this.network = clusterNetwork;
        this.bus = clusterBus;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public HistoryConfig config() {
        return config;
    }

    /** Topics are not kept beyond the nodes' memory in a cluster (docs/SCALING.md). */
    @Override
    public Map<String, RoomRecord> rooms() {
        return Map.of();
    }

    @Override
    public long newestSequence() {
        return 0; // msgids carry the node's slot: unique without looking at what is stored
    }

    @Override
    public void append(String target, long sequence, long epochMillis, String command, byte[] wireLine) {
        // Kept by ClusterNetwork, in the script that publishes the line.
    }

    @Override
    public void endTurn() {
    }

    @Override
    public void saveRoom(RoomRecord room) {
    }

    @Override
    public boolean behind() {
        return false;
    }

    @Override
    public void query(HistoryQuery query, Consumer<List<StoredLine>> found, Consumer<String> failed) {
        long now = clock.getAsLong();
        read(() -> reader().run(query, now), found, failed, "a query for " + query.target());
    }

    @Override
    public void targets(List<String> rooms, List<String> conversationPatterns, long low, long high, int limit,
            Consumer<List<TargetActivity>> found, Consumer<String> failed) {
        read(() -> reader().targets(rooms, conversationPatterns, low, high, limit), found, failed, "a TARGETS query");
    }

    /**
     * Runs {@code work} on the reader thread after the lines this node has queued so far are in
     * Redis (read-your-writes, as the local history waits for its writer), and its answer on the
     * loop. Split from Redis: fails at once.
     */
    private <T> void read(Supplier<T> work, Consumer<T> found, Consumer<String> failed, String what) {
        if (network == null || !network.isWhole()) {
            this.failed.incrementAndGet();
            failed.accept(UNAVAILABLE);
            return;
        }
        Runnable fail = () -> {
            this.failed.incrementAndGet();
            loop.execute(() -> failed.accept(UNAVAILABLE));
        };
        Runnable ask = () -> {
            try {
                T answer = work.get();
                answered.incrementAndGet();
                loop.execute(() -> found.accept(answer));
            } catch (JedisException | IllegalStateException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "history: " + what + " failed in Redis: " + e.getMessage());
                disconnect();
                fail.run();
            }
        };
        bus.afterQueued(() -> {
            try {
                reader.execute(ask);
            } catch (RejectedExecutionException stopping) {
                fail.run(); // the server is stopping
            }
        }, fail);
    }

    private StreamReader reader() {
        if (jedis == null) {
            jedis = Bus.connect(cluster, "chat-history-", Bus.TIMEOUT_MILLIS);
        }
        Jedis connection = jedis;
        return new StreamReader(new StreamReader.Streams() {
            @Override
            public List<StreamEntry> range(String key, String start, String end, int count) {
                return connection.xrange(key, start, end, count);
            }

            @Override
            public List<StreamEntry> reverseRange(String key, String end, String start, int count) {
                return connection.xrevrange(key, end, start, count);
            }

            @Override
            public List<String> keys(String pattern) {
                List<String> keys = new ArrayList<>();
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = connection.scan(cursor, new ScanParams().match(pattern).count(1_000));
                    keys.addAll(page.getResult());
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
                return keys;
            }
        }, config.maxAgeMillis());
    }

    private void disconnect() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException ignored) {
                // It failed already.
            }
            jedis = null;
        }
    }

    @Override
    public String stats() {
        return "history: in Redis (streams " + HistoryStreams.PREFIX + "*, about " + config.maxPerTarget()
                + " lines each), " + answered.get() + " queries answered, " + failed.get() + " failed";
    }

    @Override
    public void close() {
        reader.execute(this::disconnect);
        reader.shutdown();
        try {
            reader.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
