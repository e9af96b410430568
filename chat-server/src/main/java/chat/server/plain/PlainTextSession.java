package chat.server.plain;

import chat.protocol.Command;
import chat.protocol.IrcNames;
import chat.protocol.IrcMessage;
import chat.protocol.LeaveWord;
import chat.server.command.ClientSession;
import chat.server.model.Capability;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The view of someone at nc or telnet. The first line is their nickname (asked again, with the
 * reason, until it is acceptable); after that a line is said to the current room, "/commands" do
 * the rest, and "88" leaves. Commands are turned into IRC messages and go through the same
 * dispatcher as everyone's, so both kinds of user share every rule and every room.
 */
public final class PlainTextSession implements ClientSession.PlainText {
    static final String REAL_NAME = "plain-text user";
    /** Short, so it fits a screen: the everyday commands first; "/help all" lists the rest. */
    private static final String HELP = String.join("\r\n",
            "Type a line to talk to your current room. Commands:",
            "***   /join #room      join a room (it becomes your current room)",
            "***   /go #room        talk in another room you are in",
            "***   /part [#room]    leave a room",
            "***   /msg who text    private message (or /msg #room text)",
            "***   /me waves        an action: * you waves",
            "***   /names /rooms    who is here, which rooms there are",
            "***   /help all        more commands; " + LeaveWord.TEXT + " leaves the chat");
    private static final String MORE_HELP = String.join("\r\n",
            "More commands:",
            "***   /nick newname     change your nickname",
            "***   /topic [text]     show or set the current room's topic",
            "***   /away [text]      mark yourself away (no text: back)",
            "***   /kick nick [why]  put someone out of the current room (room operators)",
            "***   /ban /unban mask  ban or unban a nick or nick!user@host mask (room operators)",
            "***   /op /deop nick    give or take operator; /voice /devoice nick: voice",
            "***   /invite nick      invite someone to the current room",
            "***   /mode [+i|-m|...] show or change the room's modes; /key [key] sets or clears its key",
            "***   /register PASSWORD   make your nickname an account (nobody else may use it)",
            "***   /login [account] PASSWORD   log in to your account",
            "***   /room register    register the current room to your account (/room access, /room info, /room drop)",
            "***   " + LeaveWord.TEXT + "                leave the chat");

    private final ServerState state;
    private final ClientSession session;
    private final User user;
    private Room current;
    private final PlainTextLogin login;

    PlainTextSession(ServerState state, ClientSession session) {
        this.state = state;
        this.session = session;
        this.user = session.user();
        this.login = new PlainTextLogin(state, session, this::tell, this::enter);
        session.link().useFormat(PlainTextRenderer.FORMAT);
        // Their own lines come back as others see them ("[#dev] <dave> hi"), only once the server
        // took them: a line sent to the wrong room, or refused, is seen at once.
        user.capabilities().enable(Capability.ECHO_MESSAGE);
    }

    /** The plain-text view for a session whose first line was not IRC. */
    public static ClientSession.PlainText open(ServerState state, ClientSession session) {
        return new PlainTextSession(state, session);
    }

    @Override
    public void onLine(String line) {
        String trimmed = line.strip();
        if (LeaveWord.is(trimmed)) {
            user.quits(LeaveWord.TEXT, "Goodbye!");
        } else if (!user.isRegistered()) {
            login.onLine(trimmed);
        } else if (trimmed.startsWith("/") && !trimmed.startsWith("//")) {
            command(trimmed);
        } else if (!trimmed.isEmpty()) {
            say(trimmed.startsWith("//") ? line.substring(line.indexOf('/') + 1) : line);
        }
    }

    @Override
    public void refused(String explanation) {
        tell(explanation);
    }

    /** The nickname (and any password) were accepted: into the chat. */
    private void enter(String nick) {
        // PlainTextLogin already gave the user the nick, to match the operator's bans against it.
        user.userName("plain");
        user.realName(REAL_NAME);
        state.markRegistered(user);
        tell("Welcome, " + nick + "! Type a line to talk, /help for commands, " + LeaveWord.TEXT + " to leave.");
        join(state.config().defaultRoom());
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
                    String[] words = rest.split(" +");
                    join(words[0].startsWith("#") ? words[0] : "#" + words[0], words.length > 1 ? words[1] : null);
                }
            }
            case "/part", "/leave" -> part(rest.isEmpty() ? null : rest.split(" ")[0]);
            case "/go" -> go(rest);
            case "/me" -> {
                if (rest.isEmpty()) {
                    tell("Usage: /me waves");
                } else {
                    withRoom(null, room -> dispatch(Command.PRIVMSG, room, "\u0001ACTION " + rest + "\u0001"));
                }
            }
            case "/msg", "/m", "/query" -> privateMessage(rest);
            case "/who", "/names" -> withRoom(rest.isEmpty() ? null : rest.split(" ")[0], room -> dispatch(Command.NAMES, room));
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
            case "/mode" -> withRoom(null, room -> dispatch(Command.MODE, prepend(room, rest)));
            case "/op", "/deop", "/voice", "/devoice", "/ban", "/unban" -> onMember(word, rest);
            case "/key" -> withRoom(null, room -> dispatch(Command.MODE, rest.isEmpty()
                    ? new String[] {room, "-k", "*"} : new String[] {room, "+k", rest.split(" +")[0]}));
            case "/kick" -> {
                String[] words = rest.split(" +", 2);
                if (rest.isEmpty()) {
                    tell("Usage: /kick nick [why]");
                } else {
                    withRoom(null, room -> dispatch(Command.KICK, words.length > 1
                            ? new String[] {room, words[0], words[1]} : new String[] {room, words[0]}));
                }
            }
            case "/invite" -> {
                if (rest.isEmpty() || rest.contains(" ")) {
                    tell("Usage: /invite nick");
                } else {
                    withRoom(null, room -> dispatch(Command.INVITE, rest, room));
                }
            }
            case "/room" -> roomCommand(rest);
            case "/register" -> login.register(rest);
            case "/login" -> login.login(rest);
            case "/quit" -> user.quits(rest.isEmpty() ? LeaveWord.TEXT : rest, "Goodbye!");
            case "/help" -> tell(rest.isEmpty() ? HELP : MORE_HELP);
            default -> tell("Unknown command " + word + "; type /help for the list.");
        }
    }

    /** /room register|drop|info|access ...: ROOM on the current room (or the one named after the word). */
    private void roomCommand(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" +");
        if (words.length == 0) {
            tell("Usage: /room register | drop | info | access [add account op|voice | del account | list]");
            return;
        }
        boolean named = words.length > 1 && words[1].startsWith("#");
        withRoom(named ? words[1] : null, room -> {
            String[] params = new String[words.length + (named ? 0 : 1)];
            params[0] = words[0];
            params[1] = room;
            System.arraycopy(words, named ? 2 : 1, params, 2, words.length - (named ? 2 : 1));
            dispatch("ROOM", params);
        });
    }

    /** /op nick, /ban mask and the like: one mode with its argument, on the current room. */
    private void onMember(String word, String rest) {
        if (rest.isEmpty() || rest.contains(" ")) {
            tell("Usage: " + word + " " + (word.endsWith("ban") ? "nick-or-mask" : "nick"));
            return;
        }
        String mode = switch (word) {
            case "/op" -> "+o";
            case "/deop" -> "-o";
            case "/voice" -> "+v";
            case "/devoice" -> "-v";
            case "/ban" -> "+b";
            default -> "-b";
        };
        withRoom(null, room -> dispatch(Command.MODE, room, mode, rest));
    }

    /** The room, then the words of {@code rest}: the parameters of a MODE line. */
    private static String[] prepend(String room, String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" +");
        String[] all = new String[words.length + 1];
        all[0] = room;
        System.arraycopy(words, 0, all, 1, words.length);
        return all;
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
        join(name, null);
    }

    /** /part: leaves the room; when it was the current one, says which room lines go to now. */
    private void part(String name) {
        withRoom(name, room -> {
            boolean wasCurrent = current != null && IrcNames.equalsFolded(current.name(), room);
            dispatch(Command.PART, room);
            if (wasCurrent && !current.contains(user)) {
                current = user.rooms().isEmpty() ? null : user.rooms().iterator().next();
                tell(current == null ? "You are not in a room now; /join #room to talk."
                        : "You are talking in " + current.name() + " now.");
            }
        });
    }

    /** /go #room: lines go to another room this user is in, without joining again. */
    private void go(String name) {
        Room room = name.isEmpty() ? null : state.rooms().find(name.startsWith("#") ? name : "#" + name);
        if (name.isEmpty() || name.contains(" ")) {
            tell("Usage: /go #room");
        } else if (room == null || !room.contains(user)) {
            tell("You are not in " + name + "; /join " + name + " first.");
        } else {
            current = room;
            tell("You are talking in " + room.name() + " now.");
        }
    }

    private void join(String name, String key) {
        if (key == null) {
            dispatch(Command.JOIN, name);
        } else {
            dispatch(Command.JOIN, name, key);
        }
        Room room = state.rooms().find(name);
        if (room != null && room.contains(user)) {
            current = room;
            tell("You are talking in " + room.name() + " now.");
        }
    }

    private void say(String text) {
        withRoom(null, room -> dispatch(Command.PRIVMSG, room, text));
    }

    /** Runs the action with the named room, or the current one; says so when there is none. */
    private void withRoom(String name, Consumer<String> action) {
        if (name != null) {
            action.accept(name);
            return;
        }
        if (current == null || !user.rooms().contains(current)) {
            current = user.rooms().isEmpty() ? null : user.rooms().iterator().next();
        }
        if (current == null) {
            tell("You are not in a room; /join #room first.");
            return;
        }
        action.accept(current.name());
    }

    private void dispatch(String command, String... params) {
        session.dispatch(IrcMessage.of(command, params));
    }

    /** A line from the server to this user. */
    private void tell(String text) {
        session.link().enqueue(PlainTextRenderer.tell(text));
    }
}
