package chat.server.cluster;

import chat.server.history.HistoryConfig;
import chat.server.history.HistoryQuery;
import chat.server.history.HistoryStore;
import chat.server.history.RoomRecord;
import chat.server.history.StoredLine;
import chat.server.history.TargetActivity;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
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
 * loop's task queue; while the node is split from Redis they fail at once. Rooms' topics are
 * remembered in the hash {@code chat:topics}, read once at start.
 */
public final class ClusterHistory implements HistoryStore {
    private static final System.Logger LOG = System.getLogger(ClusterHistory.class.getName());
    static final String UNAVAILABLE = "History is not available right now";
    /** Rooms' topics, by folded name, for when a room is made again (as the local history's rooms table). */
    static final String ROOMS = "chat:topics";

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
    /** Rooms' topics as Redis had them when this node started. */
    private final Map<String, RoomRecord> rooms;

    private ClusterHistory(HistoryConfig config, ClusterConfig cluster, LongSupplier clock, Executor loop,
            Map<String, RoomRecord> rooms) {
        this.config = config;
        this.cluster = cluster;
        this.clock = clock;
        this.loop = loop;
        this.rooms = rooms;
        this.reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chat-cluster-history");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the rooms' remembered topics from Redis (once, at start, before the loop runs); the
     * rest happens on its own threads.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached
     */
    public static ClusterHistory open(HistoryConfig config, ClusterConfig cluster, LongSupplier clock, Executor loop)
            throws ClusterUnavailableException {
        Map<String, RoomRecord> rooms = new HashMap<>();
        try (Jedis jedis = Bus.connect(cluster, "chat-start-", Bus.TIMEOUT_MILLIS)) {
            jedis.hgetAll(ROOMS).forEach((folded, record) -> {
                RoomRecord room = decodeRoom(folded, record);
                if (room != null) {
                    rooms.put(folded, room);
                }
            });
        } catch (JedisException e) {
            throw new ClusterUnavailableException("cannot reach Redis at " + cluster.redisAddress() + ": " + e.getMessage());
        }
        return new ClusterHistory(config, cluster, clock, loop, rooms);
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

    @Override
    public Map<String, RoomRecord> rooms() {
        return rooms;
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

    /** Every node that applies a topic saves it: the same value, so the last write is as good as the first. */
    @Override
    public void saveRoom(RoomRecord room) {
        if (bus != null) {
            String record = String.join("\n", room.name(), orNul(room.topic()), orNul(room.topicSetBy()),
                    Long.toString(room.topicSetEpochSeconds()));
            bus.submit((pipeline, b) -> pipeline.hset(ROOMS, room.folded(), record));
        }
    }

    private static String orNul(String text) {
        return text == null ? "\0" : text;
    }

    /** A room's record as {@link #saveRoom} wrote it (name, topic, set by, set at; NUL for none), or null. */
    static RoomRecord decodeRoom(String folded, String record) {
        String[] parts = record.split("\n", -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            return new RoomRecord(folded, parts[0], parts[1].equals("\0") ? null : parts[1],
                    parts[2].equals("\0") ? null : parts[2], Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return null;
        }
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
