package chat.server.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The operator's bans (console {@code /ban}): kept in memory for the check at every connection's
 * registration and in the {@link AccountStore} so they outlast a restart. Expired bans are
 * dropped when next looked at. Touched only by the loop thread.
 */
public final class ServerBans {
    private final Map<String, ServerBan> byMask = new LinkedHashMap<>();
    private final AccountStore database;

    public ServerBans(AccountStore database, Collection<ServerBan> loaded) {
        this.database = database;
        loaded.forEach(ban -> byMask.put(key(ban.mask()), ban));
    }

    public static ServerBans inMemory() {
        return new ServerBans(null, List.of());
    }

    /** Adds or replaces the ban on {@code ban.mask()}. */
    public void add(ServerBan ban) {
        byMask.put(key(ban.mask()), ban);
        if (database != null) {
            database.saveBan(ban);
        }
    }

    /** Lifts the ban on {@code mask}; the removed ban, or null if there was none. */
    public ServerBan remove(String mask) {
        ServerBan removed = byMask.remove(key(mask));
        if (removed != null && database != null) {
            database.deleteBan(removed.mask());
        }
        return removed;
    }

    /** The store says the ban on {@code mask} is now {@code ban} (null: lifted); nothing is written back. */
    public void apply(String mask, ServerBan ban) {
        if (ban == null) {
            byMask.remove(key(mask));
        } else {
            byMask.put(key(mask), ban);
        }
    }

    /** The store's whole content replaces the replica. */
    public void replaceAll(Collection<ServerBan> loaded) {
        byMask.clear();
        loaded.forEach(ban -> byMask.put(key(ban.mask()), ban));
    }

    /** The first ban in force whose mask {@code matches} says applies, or null. */
    public ServerBan find(Predicate<String> matches, long nowMillis) {
        dropExpired(nowMillis);
        for (ServerBan ban : byMask.values()) {
            if (matches.test(ban.mask())) {
                return ban;
            }
        }
        return null;
    }

    /** The bans in force, oldest first. */
    public List<ServerBan> list(long nowMillis) {
        dropExpired(nowMillis);
        return new ArrayList<>(byMask.values());
    }

    private void dropExpired(long nowMillis) {
        List<String> gone = new ArrayList<>();
        byMask.forEach((key, ban) -> {
            if (ban.expired(nowMillis)) {
                gone.add(key);
            }
        });
        gone.forEach(this::remove);
    }

    private static String key(String mask) {
        return mask.toLowerCase(Locale.ROOT);
    }
}
