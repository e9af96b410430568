package chat.server.cluster;

import chat.server.ChatServer;
import chat.server.ServerConfig;
import chat.server.account.Account;
import chat.server.account.AccountConfig;
import chat.server.account.AccountDatabase;
import chat.server.account.Identity;
import chat.server.account.PasswordHasher;
import chat.server.account.ScramCredentials;
import chat.server.history.HistoryConfig;
import chat.server.net.Clock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * What keeping accounts in Redis costs next to accounts.db (docs/SCALING.md, "Accounts across
 * the cluster"): a change written (per change, queued back to back, until the writer is done),
 * a change seen by another node (Redis only: from the save to its event on {@code chat:all}),
 * reading 10,000 accounts at start, and a SASL PLAIN login end to end, one server on accounts.db
 * against one cluster node, alternating. Not JMH: the costs are milliseconds of I/O, not
 * nanoseconds of CPU. Needs a redis-server of its own (its data is overwritten):
 * {@code java -cp chat-jmh/target/benchmarks.jar chat.server.cluster.AccountStoreCost REDIS_PORT}
 */
public final class AccountStoreCost {
    private static final String PASSWORD = "correct horse battery";
    private static final int WRITES = 300;
    private static final int LOADED = 10_000;
    private static final int LOGINS = 20;

    private AccountStoreCost() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ClusterConfig cluster = new ClusterConfig("127.0.0.1", port, null, "cost");
        try (Jedis redis = new Jedis("127.0.0.1", port)) {
            redis.flushAll();
        }
        Path dir = Files.createTempDirectory("account-cost");
        PasswordHasher hasher = new PasswordHasher();
        Account template = new Account("x", hasher.hash(PASSWORD), ScramCredentials.derive(PASSWORD), Set.of(), 0);

        for (int round = 1; round <= 2; round++) {
            Path db = dir.resolve("sqlite-" + round);
            AccountDatabase sqlite = AccountDatabase.open(db);
            long t0 = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                sqlite.save("w" + i, named(template, "w" + i));
            }
            sqlite.close();
            long sqliteWrite = System.nanoTime() - t0;
            Identity redisIdentity = ClusterAccounts.open(AccountConfig.defaults(), cluster, Runnable::run);
            t0 = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                redisIdentity.store().save("w" + i, named(template, "w" + i));
            }
            redisIdentity.close();
            long redisWrite = System.nanoTime() - t0;
            System.out.printf("round %d: a change written, %d back to back: accounts.db %.0f us, Redis %.0f us%n", round,
                    WRITES, sqliteWrite / 1e3 / WRITES, redisWrite / 1e3 / WRITES);
        }

        System.out.println("a change seen by another node (Redis): " + seenElsewhere(cluster, port, template));

        fillFile(dir.resolve("big"), template);
        try (Jedis redis = new Jedis("127.0.0.1", port)) {
            redis.flushAll();
        }
        Identity bigRedis = ClusterAccounts.open(AccountConfig.defaults(), cluster, Runnable::run);
        for (int i = 0; i < LOADED; i++) {
            bigRedis.store().save("l" + i, named(template, "l" + i));
        }
        bigRedis.close();
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            AccountDatabase reopened = AccountDatabase.open(dir.resolve("big"));
            int count = reopened.loadAccounts().size();
            reopened.close();
            long sqliteLoad = System.nanoTime() - t0;
            t0 = System.nanoTime();
            Identity loaded = ClusterAccounts.open(AccountConfig.defaults(), cluster, Runnable::run);
            int redisCount = loaded.accounts().count();
            loaded.close();
            long redisLoad = System.nanoTime() - t0;
            System.out.printf("round %d: start-up read of %d / %d accounts: accounts.db %.0f ms, Redis %.0f ms%n", round,
                    count, redisCount, sqliteLoad / 1e6, redisLoad / 1e6);
        }
        try (Jedis redis = new Jedis("127.0.0.1", port)) {
            System.out.println("Redis memory for the accounts hash: " + redis.memoryUsage(RedisAccountStore.ACCOUNTS, 0)
                    + " bytes for " + redis.hlen(RedisAccountStore.ACCOUNTS) + " accounts; accounts.db "
                    + Files.size(dir.resolve("big").resolve("accounts.db")) + " bytes for " + LOADED);
        }
        logins(cluster, dir, template);
        System.exit(0);
    }

    /**
     * 10,000 accounts in an accounts.db, in one transaction: the writer's one fsync per change
     * would take minutes on a loaded machine, and only the reading is measured.
     */
    private static void fillFile(Path directory, Account template) throws Exception {
        AccountDatabase.open(directory).close(); // the schema
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("accounts.db"))) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO accounts (folded, name, password_hash,"
                    + " scram_salt, scram_iterations, stored_key, server_key, fingerprints, created)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, '', 0)")) {
                for (int i = 0; i < LOADED; i++) {
                    insert.setString(1, "l" + i);
                    insert.setString(2, "l" + i);
                    insert.setString(3, template.passwordHash());
                    insert.setBytes(4, template.scram().salt());
                    insert.setInt(5, template.scram().iterations());
                    insert.setBytes(6, template.scram().storedKey());
                    insert.setBytes(7, template.scram().serverKey());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    private static Account named(Account template, String name) {
        return new Account(name, template.passwordHash(), template.scram(), Set.of(), 0);
    }

    /** p50 / p99 of save -> event on chat:all, 200 changes one at a time. */
    private static String seenElsewhere(ClusterConfig cluster, int port, Account template) throws Exception {
        BlockingQueue<Long> arrived = new ArrayBlockingQueue<>(16);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                if (message.startsWith(RedisAccountStore.ACCOUNT_EVENT + "\n")) {
                    arrived.add(System.nanoTime());
                }
            }
        };
        Jedis subscriber = new Jedis("127.0.0.1", port);
        Thread thread = new Thread(() -> subscriber.subscribe(listener, Bus.ALL));
        thread.setDaemon(true);
        thread.start();
        while (!listener.isSubscribed()) {
            Thread.onSpinWait();
        }
        Identity identity = ClusterAccounts.open(AccountConfig.defaults(), cluster, Runnable::run);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            long t0 = System.nanoTime();
            identity.store().save("s" + i, named(template, "s" + i));
            long t1 = arrived.poll(5, TimeUnit.SECONDS);
            if (i >= 20) {
                micros.add((t1 - t0) / 1000);
            }
        }
        identity.close();
        listener.unsubscribe();
        Collections.sort(micros);
        return "p50 " + micros.get(micros.size() / 2) + " us, p99 " + micros.get(micros.size() * 99 / 100) + " us";
    }

    /** SASL PLAIN logins, end to end, one server on accounts.db against one cluster node, alternating. */
    private static void logins(ClusterConfig cluster, Path dir, Account template) throws Exception {
        ServerConfig.Builder base = ServerConfig.builder().port(0).bindAddress("127.0.0.1").maxPerIp(0)
                .connectsPerMinute(0).history(HistoryConfig.disabled());
        ChatServer single = ChatServer.start(base.accounts(new AccountConfig(dir.resolve("single"), true, true)).build(),
                null, null);
        ChatServer node = ChatServer.start(base.accounts(AccountConfig.defaults()).build(), cluster, Clock.system(), null,
                null);
        register(single.port());
        register(node.port());
        for (int round = 1; round <= 2; round++) {
            System.out.printf("round %d: SASL PLAIN login, median of %d: accounts.db %.1f ms, cluster node %.1f ms%n", round,
                    LOGINS, medianLogin(single.port()), medianLogin(node.port()));
        }
        single.close();
        node.close();
    }

    private static void register(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            send(out, "NICK owner", "USER owner 0 * :o", "REGISTER * * :" + PASSWORD);
            await(in, out, " REGISTER SUCCESS ");
        }
    }

    private static double medianLogin(int port) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                send(out, "CAP LS 302", "NICK u" + i, "USER u 0 * :u", "CAP REQ :sasl");
                await(in, out, " ACK ");
                send(out, "AUTHENTICATE PLAIN");
                await(in, out, "AUTHENTICATE +");
                long t0 = System.nanoTime();
                send(out, "AUTHENTICATE " + Base64.getEncoder().encodeToString(("\0owner\0" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
                String answer = await(in, out, " 90");
                millis.add((System.nanoTime() - t0) / 1e6);
                if (!answer.contains(" 903 ") && !answer.contains(" 900 ")) {
                    throw new IllegalStateException("login failed: " + answer);
                }
                send(out, "QUIT");
            }
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    private static void send(OutputStream out, String... lines) throws Exception {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static String await(BufferedReader in, OutputStream out, String part) throws Exception {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("PING ")) {
                send(out, "PONG " + line.substring(5));
            } else if (line.contains(part)) {
                return line;
            }
        }
        throw new IllegalStateException("closed while waiting for " + part);
    }
}
