package chat.server.model;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Users by rfc1459-folded nick, for one-to-one delivery and uniqueness; the only place a nick changes. */
public final class NickRegistry {
    private final Map<String, User> byNick = new HashMap<>();

    public User find(String nick) {
        return byNick.get(IrcNames.fold(nick));
    }

    /** The registered user holding {@code nick}, or null (someone mid-registration is not found). */
    public User findRegistered(String nick) {
        User user = nick == null || nick.isEmpty() ? null : find(nick);
        return user != null && user.isRegistered() ? user : null;
    }

    /** True when someone other than {@code asker} holds the nick. */
    public boolean isTakenByOther(String nick, User asker) {
        User holder = find(nick);
        return holder != null && holder != asker;
    }

    /** Gives {@code user} the nick {@code wanted}, freeing the one it had. */
    public void rename(User user, String wanted) {
        release(user);
        byNick.put(IrcNames.fold(wanted), user);
        user.nick(wanted);
    }

    /** Frees the user's nick (the user keeps it as a name, for the QUIT it is about to send). */
    public void release(User user) {
        if (user.nick() != null) {
            byNick.remove(IrcNames.fold(user.nick()), user);
        }
    }

    public Collection<User> all() {
        return byNick.values();
    }

    public int count() {
        return byNick.size();
    }
}
