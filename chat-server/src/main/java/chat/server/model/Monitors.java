package chat.server.model;

import chat.protocol.IrcNames;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * IRCv3 MONITOR: who watches which nicks (folded), both ways, so a nick coming or going tells its
 * watchers at once and a watcher leaving takes its entries with it. Loop thread only.
 */
public final class Monitors {
    /** Nicks one connection may watch (005 MONITOR). */
    public static final int MAX_PER_USER = 100;

    private final Map<String, Set<User>> watchersOf = new HashMap<>();
    private final Map<User, Set<String>> watchedBy = new HashMap<>();

    /** Adds {@code nick} to the user's list; false when the list is full. */
    public boolean watch(User watcher, String nick) {
        Set<String> mine = watchedBy.computeIfAbsent(watcher, w -> new LinkedHashSet<>());
        String folded = IrcNames.fold(nick);
        if (!mine.contains(folded) && mine.size() >= MAX_PER_USER) {
            return false;
        }
        mine.add(folded);
        watchersOf.computeIfAbsent(folded, n -> new LinkedHashSet<>()).add(watcher);
        return true;
    }

    public void unwatch(User watcher, String nick) {
        String folded = IrcNames.fold(nick);
        Set<String> mine = watchedBy.get(watcher);
        if (mine != null) {
            mine.remove(folded);
        }
        Set<User> watchers = watchersOf.get(folded);
        if (watchers != null) {
            watchers.remove(watcher);
            if (watchers.isEmpty()) {
                watchersOf.remove(folded);
            }
        }
    }

    /** Everything {@code watcher} watches, folded, in the order added. */
    public Set<String> watchedBy(User watcher) {
        return watchedBy.getOrDefault(watcher, Set.of());
    }

    /** Those watching {@code nick}. */
    public Set<User> watchersOf(String nick) {
        return watchersOf.getOrDefault(IrcNames.fold(nick), Set.of());
    }

    /** The watcher is gone (or sent MONITOR C): its list goes. */
    public void clear(User watcher) {
        Set<String> mine = watchedBy.remove(watcher);
        if (mine != null) {
            for (String folded : mine) {
                Set<User> watchers = watchersOf.get(folded);
                if (watchers != null) {
                    watchers.remove(watcher);
                    if (watchers.isEmpty()) {
                        watchersOf.remove(folded);
                    }
                }
            }
        }
    }
}
