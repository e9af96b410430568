package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;

/** PRIVMSG, NOTICE and AWAY: the relay itself (RFC 2812 3.3, 4.1). */
final class MessageCommands {
    /** Targets per PRIVMSG, as 005 MAXTARGETS announces; each one past it gets 407. */
    private static final int MAX_TARGETS = 4;

    private final ChatState state;

    MessageCommands(ChatState state) {
        this.state = state;
    }

    void registerWith(CommandDispatcher dispatcher) {
        dispatcher.register(Command.PRIVMSG, 0, this::privmsg);
        dispatcher.register(Command.NOTICE, 0, this::notice);
        dispatcher.register(Command.AWAY, 0, this::away);
    }

    // PRIVMSG <target>{,<target>} :<text>
    private void privmsg(Connection connection, IrcMessage message) {
        relay(connection, message, Command.PRIVMSG);
    }

    // NOTICE <target>{,<target>} :<text>; like PRIVMSG, but never triggers an away reply.
    private void notice(Connection connection, IrcMessage message) {
        relay(connection, message, Command.NOTICE);
    }

    private void relay(Connection sender, IrcMessage message, String command) {
        if (message.paramCount() == 0 || message.param(0).isEmpty()) {
            state.reply(sender, Numeric.ERR_NORECIPIENT, "No recipient given (" + command + ")");
            return;
        }
        if (message.paramCount() < 2 || message.param(1).isEmpty()) {
            state.reply(sender, Numeric.ERR_NOTEXTTOSEND, "No text to send");
            return;
        }
        String text = message.param(1);
        sender.lastMessageAtMillis = state.nowMillis;
        String[] targets = message.param(0).split(",");
        for (int i = 0; i < targets.length; i++) {
            String target = targets[i];
            if (i >= MAX_TARGETS) {
                // Never drop silently, and answer once rather than once per extra target.
                state.reply(sender, Numeric.ERR_TOOMANYTARGETS, target.isEmpty() ? "*" : target,
                        (targets.length - MAX_TARGETS) + " targets past the first " + MAX_TARGETS
                                + " did not get the message");
                break;
            } else if (IrcNames.isRoomName(target)) {
                toRoom(sender, command, target, text);
            } else {
                toPerson(sender, command, target, text);
            }
        }
    }

    private void toRoom(Connection sender, String command, String name, String text) {
        Room room = state.rooms.find(name);
        if (room == null) {
            state.reply(sender, Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
        } else if (!room.contains(sender)) {
            // Rooms are +n: only members speak in them.
            state.reply(sender, Numeric.ERR_CANNOTSENDTOCHAN, room.name, "Cannot send to channel");
        } else {
            room.broadcast(ChatState.fromUser(sender, command, room.name, text), sender);
            state.messagesRelayed++;
        }
    }

    private void toPerson(Connection sender, String command, String nick, String text) {
        Connection recipient = state.nicks.find(nick);
        if (recipient == null || !recipient.registered) {
            state.reply(sender, Numeric.ERR_NOSUCHNICK, nick.isEmpty() ? "*" : nick, "No such nick/channel");
            return;
        }
        recipient.send(ChatState.fromUser(sender, command, recipient.nick, text));
        state.messagesRelayed++;
        if (recipient.away != null && command.equals(Command.PRIVMSG)) {
            state.reply(sender, Numeric.RPL_AWAY, recipient.nick, recipient.away);
        }
    }

    // AWAY [:<message>]: with text, away; without, back (RFC 2812 4.1).
    private void away(Connection connection, IrcMessage message) {
        String text = message.param(0);
        if (text == null || text.isEmpty()) {
            connection.away = null;
            state.reply(connection, Numeric.RPL_UNAWAY, "You are no longer marked as being away");
            return;
        }
        connection.away = text.length() > ProtocolLimits.MAX_AWAY_CHARS
                ? text.substring(0, ProtocolLimits.MAX_AWAY_CHARS) : text;
        state.reply(connection, Numeric.RPL_NOWAWAY, "You have been marked as being away");
    }
}
