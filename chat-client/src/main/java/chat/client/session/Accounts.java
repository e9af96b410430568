package chat.client.session;

import chat.client.ui.NickMarks;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is logged in to which account, as far as the server has told: the {@code account} tag on a
 * message (account-tag), the account in a JOIN (extended-join, "*" for none), ACCOUNT lines
 * (account-notify) and WHOIS 330. Written by the network thread, read when lines are drawn (any
 * thread), hence one volatile immutable map, keyed by the folded nick.
 */
public final class Accounts implements NickMarks {
    /** Shown after the nick of someone logged in. */
    public static final String MARK = "\u2713";
    static final String ACCOUNT_TAG = "account";
    static final String NO_ACCOUNT = "*";

    private volatile Map<String, String> byNick = Map.of();

    /** The account nick is logged in to, or null when not (or not known). */
    public String of(String nick) {
        return nick == null ? null : byNick.get(IrcNames.fold(nick));
    }

    @Override
    public String after(String nick, IrcMessage message) {
        if (message != null && message.tags().containsKey(ACCOUNT_TAG)) {
            return MARK; // the server says so for this very line (account-tag)
        }
        return of(nick) != null ? MARK : "";
    }

    /** Updates what is known from a live line (not one replayed from history). */
    void observe(IrcMessage message) {
        String source = message.sourceNick();
        String tagged = message.tags().get(ACCOUNT_TAG);
        if (tagged != null && source != null && !tagged.isEmpty()) {
            set(source, tagged);
        }
        switch (message.command()) {
            case Command.JOIN -> {
                if (message.paramCount() >= 3) {
                    set(source, message.param(1)); // extended-join: JOIN #room account :real name
                }
            }
            case "ACCOUNT" -> set(source, message.param(0));
            case "330" -> set(message.param(1), message.param(2)); // 330 me nick account :is logged in as
            case Command.NICK -> renamed(source, message.param(0));
            case Command.QUIT -> set(source, NO_ACCOUNT);
            default -> {
                // says nothing about accounts
            }
        }
    }

    /** account "*" or null: logged out. */
    synchronized void set(String nick, String account) {
        if (nick == null) {
            return;
        }
        Map<String, String> next = new HashMap<>(byNick);
        if (account == null || account.isEmpty() || account.equals(NO_ACCOUNT)) {
            next.remove(IrcNames.fold(nick));
        } else {
            next.put(IrcNames.fold(nick), account);
        }
        byNick = Map.copyOf(next);
    }

    private synchronized void renamed(String from, String to) {
        String account = of(from);
        if (from == null || to == null || account == null) {
            return;
        }
        Map<String, String> next = new HashMap<>(byNick);
        next.remove(IrcNames.fold(from));
        next.put(IrcNames.fold(to), account);
        byNick = Map.copyOf(next);
    }

    /** A new connection: what the old one said no longer holds. */
    void clear() {
        byNick = Map.of();
    }
}
