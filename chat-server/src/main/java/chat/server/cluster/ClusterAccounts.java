package chat.server.cluster;

import chat.server.account.AccountConfig;
import chat.server.account.AccountDatabase;
import chat.server.account.Accounts;
import chat.server.account.Identity;
import chat.server.account.RegisteredRooms;
import chat.server.account.ServerBans;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * A cluster node's accounts at start: the {@link RedisAccountStore}, a one-server accounts.db
 * brought into it once, and the {@link Identity} the loop uses, filled from what Redis holds.
 * Runs before the loop does, so it may wait for Redis.
 */
public final class ClusterAccounts {
    private static final System.Logger LOG = System.getLogger(ClusterAccounts.class.getName());

    private ClusterAccounts() {
    }

    /**
     * The accounts, registered rooms and bans of the cluster's Redis, hashing on worker threads
     * that answer through {@code loop}. An accounts.db in the data directory is brought in first.
     *
     * @throws ClusterUnavailableException when Redis cannot be reached or the file cannot be brought in
     */
    public static Identity open(AccountConfig accounts, ClusterConfig cluster, Executor loop)
            throws ClusterUnavailableException {
        RedisAccountStore store = new RedisAccountStore(cluster);
        RedisAccountStore.Snapshot snapshot;
        byte[] secret;
        try {
            importFile(store, accounts.dataDirectory());
            snapshot = store.onWorker(store::snapshotNow, 3L * RedisAccountStore.TIMEOUT_MILLIS);
            secret = store.onWorker(store::secretNow, 3L * RedisAccountStore.TIMEOUT_MILLIS);
        } catch (ClusterUnavailableException e) {
            store.close();
            throw e;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            store.close();
            throw new ClusterUnavailableException("accounts: cannot read them from Redis at " + cluster.redisAddress()
                    + ": " + (e instanceof ExecutionException ? e.getCause() : e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new ClusterUnavailableException("accounts: interrupted while reading them from Redis");
        }
        LOG.log(Level.INFO, "accounts: kept in Redis at " + cluster.redisAddress() + " (" + snapshot.accounts().size()
                + " accounts, " + snapshot.rooms().size() + " registered rooms, " + snapshot.bans().size() + " bans)");
        store.loadedVersion(snapshot.version());
        return Identity.stored(accounts, store, new Accounts(store, snapshot.accounts(), secret),
                new ServerBans(store, snapshot.bans()), new RegisteredRooms(store, snapshot.rooms()), loop);
    }

    /**
     * A one-server {@code accounts.db} found in the data directory goes into the cluster's store
     * once, before it is read: each account, registered room and ban that Redis does not have yet
     * (the network's own win). The file is then renamed {@code accounts.db.imported}, so a record
     * deleted on the network later is not brought back by the next start.
     */
    private static void importFile(RedisAccountStore store, Path directory)
            throws ClusterUnavailableException, InterruptedException {
        Path file = directory == null ? null : directory.resolve("accounts.db");
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            RedisAccountStore.Snapshot found;
            try (AccountDatabase database = AccountDatabase.open(directory)) {
                found = new RedisAccountStore.Snapshot(0, database.loadAccounts(), database.loadRooms(),
                        database.loadBans());
            }
            store.importRecords(found);
            Path done = directory.resolve("accounts.db.imported");
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
            LOG.log(Level.INFO, "accounts: " + found.accounts().size() + " accounts, " + found.rooms().size()
                    + " registered rooms and " + found.bans().size() + " bans of " + file + " are now in the cluster's Redis"
                    + " (those it did not have); the file is renamed " + done.getFileName());
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new ClusterUnavailableException("accounts: cannot bring " + file + " into the cluster: "
                    + (e instanceof ExecutionException ? e.getCause() : e).getMessage());
        }
    }
}
