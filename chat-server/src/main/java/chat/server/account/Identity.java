package chat.server.account;

import java.util.concurrent.Executor;

/**
 * Everything about who people are, for the handlers: the accounts, the operator's bans, the
 * failed-login throttle and the password hashing pool. The first three are the loop's; the pool
 * answers through the loop's task queue.
 */
public record Identity(AccountConfig config, Accounts accounts, ServerBans bans, RegisteredRooms rooms,
        LoginThrottle throttle, PasswordWork passwords, AccountStore store) implements AutoCloseable {

    /** Accounts in memory only, hashing inline: for tests and embedding. */
    public static Identity inMemory(AccountConfig config) {
        return new Identity(config, Accounts.inMemory(), ServerBans.inMemory(), RegisteredRooms.inMemory(),
                new LoginThrottle(), PasswordWork.inline(), null);
    }

    /** Accounts from the data directory (or in memory without one), hashing on worker threads. */
    public static Identity open(AccountConfig config, Executor loop) throws AccountsUnavailableException {
        if (config.dataDirectory() == null) {
            return new Identity(config, Accounts.inMemory(), ServerBans.inMemory(), RegisteredRooms.inMemory(),
                    new LoginThrottle(), PasswordWork.start(loop), null);
        }
        AccountDatabase database = AccountDatabase.open(config.dataDirectory());
        try {
            Accounts accounts = new Accounts(database, database.loadAccounts(), database.secret());
            ServerBans bans = new ServerBans(database, database.loadBans());
            RegisteredRooms rooms = new RegisteredRooms(database, database.loadRooms());
            return new Identity(config, accounts, bans, rooms, new LoginThrottle(), PasswordWork.start(loop), database);
        } catch (AccountsUnavailableException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Accounts kept in {@code store}, loaded from it already, hashing on worker threads (a cluster node's). */
    public static Identity stored(AccountConfig config, AccountStore store, Accounts accounts, ServerBans bans,
            RegisteredRooms rooms, Executor loop) {
        return new Identity(config, accounts, bans, rooms, new LoginThrottle(), PasswordWork.start(loop), store);
    }

    /** Why accounts, registered rooms and bans cannot be changed now (null: they can), see {@link AccountStore}. */
    public String readOnlyReason() {
        return store == null ? null : store.readOnlyReason();
    }

    /** Stops hashing and writes what is queued. */
    @Override
    public void close() {
        passwords.close();
        if (store != null) {
            store.close();
        }
    }
}
