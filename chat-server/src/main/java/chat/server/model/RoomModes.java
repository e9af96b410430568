package chat.server.model;

import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A room's modes (RFC 2811/2812, modern.ircdocs.horse): the flags {@code i m n s t}, the key
 * ({@code k}), the limit ({@code l}), the ban, exception and invite-exception lists
 * ({@code b e I}), and who has been invited. New rooms are {@code +nt}, as on most servers.
 */
public final class RoomModes {
    /** Entries per list (005 MAXLIST=beI:100): a list is read on every join, so it stays short. */
    public static final int MAX_LIST_ENTRIES = 100;

    /** One list entry: the mask, who set it and when (367/348/346 show both). */
    public record Entry(String mask, String setBy, long setAtEpochSeconds) {
    }

    boolean inviteOnly;
    boolean moderated;
    boolean noOutsideMessages = true;
    boolean secret;
    boolean topicLocked = true;
    String key;
    int limit;
    final List<Entry> bans = new ArrayList<>();
    final List<Entry> exceptions = new ArrayList<>();
    final List<Entry> inviteExceptions = new ArrayList<>();
    private final Set<String> invited = new HashSet<>();

    public boolean inviteOnly() {
        return inviteOnly;
    }

    public boolean moderated() {
        return moderated;
    }

    public boolean noOutsideMessages() {
        return noOutsideMessages;
    }

    public boolean secret() {
        return secret;
    }

    public boolean topicLocked() {
        return topicLocked;
    }

    public String key() {
        return key;
    }

    public int limit() {
        return limit;
    }

    /** Whether flag i, m, n, s or t is on. */
    public boolean hasFlag(char flag) {
        return switch (flag) {
            case 'i' -> inviteOnly;
            case 'm' -> moderated;
            case 'n' -> noOutsideMessages;
            case 's' -> secret;
            case 't' -> topicLocked;
            default -> false;
        };
    }

    public void setFlag(char flag, boolean on) {
        switch (flag) {
            case 'i' -> inviteOnly = on;
            case 'm' -> moderated = on;
            case 'n' -> noOutsideMessages = on;
            case 's' -> secret = on;
            case 't' -> topicLocked = on;
            default -> throw new IllegalArgumentException("not a room flag: " + flag);
        }
    }

    public void key(String value) {
        key = value;
    }

    public void limit(int value) {
        limit = value;
    }

    /** The list of {@code b}, {@code e} or {@code I}. */
    public List<Entry> list(char which) {
        return switch (which) {
            case 'b' -> bans;
            case 'e' -> exceptions;
            case 'I' -> inviteExceptions;
            default -> throw new IllegalArgumentException("not a list mode: " + which);
        };
    }

    /** Banned: a ban matches and no exception does. */
    public boolean isBanned(String prefix) {
        return matchesAny(bans, prefix, null) && !matchesAny(exceptions, prefix, null);
    }

    /** As {@link #isBanned(String)}, with {@code $a:account} masks matched against the user's account. */
    public boolean isBanned(User user) {
        return matchesAny(bans, user.prefix(), user.account()) && !matchesAny(exceptions, user.prefix(), user.account());
    }

    /** May join while +i: invited (once), or matched by an invite exception. */
    public boolean mayEnterInviteOnly(User user) {
        return invited.contains(IrcNames.fold(user.nick())) || matchesAny(inviteExceptions, user.prefix(), user.account());
    }

    public void invite(String nick) {
        invited.add(IrcNames.fold(nick));
    }

    /** An invitation is good for one join. */
    public void joined(String nick) {
        invited.remove(IrcNames.fold(nick));
    }

    private static boolean matchesAny(List<Entry> entries, String prefix, String account) {
        for (Entry entry : entries) {
            String mask = entry.mask();
            if (mask.startsWith("$a:") ? account != null && Masks.matches(mask.substring(3) + "!*@*", account + "!a@a")
                    : Masks.matches(mask, prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "+iknt" and the parameters as 324 shows them, flags in alphabetical order as ngIRCd and
     * InspIRCd write them; the key only to members.
     */
    public List<String> describe(boolean showKey) {
        StringBuilder flags = new StringBuilder("+");
        List<String> params = new ArrayList<>();
        if (inviteOnly) {
            flags.append('i');
        }
        if (key != null) {
            flags.append('k');
            params.add(showKey ? key : "*");
        }
        if (limit > 0) {
            flags.append('l');
            params.add(Integer.toString(limit));
        }
        if (moderated) {
            flags.append('m');
        }
        if (noOutsideMessages) {
            flags.append('n');
        }
        if (secret) {
            flags.append('s');
        }
        if (topicLocked) {
            flags.append('t');
        }
        List<String> all = new ArrayList<>();
        all.add(flags.toString());
        all.addAll(params);
        return all;
    }
}
