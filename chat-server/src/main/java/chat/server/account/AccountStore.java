package chat.server.account;

/**
 * Where changes to accounts, registered rooms and server bans are kept beyond the loop's memory.
 * The loop changes its in-memory {@link Accounts}, {@link RegisteredRooms} and {@link ServerBans}
 * first, then hands the change here; an implementation writes it off the loop, in order. One
 * server keeps them in {@code accounts.db} ({@link AccountDatabase}); a cluster node keeps them in
 * Redis, where every node reads them (chat.server.cluster.RedisAccountStore). Called on the loop.
 */
public interface AccountStore extends AutoCloseable {
    void save(String folded, Account account);

    /**
     * Saves a new account. A store shared by several servers may find the name taken by one made
     * there at the same moment; it then keeps the other and says so its own way.
     */
    default void create(String folded, Account account) {
        save(folded, account);
    }

    void delete(String folded);

    void saveRoom(String folded, RegisteredRoom room);

    void deleteRoom(String folded);

    void saveBan(ServerBan ban);

    void deleteBan(String mask);

    /**
     * Why accounts, registered rooms and bans cannot be changed now, in words for the person who
     * asked; null when they can. A file can always be written; a cluster node split from Redis
     * cannot write where the other nodes read.
     */
    default String readOnlyReason() {
        return null;
    }

    /** Writes what is queued, then lets go of the store. */
    @Override
    void close();
}
