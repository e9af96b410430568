package chat.client.session;

import chat.client.session.ClientAction.ClearWindow;
import chat.client.session.ClientAction.CloseWindow;
import chat.client.session.ClientAction.FetchOlder;
import chat.client.session.ClientAction.Ignore;
import chat.client.session.ClientAction.ShowWindow;
import chat.client.session.ClientAction.Inform;
import chat.client.session.ClientAction.Leave;
import chat.client.session.ClientAction.Send;
import chat.client.session.ClientAction.SwitchTarget;
import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.ProtocolLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;

/**
 * Turns one typed line into what it means: messages for the server and local actions. A pure
 * function of the line and the current state, so every command is tested without a socket.
 */
public final class InputInterpreter {
    /** Typed alone on a line, it leaves (a Chinese chat habit: "bye-bye" sounds like 8-8). */
    static final String LEAVE_WORD = chat.protocol.LeaveWord.TEXT;
    /**
     * The QUIT reason sent when leaving with 88, Ctrl-D or /quit alone: what others read after
     * "bob quit", so a word that reads as leaving rather than a bare "88".
     */
    public static final String QUIT_REASON = "leaving";

    /**
     * Room for the ":nick!user@host " prefix the server adds when it relays a message, so the
     * relayed line also fits 512 bytes: user (up to 10 bytes with a '~') and host (up to 63 bytes,
     * the DNS label limit most servers apply), plus ':', '!', '@' and a space.
     */
    private static final int RELAY_PREFIX_ALLOWANCE_BYTES = 10 + 63 + 4;
    private static final String CTCP = "\u0001";
    /** More than a screen needs; the server's CHATHISTORY=N may cap it further. */
    private static final int MOST_HISTORY_LINES = 1_000;

    public static final List<String> COMMANDS = List.of("/join", "/part", "/msg", "/query", "/go", "/me", "/nick",
            "/who", "/whois", "/names", "/list", "/topic", "/away", "/history", "/mode", "/op", "/deop", "/voice",
            "/devoice", "/ban", "/unban", "/kick", "/invite", "/key", "/register", "/login", "/room", "/quit", "/help",
            "/win", "/close", "/clear", "/notice", "/quote", "/ignore", "/unignore");

    static final String HELP = String.join("\n",
            "Type a line to send it to the current room or person (shown in the prompt).",
            "/join #room          join a room and switch to it",
            "/part [#room] [why]  leave a room (default: the current one)",
            "/msg nick text       send one private message",
            "/notice nick text    send a notice (no automatic reply expected)",
            "/query nick          talk to nick one-to-one from now on",
            "/go #room|nick|N     show that window (typed lines go there)",
            "/win N               show window N (also Alt-1 ... Alt-9, Alt-Left/Right)",
            "/close               close this window (leaves its room)",
            "/clear               clear this window",
            "/me action           show an action: * you waves",
            "/nick newnick        change your nickname",
            "/who [#room]         who is in a room",
            "/whois nick          who someone is",
            "/names [#room]       the nicks in a room",
            "/list                list the rooms",
            "/topic [text]        show or set the current room's topic",
            "/away [text]         mark yourself away (no text: back)",
            "/history [N]         N earlier lines here, if the server keeps history (PageUp too)",
            "/mode [+m|-i|...]    show or change the current room's modes (operators)",
            "/op /deop nick       give or take operator; /voice /devoice nick: voice (+m rooms)",
            "/ban /unban mask     ban or unban (nick, or nick!user@host with * and ?)",
            "/kick nick [why]     put someone out of the current room",
            "/invite nick [#room] invite someone (needed for +i rooms)",
            "/key [key]           set the room's key; no key: remove it",
            "/register [account]  create an account (default: your nick); asks for a password",
            "/login account       log in to your account; asks for the password",
            "/room register       register the current room to your account; /room access [add acc op|voice |",
            "                     del acc], /room info, /room drop (a room name after the word picks another)",
            "/ignore [nick]       hide messages, notices and typing from nick (no nick: list)",
            "/unignore nick       stop ignoring nick",
            "/quote LINE          send a raw IRC line",
            "/quit [reason]       leave the chat",
            "88                   leave the chat",
            "//text               send a line that starts with /",
            "Keys: Tab completes, Up/Down what you typed, PageUp earlier messages, Alt-1..9 windows,",
            "Ctrl-C clears the line, Ctrl-D leaves. Enter on an empty line reconnects now when disconnected.");

    private InputInterpreter() {
    }

    static List<ClientAction> interpret(String line, ClientState state) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.equals(LEAVE_WORD)) {
            return List.of(new Send(IrcMessage.of(Command.QUIT, QUIT_REASON)), new Leave());
        }
        if (line.startsWith("//")) {
            return say(state, line.substring(1));
        }
        if (!line.startsWith("/")) {
            return say(state, line);
        }
        String[] words = trimmed.split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        return switch (name) {
            case "/join", "/j" -> join(rest, state);
            case "/part", "/leave" -> part(rest, state);
            case "/msg" -> privateMessage(rest, state);
            case "/query", "/q" -> query(rest, state);
            case "/go" -> go(rest, state);
            case "/win", "/window", "/w" -> window(rest);
            case "/close", "/wc" -> List.of(new CloseWindow());
            case "/clear" -> List.of(new ClearWindow());
            case "/notice" -> notice(rest);
            case "/quote", "/raw" -> quote(rest);
            case "/ignore" -> rest.isEmpty() ? List.of(new Ignore(null, true)) : ignore(rest, true);
            case "/unignore" -> ignore(rest, false);
            case "/me" -> action(rest, state);
            case "/nick" -> nick(rest);
            case "/who" -> who(rest, state);
            case "/whois" -> rest.isEmpty() || rest.contains(" ") ? hint("usage: /whois nick")
                    : List.of(new Send(IrcMessage.of(Command.WHOIS, rest)));
            case "/names" -> names(rest, state);
            case "/list" -> List.of(new Send(IrcMessage.of(Command.LIST)));
            case "/topic" -> topic(rest, state);
            case "/away" -> List.of(new Send(rest.isEmpty() ? IrcMessage.of(Command.AWAY)
                    : IrcMessage.of(Command.AWAY, rest)));
            case "/history" -> history(rest);
            case "/mode" -> mode(rest, state);
            case "/op" -> onMember(rest, state, "+o");
            case "/deop" -> onMember(rest, state, "-o");
            case "/voice" -> onMember(rest, state, "+v");
            case "/devoice" -> onMember(rest, state, "-v");
            case "/ban" -> onMember(rest, state, "+b");
            case "/unban" -> onMember(rest, state, "-b");
            case "/key" -> inRoom(state, room -> rest.isEmpty() ? IrcMessage.of(Command.MODE, room, "-k", "*")
                    : IrcMessage.of(Command.MODE, room, "+k", rest.split("\\s+")[0]));
            case "/kick" -> rest.isEmpty() ? hint("usage: /kick nick [reason]") : inRoom(state, room -> {
                String[] parts = rest.split("\\s+", 2);
                return parts.length > 1 ? IrcMessage.of(Command.KICK, room, parts[0], parts[1])
                        : IrcMessage.of(Command.KICK, room, parts[0]);
            });
            case "/invite" -> invite(rest, state);
            case "/register" -> rest.contains(" ") ? hint("usage: /register [account] (the password is asked for, never typed here)")
                    : List.of(new ClientAction.Register(rest.isEmpty() ? null : rest));
            case "/login" -> rest.isEmpty() || rest.contains(" ")
                    ? hint("usage: /login account (the password is asked for, never typed here)")
                    : List.of(new ClientAction.Login(rest));
            case "/room" -> room(rest, state);
            case "/quit", "/exit" -> List.of(new Send(IrcMessage.of(Command.QUIT, rest.isEmpty() ? QUIT_REASON : rest)),
                    new Leave());
            case "/help", "/?" -> List.of(new Inform(HELP));
            default -> hint("unknown command " + words[0] + " (/help lists the commands; //text sends a line starting with /)");
        };
    }

    private static List<ClientAction> say(ClientState state, String text) {
        if (state.target() == null) {
            return hint("no current room or person: /join #room or /query nick first");
        }
        return privmsgs(state, state.target(), text, "", "");
    }

    /**
     * The JOIN only: the window opens and becomes current when the server's JOIN arrives, so a
     * refused join (full, invite-only, banned, wrong key) leaves you where you were. A room already
     * joined is simply shown.
     */
    private static List<ClientAction> join(String rest, ClientState state) {
        if (rest.isEmpty()) {
            return hint("usage: /join #room");
        }
        String[] words = rest.split("\\s+");
        String room = words[0].startsWith("#") ? words[0] : "#" + words[0];
        if (!IrcNames.isValidRoomName(room)) {
            return hint("not a room name: " + room);
        }
        if (state.inRoom(room)) {
            return List.of(new SwitchTarget(room));
        }
        IrcMessage join = words.length > 1 ? IrcMessage.of(Command.JOIN, room, words[1]) : IrcMessage.of(Command.JOIN, room);
        return List.of(new Send(join));
    }

    /** /go 2, /go #room (one I am in), /go nick (a private window, opened if new). */
    private static List<ClientAction> go(String rest, ClientState state) {
        if (rest.isEmpty() || rest.contains(" ")) {
            return hint("usage: /go #room, /go nick or /go N (a window number)");
        }
        if (rest.chars().allMatch(Character::isDigit)) {
            return window(rest);
        }
        if (IrcNames.isRoomName(rest) && !state.inRoom(rest)) {
            return hint("you are not in " + rest + ": /join " + rest + " first");
        }
        return List.of(new SwitchTarget(rest));
    }

    private static List<ClientAction> window(String rest) {
        try {
            int number = Integer.parseInt(rest.strip());
            if (number >= 1) {
                return List.of(new ShowWindow(number));
            }
        } catch (NumberFormatException notANumber) {
            // the usage says what is wanted
        }
        return hint("usage: /win N (a window number, as on the status bar)");
    }

    private static List<ClientAction> notice(String rest) {
        String[] words = rest.split("\\s+", 2);
        if (words.length < 2 || words[0].isEmpty()) {
            return hint("usage: /notice nick-or-#room text");
        }
        return List.of(new Send(IrcMessage.of(Command.NOTICE, words[0], words[1])));
    }

    /** /quote sends the line as typed: for commands this client has no word for. */
    private static List<ClientAction> quote(String rest) {
        if (rest.isEmpty()) {
            return hint("usage: /quote RAW IRC LINE (e.g. /quote MOTD)");
        }
        try {
            return List.of(new Send(chat.protocol.IrcParser.parse(rest)));
        } catch (chat.protocol.MalformedMessageException malformed) {
            return hint("not an IRC line: " + malformed.getMessage());
        }
    }

    private static List<ClientAction> ignore(String rest, boolean ignore) {
        if (rest.isEmpty() || rest.contains(" ") || !IrcNames.isValidNick(rest)) {
            return hint(ignore ? "usage: /ignore nick (no nick: who is ignored)" : "usage: /unignore nick");
        }
        return List.of(new Ignore(rest, ignore));
    }

    private static List<ClientAction> part(String rest, ClientState state) {
        String room = state.target();
        String reason = rest;
        if (rest.startsWith("#")) {
            String[] words = rest.split("\\s+", 2);
            room = words[0];
            reason = words.length > 1 ? words[1] : "";
        }
        if (room == null || !IrcNames.isRoomName(room)) {
            return hint("usage: /part #room (you are not talking in a room now)");
        }
        return List.of(new Send(reason.isEmpty() ? IrcMessage.of(Command.PART, room) : IrcMessage.of(Command.PART, room, reason)));
    }

    private static List<ClientAction> privateMessage(String rest, ClientState state) {
        String[] words = rest.split("\\s+", 2);
        if (words.length < 2 || words[0].isEmpty()) {
            return hint("usage: /msg nick text");
        }
        return privmsgs(state, words[0], words[1], "", "");
    }

    private static List<ClientAction> query(String rest, ClientState state) {
        String[] words = rest.split("\\s+", 2);
        if (words[0].isEmpty()) {
            return hint("usage: /query nick [text]");
        }
        List<ClientAction> actions = new ArrayList<>();
        actions.add(new SwitchTarget(words[0]));
        if (words.length > 1) {
            actions.addAll(privmsgs(state, words[0], words[1], "", ""));
        }
        return actions;
    }

    /** CTCP ACTION: the text wrapped in \001ACTION ...\001, which every IRC client shows as "* nick text". */
    private static List<ClientAction> action(String rest, ClientState state) {
        if (rest.isEmpty()) {
            return hint("usage: /me waves");
        }
        if (state.target() == null) {
            return hint("no current room or person: /join #room or /query nick first");
        }
        return privmsgs(state, state.target(), rest, CTCP + "ACTION ", CTCP);
    }

    private static List<ClientAction> nick(String rest) {
        String problem = IrcNames.nickProblem(rest);
        return problem != null ? hint("usage: /nick newnick (" + problem + ")")
                : List.of(new Send(IrcMessage.of(Command.NICK, rest)));
    }

    private static List<ClientAction> who(String rest, ClientState state) {
        String room = rest.isEmpty() ? state.target() : rest;
        if (room == null) {
            return hint("usage: /who #room");
        }
        return List.of(new Send(IrcMessage.of(Command.WHO, room)));
    }

    private static List<ClientAction> names(String rest, ClientState state) {
        String room = rest.isEmpty() ? state.target() : rest;
        if (room == null || !IrcNames.isRoomName(room)) {
            return hint("usage: /names #room");
        }
        return List.of(new Send(IrcMessage.of(Command.NAMES, room)));
    }

    private static List<ClientAction> topic(String rest, ClientState state) {
        String room = state.target();
        if (room == null || !IrcNames.isRoomName(room)) {
            return hint("/topic works on the current room; /go #room first");
        }
        return List.of(new Send(rest.isEmpty() ? IrcMessage.of(Command.TOPIC, room) : IrcMessage.of(Command.TOPIC, room, rest)));
    }

    /** A MODE line for the current room, or the room named first (/mode #room +m). */
    private static List<ClientAction> mode(String rest, ClientState state) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (words.length > 0 && IrcNames.isRoomName(words[0])) {
            return List.of(new Send(IrcMessage.of(Command.MODE, words)));
        }
        return inRoom(state, room -> {
            String[] params = new String[words.length + 1];
            params[0] = room;
            System.arraycopy(words, 0, params, 1, words.length);
            return IrcMessage.of(Command.MODE, params);
        });
    }

    /** /op nick, /ban mask and the like: one mode with its argument, on the current room. */
    private static List<ClientAction> onMember(String rest, ClientState state, String mode) {
        if (rest.isEmpty() || rest.contains(" ")) {
            return hint("usage: " + (mode.endsWith("b") ? "/ban or /unban nick-or-mask" : "/op, /deop, /voice or /devoice nick"));
        }
        return inRoom(state, room -> IrcMessage.of(Command.MODE, room, mode, rest));
    }

    /** /invite nick [#room]: to the current room unless one is named. */
    private static List<ClientAction> invite(String rest, ClientState state) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (words.length == 0 || words.length > 2) {
            return hint("usage: /invite nick [#room]");
        }
        if (words.length == 2) {
            return List.of(new Send(IrcMessage.of(Command.INVITE, words[0], words[1])));
        }
        return inRoom(state, room -> IrcMessage.of(Command.INVITE, words[0], room));
    }

    /**
     * /room register|drop|info|access [add account op|voice | del account | list] [#room first]:
     * the server's ROOM command, on the current room unless a room is named after the word.
     */
    private static List<ClientAction> room(String rest, ClientState state) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (words.length == 0 || !List.of("register", "drop", "info", "access").contains(words[0].toLowerCase(Locale.ROOT))) {
            return hint("usage: /room register | drop | info | access [add account op|voice | del account | list]");
        }
        String sub = words[0].toUpperCase(Locale.ROOT);
        boolean named = words.length > 1 && IrcNames.isRoomName(words[1]);
        List<String> after = List.of(words).subList(named ? 2 : 1, words.length);
        Function<String, IrcMessage> make = room -> {
            List<String> params = new ArrayList<>(List.of(sub, room));
            params.addAll(after);
            return IrcMessage.of("ROOM", params.toArray(new String[0]));
        };
        return named ? List.of(new Send(make.apply(words[1]))) : inRoom(state, make);
    }

    /** The message made for the current room, or a hint when the current conversation is not a room. */
    private static List<ClientAction> inRoom(ClientState state, Function<String, IrcMessage> make) {
        String room = state.target();
        if (room == null || !IrcNames.isRoomName(room)) {
            return hint("this works on the current room; /go #room first");
        }
        return List.of(new Send(make.apply(room)));
    }

    private static List<ClientAction> history(String rest) {
        if (rest.isEmpty()) {
            return List.of(new FetchOlder(ChatHistory.DEFAULT_OLDER));
        }
        try {
            int count = Integer.parseInt(rest);
            if (count >= 1 && count <= MOST_HISTORY_LINES) {
                return List.of(new FetchOlder(count));
            }
        } catch (NumberFormatException notANumber) {
            // the usage below says what is wanted
        }
        return hint("usage: /history [N] (N lines, 1 to " + MOST_HISTORY_LINES + ", default " + ChatHistory.DEFAULT_OLDER + ")");
    }

    /** One PRIVMSG per piece, each small enough that even the relayed line fits the limit. */
    private static List<ClientAction> privmsgs(ClientState state, String target, String text, String before, String after) {
        int overhead = RELAY_PREFIX_ALLOWANCE_BYTES + MessageSplitter.utf8Bytes(state.nick())
                + MessageSplitter.utf8Bytes(Command.PRIVMSG + " " + target + " :" + before + after);
        int budget = ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES - overhead;
        List<ClientAction> sends = new ArrayList<>();
        for (String piece : MessageSplitter.split(text, budget)) {
            sends.add(new Send(IrcMessage.of(Command.PRIVMSG, target, before + piece + after)));
        }
        return sends;
    }

    private static List<ClientAction> hint(String text) {
        return List.of(new Inform(text));
    }
}
