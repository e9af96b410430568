package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.Numeric;
import java.util.Locale;

/** CAP, PASS, NICK and USER: connection registration (RFC 2812 section 3.1, IRCv3 capability negotiation). */
final class RegistrationCommands {
    private static final int MAX_USER_CHARS = 10;

    private final ChatState state;
    private final ServerInfo info;

    RegistrationCommands(ChatState state, ServerInfo info) {
        this.state = state;
        this.info = info;
    }

    void registerWith(CommandDispatcher dispatcher) {
        dispatcher.registerAnytime(Command.CAP, 1, this::cap);
        dispatcher.registerAnytime(Command.PASS, 1, this::pass);
        dispatcher.registerAnytime(Command.NICK, 0, this::nick);
        dispatcher.registerAnytime(Command.USER, 4, this::user);
    }

    // CAP LS [302] | CAP LIST | CAP REQ :caps | CAP END. No capabilities yet, so LS and LIST are
    // empty, every REQ is refused with NAK, and registration waits for END once LS was asked.
    private void cap(Connection connection, IrcMessage message) {
        String sub = message.param(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LS" -> {
                if (!connection.registered) {
                    connection.capNegotiating = true;
                }
                connection.send(state.fromServer(Command.CAP, connection.nickOrStar(), "LS", ""));
            }
            case "LIST" -> connection.send(state.fromServer(Command.CAP, connection.nickOrStar(), "LIST", ""));
            case "REQ" -> connection.send(state.fromServer(Command.CAP, connection.nickOrStar(), "NAK",
                    message.paramCount() > 1 ? message.param(1) : ""));
            case "END" -> {
                connection.capNegotiating = false;
                completeIfReady(connection);
            }
            default -> state.reply(connection, Numeric.ERR_INVALIDCAPCMD, message.param(0), "Invalid CAP command");
        }
    }

    // PASS <password>: only before registration (RFC 2812 3.1.1).
    private void pass(Connection connection, IrcMessage message) {
        if (connection.registered) {
            state.reply(connection, Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        connection.passwordGiven = message.param(0);
    }

    // NICK <nickname>: choose or change the nick (RFC 2812 3.1.2).
    private void nick(Connection connection, IrcMessage message) {
        String wanted = message.param(0);
        if (wanted == null || wanted.isEmpty()) {
            state.reply(connection, Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        String problem = IrcNames.nickProblem(wanted);
        if (problem != null) {
            state.reply(connection, Numeric.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname: " + problem);
            return;
        }
        if (state.nicks.isTakenByOther(wanted, connection)) {
            state.reply(connection, Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            return;
        }
        if (wanted.equals(connection.nick)) {
            return;
        }
        if (connection.registered) {
            changeNick(connection, wanted);
            return;
        }
        state.nicks.release(connection.nick, connection);
        state.nicks.claim(wanted, connection);
        connection.nick = wanted;
        completeIfReady(connection);
    }

    /** Renames a registered user; the change is announced once to them and to everyone sharing a room. */
    void changeNick(Connection connection, String wanted) {
        Outbound announcement = ChatState.fromUser(connection, Command.NICK, wanted);
        connection.send(announcement);
        state.sendToRoommates(connection, announcement);
        state.nicks.release(connection.nick, connection);
        state.nicks.claim(wanted, connection);
        connection.nick = wanted;
    }

    // USER <user> <mode> <unused> :<realname> (RFC 2812 3.1.3).
    private void user(Connection connection, IrcMessage message) {
        if (connection.registered) {
            state.reply(connection, Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        connection.user = userName(message.param(0));
        connection.realName = message.param(3);
        completeIfReady(connection);
    }

    /** The user name shown in prefixes: kept only if it is a plain word, as "~" + word otherwise trimmed. */
    private static String userName(String given) {
        StringBuilder out = new StringBuilder(MAX_USER_CHARS);
        for (int i = 0; i < given.length() && out.length() < MAX_USER_CHARS; i++) {
            char c = given.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            }
        }
        return out.length() == 0 ? "~u" : out.toString();
    }

    private void completeIfReady(Connection connection) {
        if (connection.registered || connection.nick == null || connection.user == null
                || connection.capNegotiating) {
            return;
        }
        String password = state.config.password();
        if (password != null && !password.equals(connection.passwordGiven)) {
            state.reply(connection, Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            connection.requestClose("Bad password");
            return;
        }
        state.markRegistered(connection);
        info.welcome(connection);
    }
}
