package chat.server.command;

import chat.server.account.ServerBan;
import chat.server.model.Masks;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Who may be here at all: the operator's bans, checked as a connection registers and when a ban is set. */
public final class Admission {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ServerState state;

    public Admission(ServerState state) {
        this.state = state;
    }

    /** The ban in force that applies to {@code user} (by nick!user@host or by account), or null. */
    public ServerBan banOf(User user) {
        return state.identity().bans().find(mask -> applies(mask, user), state.clock().epochMillis());
    }

    /** True when {@code mask} covers {@code user}: "$a:name" by account, else nick!user@host. */
    public static boolean applies(String mask, User user) {
        if (mask.regionMatches(true, 0, "$a:", 0, 3)) {
            return user.account() != null && Masks.matches(mask.substring(3) + "!*@*", user.account() + "!x@x");
        }
        return Masks.matches(mask, user.prefix());
    }

    /**
     * Puts a new ban in force: every registered user of this server it covers is disconnected,
     * telling them why ({@link #bannedText}); others see {@code Banned: <reason>}. Returns how many
     * were. Users of other cluster nodes are their own nodes' to disconnect (the ban reaches them too).
     */
    public static int enforce(ServerBan ban, ServerState state) {
        int removed = 0;
        for (User user : List.copyOf(state.nicks().all())) {
            if (user.isRegistered() && !user.isRemote() && applies(ban.mask(), user)) {
                user.disconnect("Banned: " + ban.reason(), bannedText(ban));
                removed++;
            }
        }
        return removed;
    }

    /** What a banned user is told: the reason and, for a ban that ends, when. */
    public static String bannedText(ServerBan ban) {
        return "You are banned from this server: " + ban.reason()
                + (ban.expiresAtMillis() == 0 ? "" : " (until " + UNTIL.format(Instant.ofEpochMilli(ban.expiresAtMillis())) + ")");
    }
}
