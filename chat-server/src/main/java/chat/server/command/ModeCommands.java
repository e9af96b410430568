package chat.server.command;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.server.net.Outbound;

/**
 * MODE and KICK (RFC 2812 3.1.5, 3.2.3, 3.2.8). Rooms are always +nt; members can be given
 * @ (o) and + (v) by a room operator. Queries are answered so clients that ask on join are content.
 */
final class ModeCommands {
    private final ServerState state;
    private final RoomCommands roomCommands;

    ModeCommands(ServerState state, RoomCommands roomCommands) {
        this.state = state;
        this.roomCommands = roomCommands;
    }

    // MODE <nick> [<modes>] | MODE <room> [<modes> [<params>]]
    void mode(User user, IrcMessage message, Replies replies) {
        if (IrcNames.isRoomName(message.param(0))) {
            roomMode(user, message, replies);
        } else {
            userMode(user, message, replies);
        }
    }

    private void userMode(User user, IrcMessage message, Replies replies) {
        String target = message.param(0);
        if (state.nicks().find(target) == null) {
            replies.noSuchNick(target);
            return;
        }
        if (!IrcNames.equalsFolded(target, user.nick())) {
            replies.numeric(Numeric.ERR_USERSDONTMATCH, "Cant change mode for other users");
            return;
        }
        if (message.paramCount() == 1) {
            replies.numeric(Numeric.RPL_UMODEIS, user.isInvisible() ? "+i" : "+");
            return;
        }
        boolean adding = true;
        boolean before = user.isInvisible();
        for (char c : message.param(1).toCharArray()) {
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i' -> user.invisible(adding);
                default -> replies.numeric(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
            }
        }
        if (before != user.isInvisible()) {
            replies.send(IrcMessage.from(user.prefix(), Command.MODE, user.nick(), user.isInvisible() ? "+i" : "-i"));
        }
    }

    private void roomMode(User user, IrcMessage message, Replies replies) {
        Room room = state.rooms().find(message.param(0));
        if (room == null) {
            replies.noSuchChannel(message.param(0));
            return;
        }
        if (message.paramCount() == 1) {
            replies.numeric(Numeric.RPL_CHANNELMODEIS, room.name(), "+nt");
            replies.numeric(Numeric.RPL_CREATIONTIME, room.name(), Long.toString(room.createdEpochSeconds()));
            return;
        }
        String modes = message.param(1);
        if (modes.equals("b") || modes.equals("+b")) {
            replies.numeric(Numeric.RPL_ENDOFBANLIST, room.name(), "End of channel ban list");
            return;
        }
        if (!room.isOperator(user)) {
            replies.notChannelOperator(room);
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
                        setMemberFlag(user, room, nick, c, adding, replies);
                    }
                }
                default -> replies.numeric(Numeric.ERR_UNKNOWNMODE, String.valueOf(c),
                        "is unknown mode char to me for " + room.name());
            }
        }
    }

    private void setMemberFlag(User user, Room room, String nick, char mode, boolean adding, Replies replies) {
        User member = memberNamed(nick, room, replies);
        if (member != null) {
            room.setFlag(member, mode == 'o' ? Room.OPERATOR : Room.VOICE, adding);
            RoomCommands.tellRoomAndSender(room,
                    state.says(user, Command.MODE, room.name(), (adding ? "+" : "-") + mode, member.nick()), user, replies);
        }
    }

    /** The registered user {@code nick} if in {@code room}; answers 401 or 441 and returns null otherwise. */
    private User memberNamed(String nick, Room room, Replies replies) {
        User member = state.nicks().findRegistered(nick);
        if (member == null) {
            replies.noSuchNick(nick);
            return null;
        }
        if (!room.contains(member)) {
            replies.userNotInChannel(member, room);
            return null;
        }
        return member;
    }

    // KICK <room> <nick>{,<nick>} [:<reason>]: room operators only.
    void kick(User user, IrcMessage message, Replies replies) {
        Room room = roomCommands.memberRoom(user, message.param(0), replies);
        if (room == null) {
            return;
        }
        if (!room.isOperator(user)) {
            replies.notChannelOperator(room);
            return;
        }
        String reason = message.paramCount() > 2 ? message.param(2) : user.nick();
        if (reason.length() > ProtocolLimits.MAX_KICK_REASON_CHARS) {
            reason = reason.substring(0, ProtocolLimits.MAX_KICK_REASON_CHARS);
        }
        for (String nick : message.param(1).split(",")) {
            User target = memberNamed(nick, room, replies);
            if (target != null) {
                Outbound kick = state.says(user, Command.KICK, room.name(), target.nick(), reason);
                RoomCommands.tellRoomAndSender(room, kick, user, replies);
                state.remember(room, kick);
                state.rooms().leave(room, target);
            }
        }
    }
}
