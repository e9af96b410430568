package chat.server.model;

import chat.protocol.IrcNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Users by rfc1459-folded nick, for one-to-one delivery and uniqueness; the only place a nick
 * changes. Also how long a nick has been held by the same person as far as the server can tell
 * without accounts: a nick taken again from the same address within {@link #RECONNECT_GRACE_MILLIS}
 * of being freed continues its tenure (a client that reconnected); otherwise a new tenure starts.
 * Private history is read only from the start of the reader's tenure, so whoever takes a free
 * nick later does not read the conversations of the one who had it.
 */
public final class NickRegistry {
    /** Longer than the client's reconnect backoff reaches before it gives up retrying quickly. */
    public static final long RECONNECT_GRACE_MILLIS = 5 * 60_000;

    private record Tenure(long sinceMillis, String host, long freedAtMillis) {
    }

    private final Map<String, User> byNick = new HashMap<>();
    private final Map<String, Tenure> tenures = new HashMap<>();
    private final LoopClockView clock;
    /** Tenures matter only to private history: without it none are kept (50 bytes a nick saved). */
    private final boolean keepTenures;

    /** The time, in epoch milliseconds; a view so the registry does not depend on the network layer. */
    public interface LoopClockView {
        long epochMillis();
    }

    public NickRegistry(LoopClockView clock) {
        this(clock, true);
    }

    public NickRegistry(LoopClockView clock, boolean keepTenures) {
        this.clock = clock;
        this.keepTenures = keepTenures;
    }

    /** Epoch milliseconds since which the holder of {@code nick} has held it (now, if nobody does). */
    public long heldSince(String nick) {
        Tenure tenure = tenures.get(IrcNames.fold(nick));
        return tenure == null || tenure.freedAtMillis() != 0 ? clock.epochMillis() : tenure.sinceMillis();
    }

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
        String folded = IrcNames.fold(wanted);
        byNick.put(folded, user);
        user.nick(wanted);
        if (!keepTenures) {
            return;
        }
        long now = clock.epochMillis();
        Tenure earlier = tenures.get(folded);
        boolean continues = earlier != null && earlier.freedAtMillis() != 0 && earlier.host().equals(user.host())
                && now - earlier.freedAtMillis() <= RECONNECT_GRACE_MILLIS;
        tenures.put(folded, new Tenure(continues ? earlier.sinceMillis() : now, user.host(), 0));
    }

    /** Frees the nick of a user still registering and forgets it, so the user has none (refused nick). */
    public void unassign(User user) {
        release(user);
        user.nick(null);
    }

    /** Frees the user's nick (the user keeps it as a name, for the QUIT it is about to send). */
    public void release(User user) {
        if (user.nick() != null) {
            String folded = IrcNames.fold(user.nick());
            if (byNick.remove(folded, user)) {
                Tenure tenure = tenures.get(folded);
                long now = clock.epochMillis();
                if (tenure != null) {
                    tenures.put(folded, new Tenure(tenure.sinceMillis(), tenure.host(), now));
                }
                forgetOldTenures(now);
            }
        }
    }

    /** Freed tenures past the grace can never continue: dropped once they outnumber the nicks in use. */
    private void forgetOldTenures(long now) {
        if (tenures.size() > 2 * byNick.size() + 1_000) {
            tenures.values().removeIf(t -> t.freedAtMillis() != 0 && now - t.freedAtMillis() > RECONNECT_GRACE_MILLIS);
        }
    }

    public Collection<User> all() {
        return byNick.values();
    }

    public int count() {
        return byNick.size();
    }
}
