package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import java.util.ArrayList;

/** JOIN, PART, TOPIC, NAMES and LIST (RFC 2812 section 3.2). */
final class RoomCommands {
    /** Room list bytes per 353 line, well under the 512-byte limit with prefix and room name. */
    private static final int NAMES_LINE_BUDGET_CHARS = 380;

    private final ChatState state;

    RoomCommands(ChatState state) {
        this.state = state;
    }

    void registerWith(CommandDispatcher dispatcher) {
        dispatcher.register(Command.JOIN, 1, this::join);
        dispatcher.register(Command.PART, 1, this::part);
        dispatcher.register(Command.TOPIC, 1, this::topic);
        dispatcher.register(Command.NAMES, 0, this::names);
        dispatcher.register(Command.LIST, 0, this::list);
    }

    // JOIN <room>{,<room>} [<keys>] | JOIN 0 (leave all rooms)
    private void join(Connection connection, IrcMessage message) {
        if (message.param(0).equals("0")) {
            for (Room room : new ArrayList<>(connection.rooms)) {
                leave(connection, room, connection.nick);
            }
            return;
        }
        for (String name : message.param(0).split(",")) {
            if (!IrcNames.isValidRoomName(name)) {
                state.reply(connection, Numeric.ERR_NOSUCHCHANNEL, name.isEmpty() ? "*" : name, "Invalid room name");
                continue;
            }
            Room room = state.rooms.findOrCreate(name);
            if (room.contains(connection)) {
                continue;
            }
            state.rooms.join(room, connection);
            room.broadcast(ChatState.fromUser(connection, Command.JOIN, room.name), null);
            if (room.topic != null) {
                sendTopic(connection, room);
            }
            sendNames(connection, room);
        }
    }

    // PART <room>{,<room>} [:<reason>]
    private void part(Connection connection, IrcMessage message) {
        String reason = message.paramCount() > 1 ? message.param(1) : null;
        for (String name : message.param(0).split(",")) {
            Room room = memberRoom(connection, name);
            if (room != null) {
                leave(connection, room, reason);
            }
        }
    }

    private void leave(Connection connection, Room room, String reason) {
        Outbound part = reason == null || reason.isEmpty()
                ? ChatState.fromUser(connection, Command.PART, room.name)
                : ChatState.fromUser(connection, Command.PART, room.name, reason);
        room.broadcast(part, null);
        state.rooms.leave(room, connection);
    }

    /** The room if it exists and the client is in it; answers 403 or 442 and returns null otherwise. */
    Room memberRoom(Connection connection, String name) {
        Room room = state.rooms.find(name);
        if (room == null) {
            state.reply(connection, Numeric.ERR_NOSUCHCHANNEL, name.isEmpty() ? "*" : name, "No such channel");
            return null;
        }
        if (!room.contains(connection)) {
            state.reply(connection, Numeric.ERR_NOTONCHANNEL, room.name, "You're not on that channel");
            return null;
        }
        return room;
    }

    // TOPIC <room> [:<topic>]: query, or set (room operators only: the room is +t).
    private void topic(Connection connection, IrcMessage message) {
        String name = message.param(0);
        if (message.paramCount() == 1) {
            Room room = state.rooms.find(name);
            if (room == null) {
                state.reply(connection, Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            } else if (room.topic == null) {
                state.reply(connection, Numeric.RPL_NOTOPIC, room.name, "No topic is set");
            } else {
                sendTopic(connection, room);
            }
            return;
        }
        Room room = memberRoom(connection, name);
        if (room == null) {
            return;
        }
        if (!room.isOperator(connection)) {
            state.reply(connection, Numeric.ERR_CHANOPRIVSNEEDED, room.name, "You're not channel operator");
            return;
        }
        String topic = message.param(1);
        if (topic.length() > ProtocolLimits.MAX_TOPIC_CHARS) {
            topic = topic.substring(0, ProtocolLimits.MAX_TOPIC_CHARS);
        }
        room.topic = topic.isEmpty() ? null : topic;
        room.topicSetBy = connection.prefix();
        room.topicSetEpochSeconds = System.currentTimeMillis() / 1000;
        room.broadcast(ChatState.fromUser(connection, Command.TOPIC, room.name, topic), null);
    }

    private void sendTopic(Connection connection, Room room) {
        state.reply(connection, Numeric.RPL_TOPIC, room.name, room.topic);
        state.reply(connection, Numeric.RPL_TOPICWHOTIME, room.name, room.topicSetBy,
                Long.toString(room.topicSetEpochSeconds));
    }

    // NAMES [<room>{,<room>}]: a room that does not exist gets only 366 (RFC 2812 3.2.5).
    private void names(Connection connection, IrcMessage message) {
        if (message.paramCount() == 0) {
            for (Room room : connection.rooms) {
                sendNames(connection, room);
            }
            if (connection.rooms.isEmpty()) {
                state.reply(connection, Numeric.RPL_ENDOFNAMES, "*", "End of /NAMES list.");
            }
            return;
        }
        for (String name : message.param(0).split(",")) {
            Room room = state.rooms.find(name);
            if (room == null) {
                state.reply(connection, Numeric.RPL_ENDOFNAMES, name.isEmpty() ? "*" : name, "End of /NAMES list.");
            } else {
                sendNames(connection, room);
            }
        }
    }

    void sendNames(Connection connection, Room room) {
        StringBuilder line = new StringBuilder();
        for (Connection member : room.members()) {
            if (line.length() > NAMES_LINE_BUDGET_CHARS) {
                state.reply(connection, Numeric.RPL_NAMREPLY, "=", room.name, line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(room.prefixOf(member)).append(member.nick);
        }
        if (line.length() > 0) {
            state.reply(connection, Numeric.RPL_NAMREPLY, "=", room.name, line.toString());
        }
        state.reply(connection, Numeric.RPL_ENDOFNAMES, room.name, "End of /NAMES list.");
    }

    // LIST [<room>{,<room>}]
    private void list(Connection connection, IrcMessage message) {
        state.reply(connection, Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        if (message.paramCount() == 0) {
            for (Room room : state.rooms.all()) {
                listEntry(connection, room);
            }
        } else {
            for (String name : message.param(0).split(",")) {
                Room room = state.rooms.find(name);
                if (room != null) {
                    listEntry(connection, room);
                }
            }
        }
        state.reply(connection, Numeric.RPL_LISTEND, "End of /LIST");
    }

    private void listEntry(Connection connection, Room room) {
        state.reply(connection, Numeric.RPL_LIST, room.name, Integer.toString(room.size()),
                room.topic == null ? "" : room.topic);
    }
}
