package chat.server;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The view of someone at nc or telnet. The first line is their nickname (asked again, with the
 * reason, until it is acceptable); after that a line is said to the current room, "/commands" do
 * the rest, and "88" leaves. Commands are turned into IRC messages and go through the same
 * dispatcher as everyone's, so both kinds of user share every rule and every room.
 */
final class PlainTextSession {
    static final String LEAVE_WORD = chat.protocol.LeaveWord.TEXT;
    static final String REAL_NAME = "plain-text user";
    private static final String HELP = String.join("\r\n",
            "*** Type a line to talk to your current room. Commands:",
            "***   /join #room       join a room (it becomes your current room)",
            "***   /part [#room]     leave a room",
            "***   /msg nick text    private message (or /msg #room text)",
            "***   /who              who is in the current room",
            "***   /rooms            list the rooms",
            "***   /nick newname     change your nickname",
            "***   /topic [text]     show or set the current room's topic",
            "***   /away [text]      mark yourself away (no text: back)",
            "***   /help             this text",
            "***   88                leave the chat");

    private final ChatState state;
    private final CommandDispatcher dispatcher;
    private final Connection connection;
    private Room current;

    PlainTextSession(ChatState state, CommandDispatcher dispatcher, Connection connection) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.connection = connection;
    }

    void onLine(String line) {
        String trimmed = line.strip();
        if (trimmed.equals(LEAVE_WORD)) {
            connection.requestClose(LEAVE_WORD, "Goodbye!");
        } else if (!connection.registered) {
            chooseNick(trimmed);
        } else if (trimmed.startsWith("/") && !trimmed.startsWith("//")) {
            command(trimmed);
        } else if (!trimmed.isEmpty()) {
            say(trimmed.startsWith("//") ? line.substring(line.indexOf('/') + 1) : line);
        }
    }

    private void chooseNick(String nick) {
        String problem = IrcNames.nickProblem(nick);
        if (problem != null) {
            tell("Sorry, " + problem + ". Type another nickname:");
            return;
        }
        if (state.nicks.isTakenByOther(nick, connection)) {
            tell("Sorry, the nickname " + nick + " is taken. Type another nickname:");
            return;
        }
        state.nicks.claim(nick, connection);
        connection.nick = nick;
        connection.user = "plain";
        connection.realName = REAL_NAME;
        state.markRegistered(connection);
        tell("Welcome, " + nick + "! Type a line to talk, /help for commands, 88 to leave.");
        join(state.config.defaultRoom());
    }

    private void command(String line) {
        int space = line.indexOf(' ');
        String word = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        switch (word) {
            case "/join", "/j" -> {
                if (rest.isEmpty()) {
                    tell("Usage: /join #room");
                } else {
                    join(rest.startsWith("#") ? rest.split(" ")[0] : "#" + rest.split(" ")[0]);
                }
            }
            case "/part", "/leave" -> withRoom(rest.isEmpty() ? null : rest.split(" ")[0], room ->
                    dispatch(Command.PART, room));
            case "/msg", "/m", "/query" -> privateMessage(rest);
            case "/who", "/names" -> withRoom(null, room -> dispatch(Command.NAMES, room));
            case "/rooms", "/list" -> dispatch(Command.LIST);
            case "/nick" -> {
                if (rest.isEmpty()) {
                    tell("Usage: /nick newname");
                } else {
                    dispatch(Command.NICK, rest);
                }
            }
            case "/topic" -> withRoom(null, room -> {
                if (rest.isEmpty()) {
                    dispatch(Command.TOPIC, room);
                } else {
                    dispatch(Command.TOPIC, room, rest);
                }
            });
            case "/away" -> dispatch(Command.AWAY, rest);
            case "/quit" -> connection.requestClose(rest.isEmpty() ? LEAVE_WORD : rest, "Goodbye!");
            case "/help" -> tell(HELP.substring(4));
            default -> tell("Unknown command " + word + "; type /help for the list.");
        }
    }

    private void privateMessage(String rest) {
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.substring(space).isBlank()) {
            tell("Usage: /msg nick text");
            return;
        }
        dispatch(Command.PRIVMSG, rest.substring(0, space), rest.substring(space + 1));
    }

    private void join(String name) {
        dispatch(Command.JOIN, name);
        Room room = state.rooms.find(name);
        if (room != null && room.contains(connection)) {
            current = room;
            tell("You are talking in " + room.name + " now.");
        }
    }

    private void say(String text) {
        withRoom(null, room -> dispatch(Command.PRIVMSG, room, text));
    }

    /** Runs the action with the named room, or the current one; says so when there is none. */
    private void withRoom(String name, java.util.function.Consumer<String> action) {
        if (name != null) {
            action.accept(name);
            return;
        }
        if (current == null || !connection.rooms.contains(current)) {
            current = connection.rooms.isEmpty() ? null : connection.rooms.iterator().next();
        }
        if (current == null) {
            tell("You are not in a room; /join #room first.");
            return;
        }
        action.accept(current.name);
    }

    private void dispatch(String command, String... params) {
        dispatcher.dispatch(connection, IrcMessage.of(command, params));
    }

    /** A line from the server to this user. */
    void tell(String text) {
        connection.enqueue(("*** " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
