package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.account.ServerBan;
import chat.server.model.Masks;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.lang.System.Logger.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server bans for operators on IRC, as InspIRCd and Solanum spell them: KLINE adds one, UNKLINE
 * lifts it, STATS k lists them. They are the console's {@code /ban}s (one store, kept in
 * accounts.db, so they outlast a restart) and take effect at once on everyone they cover.
 */
final class ServerBanCommands {
    private static final System.Logger LOG = System.getLogger(ServerBanCommands.class.getName());
    /** "1h30m", "7d", "2w", "90" (seconds): InspIRCd's duration words. */
    private static final Pattern DURATION = Pattern.compile("(?:\\d{1,9}[ywdhms]?)+");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9})([ywdhms]?)");
    private static final String DEFAULT_REASON = "banned by an operator";

    private final ServerState state;

    ServerBanCommands(ServerState state) {
        this.state = state;
    }

    // KLINE <user@host|nick> [<duration> [:<reason>]] | KLINE <user@host> (alone: lifts it, as InspIRCd)
    void kline(User user, IrcMessage message, Replies replies) {
        if (!OperCommands.requireOperator(user, replies)) {
            return;
        }
        if (message.paramCount() == 1) {
            unkline(user, message, replies);
            return;
        }
        if (refusedWhileReadOnly(user, replies)) {
            return;
        }
        String mask = maskOf(message.param(0));
        if (mask == null) {
            tell(user, replies, "KLINE needs user@host (or the nick of someone online): " + OperCommands.quoted(message.param(0)));
            return;
        }
        if (mask.substring(mask.indexOf('!') + 1).replace("*", "").replace("?", "").replace("@", "").isEmpty()) {
            tell(user, replies, "K-line on " + mask + " refused: it would ban everyone");
            return;
        }
        long durationMillis = durationMillis(message.param(1));
        String reason = message.paramCount() > 2 ? message.param(2) : null;
        if (durationMillis < 0) { // KLINE mask :reason, permanent
            durationMillis = 0;
            reason = message.param(1);
        }
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
        long now = state.clock().epochMillis();
        ServerBan ban = new ServerBan(mask, reason, user.nick(), now, durationMillis == 0 ? 0 : now + durationMillis);
        state.identity().bans().add(ban);
        int removed = Admission.enforce(ban, state);
        String words = user.nick() + " added a K-line on " + mask
                + (durationMillis == 0 ? ", permanent" : ", for " + durationMillis / 1000 + " s") + ": " + reason
                + (removed > 0 ? " (" + removed + " disconnected)" : "");
        LOG.log(Level.INFO, words);
        tellOperators(user, replies, words);
    }

    // UNKLINE <user@host>: lifts a K-line (or a console /ban on that mask).
    void unkline(User user, IrcMessage message, Replies replies) {
        if (!OperCommands.requireOperator(user, replies)) {
            return;
        }
        if (refusedWhileReadOnly(user, replies)) {
            return;
        }
        String given = message.param(0);
        ServerBan removed = state.identity().bans().remove(given);
        if (removed == null && !given.startsWith("$a:")) {
            removed = state.identity().bans().remove(Masks.normalize(given));
        }
        if (removed == null) {
            tell(user, replies, "No K-line on " + OperCommands.quoted(given) + "; STATS k lists them");
            return;
        }
        String words = user.nick() + " removed the K-line on " + removed.mask();
        LOG.log(Level.INFO, words);
        tellOperators(user, replies, words);
    }

    // STATS <letter>: k (server bans, operators only) and u (uptime); 219 ends every answer.
    void stats(User user, IrcMessage message, Replies replies) {
        String letter = message.param(0).isEmpty() ? "*" : message.param(0).substring(0, 1);
        switch (letter) {
            case "k", "K" -> {
                if (!OperCommands.requireOperator(user, replies)) {
                    return;
                }
                long now = state.clock().epochMillis();
                for (ServerBan ban : state.identity().bans().list(now)) {
                    long seconds = ban.expiresAtMillis() == 0 ? 0 : (ban.expiresAtMillis() - ban.setAtMillis()) / 1000;
                    replies.numeric(Numeric.RPL_STATSKLINE, "k", ban.mask(), Long.toString(ban.setAtMillis() / 1000),
                            Long.toString(seconds), ban.setBy(), ban.reason());
                }
            }
            case "u" -> {
                long up = (state.clock().epochMillis() - state.startedEpochMillis()) / 1000;
                replies.numeric(Numeric.RPL_STATSUPTIME, String.format(java.util.Locale.ROOT,
                        "Server Up %d days %d:%02d:%02d", up / 86_400, up / 3600 % 24, up / 60 % 60, up % 60));
            }
            default -> { } // other letters: nothing to report, only the end
        }
        replies.numeric(Numeric.RPL_ENDOFSTATS, letter, "End of /STATS report");
    }

    /** nick!user@host for a K-line: user@host as given, a nick online by its host, else null. */
    private String maskOf(String given) {
        if (given.indexOf('@') >= 0) {
            return Masks.normalize(given);
        }
        User online = state.nicks().findRegistered(given);
        return online == null ? null : "*!*@" + online.host();
    }

    /** Milliseconds of "1h30m", "7d", "90" (seconds) or "0" (0: permanent); -1 when it is no duration. */
    static long durationMillis(String text) {
        if (!DURATION.matcher(text).matches()) {
            return -1;
        }
        long seconds = 0;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            seconds += amount * switch (part.group(2)) {
                case "y" -> 365 * 86_400L;
                case "w" -> 7 * 86_400L;
                case "d" -> 86_400L;
                case "h" -> 3_600L;
                case "m" -> 60L;
                default -> 1L;
            };
        }
        return seconds * 1000;
    }

    /** A server notice to the operator who asked. */
    private void tell(User user, Replies replies, String text) {
        replies.send(state.fromServer(Command.NOTICE, user.nick(), "*** " + text));
    }

    /** To every operator: the one who asked gets it as the reply to the command (labeled, if it was). */
    private void tellOperators(User user, Replies replies, String text) {
        tell(user, replies, text);
        OperCommands.toEveryOperator(state, text, user);
    }

    /** True (and tells the operator why) when bans cannot be changed now: a cluster node split from the others. */
    private boolean refusedWhileReadOnly(User user, Replies replies) {
        String why = state.identity().readOnlyReason();
        if (why != null) {
            tell(user, replies, why);
        }
        return why != null;
    }
}
