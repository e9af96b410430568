package chat.server;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Registered users by rfc1459-folded nick, for one-to-one delivery and uniqueness. */
final class NickRegistry {
    private final Map<String, Connection> byNick = new HashMap<>();

    Connection find(String nick) {
        return byNick.get(IrcNames.fold(nick));
    }

    /** True when someone other than {@code asker} holds the nick. */
    boolean isTakenByOther(String nick, Connection asker) {
        Connection holder = find(nick);
        return holder != null && holder != asker;
    }

    void claim(String nick, Connection owner) {
        byNick.put(IrcNames.fold(nick), owner);
    }

    void release(String nick, Connection owner) {
        if (nick != null) {
            byNick.remove(IrcNames.fold(nick), owner);
        }
    }

    Collection<Connection> all() {
        return byNick.values();
    }

    int count() {
        return byNick.size();
    }
}
