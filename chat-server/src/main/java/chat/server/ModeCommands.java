package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;

/**
 * MODE and KICK (RFC 2812 3.1.5, 3.2.3, 3.2.8). Rooms are always +nt; members can be given
 * @ (o) and + (v) by a room operator. Queries are answered so clients that ask on join are content.
 */
final class ModeCommands {

    private final ChatState state;
    private final RoomCommands roomCommands;

    ModeCommands(ChatState state, RoomCommands roomCommands) {
        this.state = state;
        this.roomCommands = roomCommands;
    }

    void registerWith(CommandDispatcher dispatcher) {
        dispatcher.register(Command.MODE, 1, this::mode);
        dispatcher.register(Command.KICK, 2, this::kick);
    }

    // MODE <nick> [<modes>] | MODE <room> [<modes> [<params>]]
    private void mode(Connection connection, IrcMessage message) {
        String target = message.param(0);
        if (IrcNames.isRoomName(target)) {
            roomMode(connection, message);
        } else {
            userMode(connection, message);
        }
    }

    private void userMode(Connection connection, IrcMessage message) {
        String target = message.param(0);
        if (state.nicks.find(target) == null) {
            state.reply(connection, Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }
        if (!IrcNames.equalsFolded(target, connection.nick)) {
            state.reply(connection, Numeric.ERR_USERSDONTMATCH, "Cant change mode for other users");
            return;
        }
        if (message.paramCount() == 1) {
            state.reply(connection, Numeric.RPL_UMODEIS, connection.invisible ? "+i" : "+");
            return;
        }
        boolean adding = true;
        boolean before = connection.invisible;
        for (char c : message.param(1).toCharArray()) {
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i' -> connection.invisible = adding;
                default -> state.reply(connection, Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
            }
        }
        if (before != connection.invisible) {
            connection.send(IrcMessage.from(connection.prefix(), Command.MODE, connection.nick,
                    connection.invisible ? "+i" : "-i"));
        }
    }

    private void roomMode(Connection connection, IrcMessage message) {
        Room room = state.rooms.find(message.param(0));
        if (room == null) {
            state.reply(connection, Numeric.ERR_NOSUCHCHANNEL, message.param(0), "No such channel");
            return;
        }
        if (message.paramCount() == 1) {
            state.reply(connection, Numeric.RPL_CHANNELMODEIS, room.name, "+nt");
            state.reply(connection, Numeric.RPL_CREATIONTIME, room.name, Long.toString(room.createdEpochSeconds));
            return;
        }
        String modes = message.param(1);
        if (modes.equals("b") || modes.equals("+b")) {
            state.reply(connection, Numeric.RPL_ENDOFBANLIST, room.name, "End of channel ban list");
            return;
        }
        if (!room.isOperator(connection)) {
            state.reply(connection, Numeric.ERR_CHANOPRIVSNEEDED, room.name, "You're not channel operator");
            return;
        }
        boolean adding = true;
        int nextArg = 2;
        for (char c : modes.toCharArray()) {
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'n', 't' -> { } // always on; nothing to change
                case 'o', 'v' -> {
                    String nick = message.param(nextArg++);
                    if (nick != null) {
                        setMemberFlag(connection, room, nick, c, adding);
                    }
                }
                default -> state.reply(connection, Numeric.ERR_UNKNOWNMODE, String.valueOf(c),
                        "is unknown mode char to me for " + room.name);
            }
        }
    }

    private void setMemberFlag(Connection connection, Room room, String nick, char mode, boolean adding) {
        Connection member = state.nicks.find(nick);
        if (member == null || !member.registered) {
            state.reply(connection, Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        if (!room.contains(member)) {
            state.reply(connection, Numeric.ERR_USERNOTINCHANNEL, member.nick, room.name, "They aren't on that channel");
            return;
        }
        room.setFlag(member, mode == 'o' ? Room.OPERATOR : Room.VOICE, adding);
        room.broadcast(ChatState.fromUser(connection, Command.MODE, room.name, (adding ? "+" : "-") + mode,
                member.nick), null);
    }

    // KICK <room> <nick>{,<nick>} [:<reason>]: room operators only.
    private void kick(Connection connection, IrcMessage message) {
        Room room = roomCommands.memberRoom(connection, message.param(0));
        if (room == null) {
            return;
        }
        if (!room.isOperator(connection)) {
            state.reply(connection, Numeric.ERR_CHANOPRIVSNEEDED, room.name, "You're not channel operator");
            return;
        }
        String reason = message.paramCount() > 2 ? message.param(2) : connection.nick;
        if (reason.length() > ProtocolLimits.MAX_KICK_REASON_CHARS) {
            reason = reason.substring(0, ProtocolLimits.MAX_KICK_REASON_CHARS);
        }
        for (String nick : message.param(1).split(",")) {
            Connection target = state.nicks.find(nick);
            if (target == null || !target.registered) {
                state.reply(connection, Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            } else if (!room.contains(target)) {
                state.reply(connection, Numeric.ERR_USERNOTINCHANNEL, target.nick, room.name,
                        "They aren't on that channel");
            } else {
                room.broadcast(ChatState.fromUser(connection, Command.KICK, room.name, target.nick, reason), null);
                state.rooms.leave(room, target);
            }
        }
    }
}
