package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;

/** WHO, WHOIS, ISON, USERHOST, MOTD, LUSERS, VERSION, TIME: questions about users and the server. */
final class QueryCommands {
    private final ChatState state;
    private final ServerInfo info;

    QueryCommands(ChatState state, ServerInfo info) {
        this.state = state;
        this.info = info;
    }

    void registerWith(CommandDispatcher dispatcher) {
        dispatcher.register(Command.WHO, 0, this::who);
        dispatcher.register(Command.WHOIS, 0, this::whois);
        dispatcher.register(Command.ISON, 1, this::ison);
        dispatcher.register(Command.USERHOST, 1, this::userhost);
        dispatcher.register(Command.MOTD, 0, (connection, message) -> info.motd(connection));
        dispatcher.register(Command.LUSERS, 0, (connection, message) -> info.lusers(connection));
        dispatcher.register(Command.VERSION, 0, (connection, message) -> info.version(connection));
        dispatcher.register(Command.TIME, 0, (connection, message) -> info.time(connection));
    }

    // WHO [<room>|<nick>]: 352 per match, then 315 (RFC 2812 3.6.1). Masks other than an exact
    // room or nick match nothing, which is allowed: a server may limit what WHO reveals.
    private void who(Connection connection, IrcMessage message) {
        String mask = message.paramCount() == 0 ? "*" : message.param(0);
        if (IrcNames.isRoomName(mask)) {
            Room room = state.rooms.find(mask);
            if (room != null) {
                for (Connection member : room.members()) {
                    whoReply(connection, room.name, member, room.prefixOf(member));
                }
            }
        } else {
            Connection user = state.nicks.find(mask);
            if (user != null && user.registered) {
                whoReply(connection, "*", user, "");
            }
        }
        state.reply(connection, Numeric.RPL_ENDOFWHO, mask, "End of /WHO list.");
    }

    private void whoReply(Connection to, String roomName, Connection user, String roomPrefix) {
        String flags = (user.away == null ? "H" : "G") + roomPrefix;
        state.reply(to, Numeric.RPL_WHOREPLY, roomName, user.user, user.peerAddress, state.serverName, user.nick,
                flags, "0 " + user.realName);
    }

    // WHOIS [<server>] <nick>{,<nick>} (RFC 2812 3.6.2)
    private void whois(Connection connection, IrcMessage message) {
        if (message.paramCount() == 0) {
            state.reply(connection, Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        String list = message.param(message.paramCount() > 1 ? 1 : 0);
        for (String nick : list.split(",")) {
            Connection user = state.nicks.find(nick);
            if (user == null || !user.registered) {
                state.reply(connection, Numeric.ERR_NOSUCHNICK, nick.isEmpty() ? "*" : nick, "No such nick/channel");
            } else {
                whoisUser(connection, user);
                nick = user.nick;
            }
            state.reply(connection, Numeric.RPL_ENDOFWHOIS, nick.isEmpty() ? "*" : nick, "End of /WHOIS list.");
        }
    }

    private void whoisUser(Connection to, Connection user) {
        state.reply(to, Numeric.RPL_WHOISUSER, user.nick, user.user, user.peerAddress, "*", user.realName);
        if (!user.rooms.isEmpty()) {
            StringBuilder rooms = new StringBuilder();
            for (Room room : user.rooms) {
                if (rooms.length() > 0) {
                    rooms.append(' ');
                }
                rooms.append(room.prefixOf(user)).append(room.name);
            }
            state.reply(to, Numeric.RPL_WHOISCHANNELS, user.nick, rooms.toString());
        }
        state.reply(to, Numeric.RPL_WHOISSERVER, user.nick, state.serverName, ServerInfo.VERSION);
        if (user.away != null) {
            state.reply(to, Numeric.RPL_AWAY, user.nick, user.away);
        }
        long idleSeconds = Math.max(0, (state.nowMillis - user.lastMessageAtMillis) / 1000);
        state.reply(to, Numeric.RPL_WHOISIDLE, user.nick, Long.toString(idleSeconds),
                Long.toString(user.signonEpochSeconds), "seconds idle, signon time");
    }

    // ISON <nick>{ <nick>}: the ones that are online (RFC 2812 4.9).
    private void ison(Connection connection, IrcMessage message) {
        StringBuilder online = new StringBuilder();
        for (String param : message.params()) {
            for (String nick : param.split(" ")) {
                Connection user = nick.isEmpty() ? null : state.nicks.find(nick);
                if (user != null && user.registered) {
                    online.append(online.length() == 0 ? "" : " ").append(user.nick);
                }
            }
        }
        state.reply(connection, Numeric.RPL_ISON, online.toString());
    }

    // USERHOST <nick>{ <nick>} (up to 5, RFC 2812 4.8)
    private void userhost(Connection connection, IrcMessage message) {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < Math.min(5, message.paramCount()); i++) {
            Connection user = state.nicks.find(message.param(i));
            if (user != null && user.registered) {
                reply.append(reply.length() == 0 ? "" : " ").append(user.nick).append('=')
                        .append(user.away == null ? '+' : '-').append(user.user).append('@').append(user.peerAddress);
            }
        }
        state.reply(connection, Numeric.RPL_USERHOST, reply.toString());
    }
}
