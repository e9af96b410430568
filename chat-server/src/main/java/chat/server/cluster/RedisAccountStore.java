package chat.server.cluster;

import chat.protocol.IrcNames;
import chat.server.account.Account;
import chat.server.account.AccountConfig;
import chat.server.account.AccountDatabase;
import chat.server.account.Accounts;
import chat.server.account.Identity;
import chat.server.account.RegisteredRooms;
import chat.server.account.ServerBans;
import chat.server.account.AccountStore;
import chat.server.account.RegisteredRoom;
import chat.server.account.ServerBan;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
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
    private static final int TIMEOUT_MILLIS = 2_000;
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

    private RedisAccountStore(ClusterConfig config) {
        this.config = config;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chat-cluster-accounts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A cluster node's accounts: kept in the cluster's Redis, read from it now (before the loop
     * runs), hashing on worker threads that answer through {@code loop}. An accounts.db in the
     * data directory is brought in once (see {@link #importFile}).
     *
     * @throws ClusterUnavailableException when Redis cannot be reached
     */
    public static Identity identity(AccountConfig accounts, ClusterConfig cluster, Executor loop)
            throws ClusterUnavailableException {
        Loaded loaded = open(cluster, accounts.dataDirectory());
        RedisAccountStore store = loaded.store();
        store.loadedVersion = loaded.snapshot().version();
        return Identity.stored(accounts, store, new Accounts(store, loaded.snapshot().accounts(), loaded.secret()),
                new ServerBans(store, loaded.snapshot().bans()), new RegisteredRooms(store, loaded.snapshot().rooms()), loop);
    }

    private static Loaded open(ClusterConfig config, Path dataDirectory) throws ClusterUnavailableException {
        RedisAccountStore store = new RedisAccountStore(config);
        try {
            store.importFile(dataDirectory);
            Loaded loaded = store.worker.submit(() -> new Loaded(store, store.snapshotNow(), store.secretNow()))
                    .get(3L * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            LOG.log(Level.INFO, "accounts: kept in Redis at " + config.redisAddress() + " (" + loaded.snapshot.accounts().size()
                    + " accounts, " + loaded.snapshot.rooms().size() + " registered rooms, " + loaded.snapshot.bans().size()
                    + " bans)");
            return loaded;
        } catch (ClusterUnavailableException e) {
            store.close();
            throw e;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            store.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ClusterUnavailableException("accounts: cannot read them from Redis at " + config.redisAddress()
                    + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new ClusterUnavailableException("accounts: interrupted while reading them from Redis");
        }
    }

    /** The store, what it held at start, and the secret every node salts its SCRAM decoys with. */
    private record Loaded(RedisAccountStore store, Snapshot snapshot, byte[] secret) {
    }

    long loadedVersion() {
        return loadedVersion;
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
     * A one-server {@code accounts.db} found in the data directory goes into the cluster's store
     * once, before it is read: each account, registered room and ban that Redis does not have yet
     * (the network's own win). The file is then renamed {@code accounts.db.imported}, so a record
     * deleted on the network later is not brought back by the next start.
     */
    private void importFile(Path directory) throws ClusterUnavailableException {
        Path file = directory == null ? null : directory.resolve("accounts.db");
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Snapshot found;
            try (AccountDatabase database = AccountDatabase.open(directory)) {
                found = new Snapshot(0, database.loadAccounts(), database.loadRooms(), database.loadBans());
            }
            worker.submit(() -> {
                found.accounts().forEach(account -> writeNow(ACCOUNTS, IrcNames.fold(account.name()),
                        AccountRecords.account(account), true, ACCOUNT_EVENT, () -> { }));
                found.rooms().forEach(room -> writeNow(ROOMS, IrcNames.fold(room.name()), AccountRecords.room(room), true,
                        ROOM_EVENT, () -> { }));
                found.bans().forEach(ban -> writeNow(BANS, banKey(ban.mask()), AccountRecords.ban(ban), true, BAN_EVENT,
                        () -> { }));
                return null;
            }).get(30, TimeUnit.SECONDS);
            Path done = directory.resolve("accounts.db.imported");
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
            LOG.log(Level.INFO, "accounts: " + found.accounts().size() + " accounts, " + found.rooms().size()
                    + " registered rooms and " + found.bans().size() + " bans of " + file + " are now in the cluster's Redis"
                    + " (those it did not have); the file is renamed " + done.getFileName());
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new ClusterUnavailableException("accounts: cannot bring " + file + " into the cluster: "
                    + (e instanceof ExecutionException ? e.getCause() : e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("accounts: interrupted while bringing " + file + " into the cluster");
        }
    }

    /**
     * Writes a node's replica back into a store that came back empty (Redis restarted without
     * persistence), each record only where it is absent, so two nodes doing it at once agree.
     */
    void restore(Snapshot replica, byte[] secret) {
        replica.accounts().forEach(account -> write(ACCOUNTS, IrcNames.fold(account.name()),
                AccountRecords.account(account), true, ACCOUNT_EVENT));
        replica.rooms().forEach(room -> write(ROOMS, IrcNames.fold(room.name()), AccountRecords.room(room), true,
                ROOM_EVENT));
        replica.bans().forEach(ban -> write(BANS, banKey(ban.mask()), AccountRecords.ban(ban), true, BAN_EVENT));
        worker.execute(() -> {
            try {
                connection().setnx(AccountScripts.SECRET, Base64.getEncoder().encodeToString(secret));
            } catch (JedisException e) {
                disconnect();
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

    private Snapshot snapshotNow() {
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
    private byte[] secretNow() {
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
