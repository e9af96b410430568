package chat.server.cluster;

import chat.protocol.IrcNames;
import chat.server.account.Account;
import chat.server.account.AccountStore;
import chat.server.account.RegisteredRoom;
import chat.server.account.ServerBan;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A cluster node's {@link AccountStore}: accounts, registered rooms and server bans live in
 * Redis, where every node reads them (docs/SCALING.md, "Accounts across the cluster"). One hash
 * each ({@code chat:accounts} by folded name, {@code chat:rooms} by folded room, {@code chat:bans}
 * by lower-case mask), one line of {@link AccountRecords} text a field. Every change is one
 * script that writes the field, counts {@code chat:accounts:version} up and PUBLISHes the new
 * record on {@code chat:all}, so every node (this one too) hears the changes in Redis's one
 * order and its replica ends where Redis is. All Redis work runs on one thread of its own
 * ({@code chat-cluster-accounts}) with its own connection; the loop only queues.
 */
public final class RedisAccountStore implements AccountStore {
    private static final System.Logger LOG = System.getLogger(RedisAccountStore.class.getName());
    static final String ACCOUNTS = "chat:accounts";
    static final String ROOMS = "chat:rooms";
    static final String BANS = "chat:bans";
    /** Event types: a changed account, registered room or ban; fields: version, key, record (null: gone). */
    static final String ACCOUNT_EVENT = "ACCT";
    static final String ROOM_EVENT = "REGROOM";
    static final String BAN_EVENT = "KBAN";
    static final int TIMEOUT_MILLIS = 2_000;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    static final String SPLIT = "Accounts, registered rooms and bans cannot be changed while this node is split from"
            + " the network; try again when it heals";

    /** Everything the store holds, as of {@code version} (the count of changes made so far). */
    record Snapshot(long version, List<Account> accounts, List<RegisteredRoom> rooms, List<ServerBan> bans) {
    }

    private final ClusterConfig config;
    private final ExecutorService worker;
    /** Worker thread only. */
    private Jedis jedis;
    private String writeSha;
    private volatile boolean running = true;
    /**
     * Loop thread only: why changes are refused now (null: they are accepted). Accepted from the
     * start: the store was just read, and a change is written to Redis, not to this node.
     */
    private String readOnly;
    /** The version of the store as read at start. */
    private volatile long loadedVersion;
    /** Called on the worker thread when a new account lost to one made at the same moment on another node. */
    private volatile BiConsumer<String, Account> lostRace = (folded, account) -> { };

    RedisAccountStore(ClusterConfig config) {
        this.config = config;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chat-cluster-accounts");
            thread.setDaemon(true);
            return thread;
        });
    }

    long loadedVersion() {
        return loadedVersion;
    }

    void loadedVersion(long version) {
        loadedVersion = version;
    }

    void onLostRace(BiConsumer<String, Account> handler) {
        lostRace = handler;
    }

    /** Loop thread: null accepts changes again; words refuse them (a split). */
    void readOnly(String why) {
        readOnly = why;
    }

    @Override
    public String readOnlyReason() {
        return readOnly;
    }

    @Override
    public void save(String folded, Account account) {
        write(ACCOUNTS, folded, AccountRecords.account(account), false, ACCOUNT_EVENT);
    }

    @Override
    public void create(String folded, Account account) {
        write(ACCOUNTS, folded, AccountRecords.account(account), true, ACCOUNT_EVENT, () -> lostRace.accept(folded, account));
    }

    @Override
    public void delete(String folded) {
        write(ACCOUNTS, folded, "", false, ACCOUNT_EVENT);
    }

    @Override
    public void saveRoom(String folded, RegisteredRoom room) {
        write(ROOMS, folded, AccountRecords.room(room), false, ROOM_EVENT);
    }

    @Override
    public void deleteRoom(String folded) {
        write(ROOMS, folded, "", false, ROOM_EVENT);
    }

    @Override
    public void saveBan(ServerBan ban) {
        write(BANS, banKey(ban.mask()), AccountRecords.ban(ban), false, BAN_EVENT);
    }

    @Override
    public void deleteBan(String mask) {
        write(BANS, banKey(mask), "", false, BAN_EVENT);
    }

    static String banKey(String mask) {
        return mask.toLowerCase(Locale.ROOT);
    }

    private void write(String hash, String field, String value, boolean onlyNew, String event) {
        write(hash, field, value, onlyNew, event, () -> { });
    }

    private void write(String hash, String field, String value, boolean onlyNew, String event, Runnable lost) {
        if (!running) {
            return;
        }
        worker.execute(() -> {
            try {
                writeNow(hash, field, value, onlyNew, event, lost);
            } catch (JedisException e) {
                // Held here until the next reload from Redis, which is what every node believes.
                LOG.log(Level.ERROR, "accounts: could not write " + hash + " " + field + " to Redis ("
                        + e.getMessage() + "); this node's change is undone when it next reads the store");
            }
        });
    }

    /** On the worker: one change, tried again once on a fresh connection (a restarted Redis forgot the script). */
    private void writeNow(String hash, String field, String value, boolean onlyNew, String event, Runnable lost) {
        List<String> args = List.of(field, value, onlyNew ? "new" : "any", event, config.nodeName());
        for (int attempt = 1; ; attempt++) {
            try {
                Object version = connection().evalsha(writeSha, List.of(hash), args);
                if (Long.valueOf(0).equals(version)) {
                    lost.run();
                }
                return;
            } catch (JedisException e) {
                disconnect();
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * On the worker: each record of {@code records} written where the store has none (what is
     * there wins), announced as any change.
     */
    private void writeAllAbsent(Snapshot records) {
        records.accounts().forEach(account -> writeNow(ACCOUNTS, IrcNames.fold(account.name()),
                AccountRecords.account(account), true, ACCOUNT_EVENT, () -> { }));
        records.rooms().forEach(room -> writeNow(ROOMS, IrcNames.fold(room.name()), AccountRecords.room(room), true,
                ROOM_EVENT, () -> { }));
        records.bans().forEach(ban -> writeNow(BANS, banKey(ban.mask()), AccountRecords.ban(ban), true, BAN_EVENT,
                () -> { }));
    }

    /** Start-up only: {@link #writeAllAbsent} now, waiting for it (a one-server file brought in). */
    void importRecords(Snapshot records) throws ExecutionException, TimeoutException, InterruptedException {
        onWorker(() -> {
            writeAllAbsent(records);
            return null;
        }, 30_000);
    }

    /** Start-up only: {@code work} on the worker thread, waited for. */
    <T> T onWorker(Callable<T> work, long timeoutMillis) throws ExecutionException, TimeoutException, InterruptedException {
        return worker.submit(work).get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes a node's replica back into a store that came back empty (Redis restarted without
     * persistence), each record only where it is absent, so two nodes doing it at once agree.
     */
    void restore(Snapshot replica, byte[] secret) {
        worker.execute(() -> {
            try {
                writeAllAbsent(replica);
                connection().setnx(AccountScripts.SECRET, Base64.getEncoder().encodeToString(secret));
            } catch (JedisException e) {
                disconnect();
                LOG.log(Level.ERROR, "accounts: could not write this node's accounts back to Redis: " + e.getMessage());
            }
        });
    }

    /**
     * Reads everything again on the worker (retrying with backoff while Redis fails) and hands it
     * to {@code then}, on the worker thread; nothing if the store closes first.
     */
    void reload(Consumer<Snapshot> then) {
        if (!running) {
            return;
        }
        worker.execute(() -> {
            long backoff = FIRST_BACKOFF_MILLIS;
            while (running) {
                try {
                    then.accept(snapshotNow());
                    return;
                } catch (JedisException e) {
                    disconnect();
                    LOG.log(Level.DEBUG, "accounts: cannot read the store yet: " + e.getMessage());
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException stop) {
                        return;
                    }
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
            }
        });
    }

    /** Worker thread only. */
    Snapshot snapshotNow() {
        List<?> all = (List<?>) connection().eval(AccountScripts.SNAPSHOT, 0);
        long version = Long.parseLong(String.valueOf(all.get(0)));
        List<Account> accounts = new ArrayList<>();
        List<RegisteredRoom> rooms = new ArrayList<>();
        List<ServerBan> bans = new ArrayList<>();
        each(all.get(1), text -> accounts.add(AccountRecords.account(text)));
        each(all.get(2), text -> rooms.add(AccountRecords.room(text)));
        each(all.get(3), text -> bans.add(AccountRecords.ban(text)));
        return new Snapshot(version, accounts, rooms, bans);
    }

    /** The values of an HGETALL answer (field, value, field, value ...); a record that does not parse is skipped. */
    private static void each(Object hgetall, Consumer<String> value) {
        List<?> pairs = (List<?>) hgetall;
        for (int i = 1; i < pairs.size(); i += 2) {
            try {
                value.accept(String.valueOf(pairs.get(i)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "accounts: skipped a record in Redis that does not parse (" + pairs.get(i - 1)
                        + "): " + e.getMessage());
            }
        }
    }

    /** The decoy secret: made by the first node, the same on all, so an unknown name's SCRAM salt is the same everywhere. */
    byte[] secretNow() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        connection().setnx(AccountScripts.SECRET, Base64.getEncoder().encodeToString(fresh));
        return Base64.getDecoder().decode(connection().get(AccountScripts.SECRET));
    }

    private Jedis connection() {
        if (jedis == null) {
            Jedis fresh = new Jedis(new HostAndPort(config.redisHost(), config.redisPort()), DefaultJedisClientConfig.builder()
                    .protocol(RedisProtocol.RESP2).connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS)
                    .password(config.redisPassword())
                    .clientName("chat-accounts-" + config.nodeName().replace(':', '_')).build());
            try {
                writeSha = fresh.scriptLoad(AccountScripts.WRITE);
            } catch (JedisException e) {
                fresh.close();
                throw e;
            }
            jedis = fresh;
        }
        return jedis;
    }

    private void disconnect() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (JedisException ignored) {
                // Already broken.
            }
            jedis = null;
        }
    }

    /** Writes what is queued (a few seconds at most), then closes the connection. */
    @Override
    public void close() {
        running = false;
        worker.execute(this::disconnect);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.ERROR, "accounts: writes to Redis still pending at shutdown");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
