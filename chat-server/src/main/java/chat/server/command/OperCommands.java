package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.lang.System.Logger.Level;

/**
 * OPER and the powers it gives: KILL, WALLOPS and GLOBOPS (RFC 2812 3.1.4, 3.7.1, 4.7; GLOBOPS
 * as InspIRCd's module). The password is checked on the hashing pool, failures go through the
 * login throttle under {@code "oper:" + name}, and an unknown name is answered exactly as a wrong
 * password, after a decoy hash of the same cost, so the answer never tells which names exist.
 */
final class OperCommands {
    private static final System.Logger LOG = System.getLogger(OperCommands.class.getName());
    /** What a client is told for a wrong password and for a name that is no operator alike. */
    static final String PASSWORD_INCORRECT = "Password incorrect";
    /** Longest name quoted in a log line or a notice (the rest is the client's to keep). */
    private static final int QUOTED_NAME_CHARS = 32;

    private final ServerState state;
    private final Logins logins;

    OperCommands(ServerState state) {
        this.state = state;
        this.logins = new Logins(state);
    }

    /** True when {@code user} is a server operator; otherwise answers 481 (RFC 2812 ERR_NOPRIVILEGES). */
    static boolean requireOperator(User user, Replies replies) {
        if (user.isServerOperator()) {
            return true;
        }
        replies.numeric(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
        return false;
    }

    // OPER <name> <password>: 381 and user modes +o +w, or 464 (a wrong password or no such operator).
    void oper(User user, IrcMessage message, Replies replies) {
        ClientSession session = replies.session();
        if (session.isLoginPending()) {
            // One check at a time: a burst of OPERs must not all pass the throttle before the first fails.
            replies.numeric(Numeric.ERR_PASSWDMISMATCH, "Another password check is running; wait for its answer");
            return;
        }
        String name = message.param(0);
        replies.keepOpen();
        logins.checkSecret(session, "oper:" + name, message.param(1), () -> state.operators().hashOf(name), () -> {
            becomeOperator(user, name, replies);
            replies.close();
        }, why -> {
            String quoted = quoted(name);
            LOG.log(Level.WARNING, "failed OPER as {0} by {1}", quoted, user.prefix());
            state.noticeOperators("Failed OPER attempt as " + quoted + " by " + user.prefix());
            replies.numeric(Numeric.ERR_PASSWDMISMATCH, why.equals(Logins.WRONG) ? PASSWORD_INCORRECT : why);
            replies.close();
        });
    }

    private void becomeOperator(User user, String name, Replies replies) {
        if (!user.isServerOperator()) {
            state.setOperator(user, true);
            boolean wallopsBefore = user.receivesWallops();
            user.wallops(true);
            state.network().changed(user); // other nodes show the operator too (WHOIS 313, WHO's *)
            replies.send(IrcMessage.from(user.prefix(), Command.MODE, user.nick(), wallopsBefore ? "+o" : "+ow"));
            LOG.log(Level.INFO, "{0} is now a server operator (as {1})", user.prefix(), name);
            state.noticeOperators(user.prefix() + " is now an operator (" + quoted(name) + ")", user);
        }
        replies.numeric(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
    }

    // KILL <nick> <reason>: the console's /kick for operators on IRC (RFC 2812 3.7.1).
    void kill(User user, IrcMessage message, Replies replies) {
        if (!requireOperator(user, replies)) {
            return;
        }
        User victim = state.nicks().findRegistered(message.param(0));
        if (victim == null) {
            replies.noSuchNick(message.param(0));
            return;
        }
        String reason = message.param(1);
        if (reason.length() > ProtocolLimits.MAX_KICK_REASON_CHARS) {
            reason = reason.substring(0, ProtocolLimits.MAX_KICK_REASON_CHARS);
        }
        // The words InspIRCd and most servers use, so clients and people recognise them.
        String killed = "Killed (" + user.nick() + " (" + reason + "))";
        if (victim.isRemote()) {
            state.network().kill(victim, user.prefix(), killed); // its own node disconnects it; its QUIT comes back
        } else {
            victim.send(IrcMessage.from(user.prefix(), Command.KILL, victim.nick(), killed));
            victim.disconnect(killed, "Closing Link: " + victim.host() + " (" + killed + ")");
        }
        LOG.log(Level.INFO, "{0} killed {1}: {2}", user.prefix(), victim.prefix(), reason);
        toEveryOperator(victim.nick() + " was killed by " + user.nick() + " (" + reason + ")", null);
    }

    // WALLOPS :<text>: from an operator to every user with user mode +w (RFC 2812 4.7).
    void wallops(User user, IrcMessage message, Replies replies) {
        if (!requireOperator(user, replies)) {
            return;
        }
        Outbound line = state.says(user, Command.WALLOPS, message.param(0));
        for (User listener : state.nicks().all()) {
            if (listener.isRegistered() && listener.receivesWallops()) {
                listener.send(line);
            }
        }
        state.network().wallops(line);
    }

    // GLOBOPS :<text>: a notice to every operator online, as InspIRCd's globops module.
    void globops(User user, IrcMessage message, Replies replies) {
        if (requireOperator(user, replies)) {
            toEveryOperator("GLOBOPS from " + user.nick() + ": " + message.param(0), null);
        }
    }

    /** A server notice to the operators of every node (but {@code except}, answered already). */
    static void toEveryOperator(ServerState state, String text, User except) {
        state.noticeOperators(text, except);
        state.network().toOperators(text);
    }

    private void toEveryOperator(String text, User except) {
        toEveryOperator(state, text, except);
    }

    /** A client's word as it may appear in a log line or a notice: bounded, one line. */
    static String quoted(String word) {
        String bounded = word.length() > QUOTED_NAME_CHARS ? word.substring(0, QUOTED_NAME_CHARS) + "..." : word;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }
}
