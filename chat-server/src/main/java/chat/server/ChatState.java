package chat.server;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the chat knows: connections, nicks, rooms, counters, and the small vocabulary of
 * replies handlers share. Owned by the loop thread alone, so nothing here locks.
 */
final class ChatState {
    final ServerConfig config;
    final String serverName;
    final long startedEpochMillis = System.currentTimeMillis();
    final Set<Connection> connections = new HashSet<>();
    final NickRegistry nicks = new NickRegistry();
    final RoomRegistry rooms = new RoomRegistry();
    /** The loop clock (monotonic milliseconds), set at the start of every turn. */
    long nowMillis;
    long messagesRelayed;
    long linesReceived;
    private int registeredUsers;

    ChatState(ServerConfig config) {
        this.config = config;
        this.serverName = config.serverName();
    }

    /** A numeric from the server to one client: ":server NNN nick params...". */
    void reply(Connection to, String numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(to.nickOrStar());
        for (int i = 0; i < params.length; i++) {
            all.add(i < params.length - 1 ? asWord(params[i]) : params[i]);
        }
        to.send(new IrcMessage(Map.of(), serverName, numeric, all));
    }

    /**
     * A middle parameter made encodable: error replies echo what the client sent (a nick, a room,
     * a mode letter), and a client may send an empty word, a space or a leading ':' there.
     * Refusing to encode would turn the client's mistake into a server error.
     */
    static String asWord(String param) {
        if (param == null || param.isEmpty()) {
            return "*";
        }
        String word = param.replace(' ', '_');
        return word.charAt(0) == ':' ? "_" + word.substring(1) : word;
    }

    /** A command with the server as source, e.g. NOTICE or PONG. */
    IrcMessage fromServer(String command, String... params) {
        return IrcMessage.from(serverName, command, params);
    }

    /** A command with this client as source, e.g. JOIN or PRIVMSG. */
    static Outbound fromUser(Connection source, String command, String... params) {
        return new Outbound(IrcMessage.from(source.prefix(), command, params));
    }

    /** Sends once to everyone who shares at least one room with {@code source} (not to source itself). */
    void sendToRoommates(Connection source, Outbound message) {
        Set<Connection> seen = new LinkedHashSet<>();
        for (Room room : source.rooms) {
            for (Connection member : room.members()) {
                if (member != source && seen.add(member)) {
                    member.send(message);
                }
            }
        }
    }

    /** Leaves every room (others see the QUIT once each) and frees the nick. */
    void quit(Connection connection, String reason) {
        if (connection.registered) {
            registeredUsers--;
            sendToRoommates(connection, fromUser(connection, "QUIT", reason));
        }
        for (Room room : new ArrayList<>(connection.rooms)) {
            rooms.leave(room, connection);
        }
        nicks.release(connection.nick, connection);
    }

    /** Marks a connection registered; counted here so LUSERS never walks every connection. */
    void markRegistered(Connection connection) {
        connection.registered = true;
        registeredUsers++;
    }

    int registeredCount() {
        return registeredUsers;
    }

    int unregisteredCount() {
        return connections.size() - registeredUsers;
    }
}
