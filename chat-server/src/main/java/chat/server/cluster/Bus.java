package chat.server.cluster;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The node's two Redis connections, each on a thread of its own, so the loop never waits for
 * Redis: {@code chat-cluster-publish} sends what the loop queued (pipelined, a batch per round
 * trip, its publishes as one {@link PublishBatch}) plus the heartbeat, {@code chat-cluster-subscribe}
 * receives {@code chat:all} and this node's channel and hands each payload's events to the loop at
 * once. Whatever happens here reaches the loop through the {@link Listener}, whose
 * implementation hands it to the loop's task queue.
 */
final class Bus {
    private static final System.Logger LOG = System.getLogger(Bus.class.getName());
    static final String ALL = "chat:all";
    static final long HEARTBEAT_MILLIS = 2_000;
    /** The alive key's life: a node that misses four heartbeats is gone as far as nick claims go. */
    static final long ALIVE_TTL_MILLIS = 9_000;
    /** Our own heartbeats come back every 2 s: this long without any line means Redis hangs. */
    static final long SILENCE_MILLIS = 6_000;
    private static final long TICK_MILLIS = 1_000;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    static final int TIMEOUT_MILLIS = 2_000;
    private static final int MAX_BATCH = 1_024;
    /**
     * What Redis may hold for a subscriber that does not read (client-output-buffer-limit pubsub):
     * past the hard limit, or over the soft one for 30 s, Redis closes its connection, and the
     * node sees a split.
     */
    static final String OUTPUT_LIMIT = "pubsub 67108864 16777216 30";

    /** Bus happenings, called on a bus thread. */
    interface Listener {
        /** The events of one payload, in order. */
        void events(List<Event> events);

        /** Both connections work again (or for the first time): the node may resynchronise. */
        void up(int slot);

        /** A connection failed: the node is split from the others until {@link #up}. */
        void down(String why);

        /** Once a second, for the loop's liveness checks. */
        void tick();
    }

    /** Work for the publishing connection. */
    interface Op {
        void queue(Pipeline pipeline, Bus bus);

        /** After the batch's round trip. */
        default void done() {
        }

        /** The connection failed before the answer came. */
        default void failed() {
        }
    }

    private final ClusterConfig config;
    private final String incarnation;
    private final Listener listener;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Map<String, String> channels = new ConcurrentHashMap<>();
    private final Object stateLock = new Object();
    private volatile boolean running = true;
    private Thread publisher;
    private Thread subscriber;
    private Jedis publishing;
    private volatile Jedis subscribing;
    private volatile long lastHeardNanos = System.nanoTime();
    private boolean publisherUp;
    private boolean subscriberUp;
    private boolean whole;
    private volatile int slot = -1;
    private String helloSha;
    private String heartbeatSha;
    private String claimSha;
    private String releaseSha;
    private String forgetSha;
    private byte[] keepSha;
    private byte[] publishBatchSha;
    /** The loop thread's: this turn's publishes, not yet handed over ({@link #endTurn}). */
    private final List<Publish> turnPublishes = new ArrayList<>();
    /** The publisher thread's: consecutive publishes of a round. */
    private final PublishBatch publishes = new PublishBatch();

    Bus(ClusterConfig config, String incarnation, Listener listener) {
        this.config = config;
        this.incarnation = incarnation;
        this.listener = listener;
    }

    /** A node's channel; the same string each time (a room message names up to one per node). */
    String channelOf(String node) {
        return channels.computeIfAbsent(node, name -> "chat:node:" + name);
    }

    /**
     * Connects, claims the node's name and msgid slot, and starts the threads.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached or the name is in use
     */
    int start() throws ClusterUnavailableException {
        try {
            publishing = connect(TIMEOUT_MILLIS);
            slot = hello(publishing);
        } catch (JedisException e) {
            closeQuietly(publishing);
            throw new ClusterUnavailableException("cannot reach Redis at " + config.redisAddress() + ": " + e.getMessage());
        }
        if (slot == -1) {
            closeQuietly(publishing);
            throw new ClusterUnavailableException("node name " + config.nodeName() + " is in use by a live node (choose "
                    + "another --node-name, or wait " + ALIVE_TTL_MILLIS / 1000 + " s after stopping it)");
        }
        if (slot < 0) {
            closeQuietly(publishing);
            throw new ClusterUnavailableException("all 256 node slots are in use");
        }
        synchronized (stateLock) {
            publisherUp = true;
        }
        publisher = new Thread(this::publishLoop, "chat-cluster-publish");
        subscriber = new Thread(this::subscribeLoop, "chat-cluster-subscribe");
        publisher.setDaemon(true);
        subscriber.setDaemon(true);
        publisher.start();
        subscriber.start();
        return slot;
    }

    private Jedis connect(int socketTimeoutMillis) {
        return connect(config, "chat-", socketTimeoutMillis);
    }

    /** A connection to the cluster's Redis, named {@code prefix}+node in CLIENT LIST; checked with a PING. */
    static Jedis connect(ClusterConfig config, String prefix, int socketTimeoutMillis) {
        Jedis jedis = new Jedis(new HostAndPort(config.redisHost(), config.redisPort()), DefaultJedisClientConfig.builder()
                .protocol(RedisProtocol.RESP2) // pub/sub and scripts as every Redis since 2.6 speaks them
                .connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(socketTimeoutMillis)
                .password(config.redisPassword()).clientName(prefix + config.nodeName().replace(':', '_')).build());
        jedis.ping();
        return jedis;
    }

    /** Loads the scripts (a restarted Redis has forgotten them) and claims name and slot. */
    private int hello(Jedis jedis) {
        try {
            jedis.configSet("client-output-buffer-limit", OUTPUT_LIMIT);
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "cluster: Redis refused to set its pubsub output limit ("
                    + e.getMessage() + "); it keeps its own");
        }
        helloSha = jedis.scriptLoad(Scripts.HELLO);
        heartbeatSha = jedis.scriptLoad(Scripts.HEARTBEAT);
        claimSha = jedis.scriptLoad(Scripts.CLAIM);
        releaseSha = jedis.scriptLoad(Scripts.RELEASE);
        forgetSha = jedis.scriptLoad(Scripts.FORGET);
        keepSha = jedis.scriptLoad(Scripts.PUBLISH_AND_KEEP).getBytes(StandardCharsets.US_ASCII);
        publishBatchSha = jedis.scriptLoad(Scripts.PUBLISH_BATCH).getBytes(StandardCharsets.US_ASCII);
        Object answer = jedis.evalsha(helloSha, List.of(), List.of(config.nodeName(), incarnation,
                Long.toString(ALIVE_TTL_MILLIS)));
        return ((Long) answer).intValue();
    }

    /**
     * Queues work for the publishing connection, after this turn's publishes; while it is down the
     * work fails at once. Like every method that sends, called on the loop thread.
     */
    void submit(Op op) {
        endTurn();
        if (!running) {
            op.failed();
            return;
        }
        queue.add(op);
    }

    /**
     * A publish, and the history streams its line goes into (none: not kept), gathered with its
     * neighbours in the queue into one {@link PublishBatch}.
     */
    private record Publish(List<String> channels, byte[] payload, List<String> streams, List<String> entry) {
        Publish(List<String> channels, byte[] payload) {
            this(channels, payload, List.of(), List.of());
        }
    }

    /** A turn's publishes, in order: one hand-over to the publisher instead of one a message. */
    private record Publishes(Publish[] each) implements Op {
        @Override
        public void queue(Pipeline pipeline, Bus bus) {
            for (Publish publish : each) {
                bus.publishes.add(publish.channels(), publish.payload());
                if (!publish.streams().isEmpty()) {
                    bus.publishes.keep(publish.streams(), publish.entry());
                }
            }
        }
    }

    /** {@code payload} (an {@link Event#encode}, read-only from now on) to {@code channel}. */
    void publish(String channel, byte[] payload) {
        publishToAll(List.of(channel), payload);
    }

    /**
     * One payload to several channels, in one step of Redis's order. It waits for the end of the
     * loop's turn ({@link #endTurn}), which hands the turn's publishes over together: one wake-up
     * of the publisher and one lock a turn rather than a message, and larger rounds for Redis.
     */
    void publishToAll(List<String> channels, byte[] payload) {
        turnPublishes.add(new Publish(channels, payload));
    }

    /** The loop's turn ends (or something else is queued): its publishes go to the publisher. */
    void endTurn() {
        if (turnPublishes.isEmpty()) {
            return;
        }
        Publishes turn = new Publishes(turnPublishes.toArray(new Publish[0]));
        turnPublishes.clear();
        if (running) {
            queue.add(turn);
        }
    }

    /**
     * {@code payload} to the channels (none: only kept) and a line into the history streams, in
     * one step of Redis's order, with the rest of the turn's publishes; {@code entry} is
     * {@link HistoryStreams#entry}.
     */
    void publishAndKeep(List<String> channels, byte[] payload, List<String> streams, List<String> entry) {
        turnPublishes.add(new Publish(channels, payload, streams, entry));
    }

    /**
     * Runs {@code then} (on the publishing thread) once everything queued before it has been
     * through Redis, or {@code failed} if the connection fails first: a history read asked after
     * a line was kept finds it.
     */
    void afterQueued(Runnable then, Runnable failed) {
        submit(new Op() {
            @Override
            public void queue(Pipeline pipeline, Bus bus) {
                // Nothing to send: the batch's round trip is the point.
            }

            @Override
            public void done() {
                then.run();
            }

            @Override
            public void failed() {
                failed.run();
            }
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Claims nicks: {@code pairs} are folded nick and holder; the answer is a list of 1/0, or null if Redis failed. */
    void claim(List<String> pairs, Consumer<List<Long>> answer) {
        submit(new Op() {
            private Response<Object> response;

            @Override
            public void queue(Pipeline pipeline, Bus bus) {
                response = pipeline.evalsha(bus.claimSha, List.of(), pairs);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void done() {
                Object result = response.get();
                answer.accept(result instanceof List<?> list ? (List<Long>) list : null);
            }

            @Override
            public void failed() {
                answer.accept(null);
            }
        });
    }

    void release(String foldedNick, String holder) {
        submit((pipeline, bus) -> pipeline.evalsha(bus.releaseSha, List.of(), List.of(foldedNick, holder)));
    }

    void forget(String node, String nodeIncarnation) {
        submit((pipeline, bus) -> pipeline.evalsha(bus.forgetSha, List.of(), List.of(node, nodeIncarnation)));
    }

    private void publishLoop() {
        long nextHeartbeat = 0;
        long nextTick = System.currentTimeMillis() + TICK_MILLIS;
        long backoff = FIRST_BACKOFF_MILLIS;
        List<Op> batch = new ArrayList<>();
        while (running) {
            if (!isPublisherUp()) {
                failQueued();
                try {
                    closeQuietly(publishing);
                    publishing = connect(TIMEOUT_MILLIS);
                    int newSlot = hello(publishing);
                    if (newSlot < 0) {
                        throw new JedisException("hello refused: " + newSlot);
                    }
                    slot = newSlot;
                    backoff = FIRST_BACKOFF_MILLIS;
                    failQueued();
                    markPublisher(true, null);
                    nextHeartbeat = 0;
                } catch (JedisException e) {
                    LOG.log(Level.DEBUG, "cluster: publisher still cannot reach Redis: " + e.getMessage());
                    backoff = pause(backoff);
                    tickIfDue(nextTick);
                    nextTick = Math.max(nextTick, System.currentTimeMillis() + TICK_MILLIS);
                    continue;
                }
            }
            try {
                Op first = queue.poll(Math.max(1, Math.min(nextHeartbeat, nextTick) - System.currentTimeMillis()),
                        TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.currentTimeMillis();
            Response<Object> beat = null;
            try {
                Pipeline pipeline = publishing.pipelined();
                for (Op op : batch) {
                    if (!(op instanceof Publishes)) {
                        publishes.queue(pipeline, publishBatchSha, keepSha); // what came before it goes first
                    }
                    op.queue(pipeline, this);
                }
                publishes.queue(pipeline, publishBatchSha, keepSha);
                if (now >= nextHeartbeat) {
                    pipeline.publish(utf8(ALL), Events.of(Events.HEARTBEAT, config.nodeName()).encode());
                    beat = pipeline.evalsha(heartbeatSha, List.of(), List.of(config.nodeName(), incarnation,
                            Integer.toString(slot), Long.toString(ALIVE_TTL_MILLIS)));
                    nextHeartbeat = now + HEARTBEAT_MILLIS;
                }
                pipeline.sync();
                for (Op op : batch) {
                    op.done();
                }
                if (beat != null && Long.valueOf(0).equals(beat.get())) {
                    // Declared lost (a long pause): introduce ourselves again, as after a split.
                    LOG.log(Level.WARNING, "cluster: this node was declared lost; joining again");
                    markPublisher(false, "declared lost");
                }
            } catch (JedisException | ClassCastException e) {
                publishes.clear();
                for (Op op : batch) {
                    op.failed();
                }
                markPublisher(false, "Redis connection failed: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cluster: unexpected failure publishing", e);
                publishes.clear();
                for (Op op : batch) {
                    op.failed();
                }
            }
            batch.clear();
            tickIfDue(nextTick);
            if (System.currentTimeMillis() >= nextTick) {
                nextTick = System.currentTimeMillis() + TICK_MILLIS;
            }
            watchSilence();
        }
        closeQuietly(publishing);
    }

    private void tickIfDue(long nextTick) {
        if (System.currentTimeMillis() >= nextTick) {
            listener.tick();
        }
    }

    /** A subscription that hears nothing, not even our own heartbeats, is on a Redis that hangs. */
    private void watchSilence() {
        Jedis current = subscribing;
        if (current != null && isSubscriberUp()
                && System.nanoTime() - lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(SILENCE_MILLIS)) {
            LOG.log(Level.WARNING, "cluster: nothing heard from Redis for " + SILENCE_MILLIS / 1000 + " s; reconnecting");
            current.disconnect(); // the blocked read fails, and the subscriber starts over
        }
    }

    private void failQueued() {
        List<Op> stale = new ArrayList<>();
        queue.drainTo(stale);
        for (Op op : stale) {
            op.failed();
        }
    }

    private void subscribeLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            Jedis jedis = null;
            try {
                jedis = connect(0);
                subscribing = jedis;
                lastHeardNanos = System.nanoTime();
                jedis.subscribe(new BinaryJedisPubSub() {
                    @Override
                    public void onSubscribe(byte[] channel, int count) {
                        if (count == 2) {
                            markSubscriber(true, null);
                        }
                    }

                    @Override
                    public void onMessage(byte[] channel, byte[] message) {
                        lastHeardNanos = System.nanoTime();
                        List<Event> events = Event.decodeAll(message);
                        if (!events.isEmpty()) {
                            listener.events(events);
                        }
                    }
                }, ALL.getBytes(StandardCharsets.UTF_8), channelOf(config.nodeName()).getBytes(StandardCharsets.UTF_8));
                backoff = FIRST_BACKOFF_MILLIS;
            } catch (JedisException e) {
                LOG.log(Level.DEBUG, "cluster: subscription failed: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cluster: unexpected failure in the subscription", e);
            } finally {
                subscribing = null;
                closeQuietly(jedis);
            }
            if (running) {
                markSubscriber(false, "Redis subscription lost");
                backoff = pause(backoff);
            }
        }
    }

    private boolean isPublisherUp() {
        synchronized (stateLock) {
            return publisherUp;
        }
    }

    private boolean isSubscriberUp() {
        synchronized (stateLock) {
            return subscriberUp;
        }
    }

    private void markPublisher(boolean up, String why) {
        synchronized (stateLock) {
            publisherUp = up;
            changed(why);
        }
    }

    private void markSubscriber(boolean up, String why) {
        synchronized (stateLock) {
            subscriberUp = up;
            changed(why);
        }
    }

    /** Tells the listener when the pair as a whole comes up or goes down (under the state lock, so in order). */
    private void changed(String why) {
        boolean nowWhole = publisherUp && subscriberUp;
        if (nowWhole && !whole) {
            whole = true;
            listener.up(slot);
        } else if (!nowWhole && whole) {
            whole = false;
            listener.down(why);
        }
    }

    private long pause(long backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }

    /** Sends what is queued (a node's QUITs at shutdown), then closes both connections. */
    void close(long waitMillis) {
        endTurn();
        long deadline = System.currentTimeMillis() + waitMillis;
        while (!queue.isEmpty() && System.currentTimeMillis() < deadline && isPublisherUp()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
        Jedis current = subscribing;
        if (current != null) {
            current.disconnect();
        }
        if (publisher != null) {
            publisher.interrupt();
        }
    }

    private static void closeQuietly(Jedis jedis) {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException ignored) {
                // Closing a connection that already failed.
            }
        }
    }
}
