package chat.client.session;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Which windows a line from the server belongs in, decided from the state before the line changes
 * it (a QUIT still finds the rooms its sender was in). Pure. An empty answer means "the current
 * window": replies to commands, server notices, errors.
 */
public final class LineRouting {
    private static final String CTCP = "\u0001";

    private LineRouting() {
    }

    public static List<String> windowsFor(IrcMessage message, ClientState state) {
        String source = message.sourceNick();
        String first = message.param(0);
        if (message.isNumeric() || first == null && !message.command().equals(Command.QUIT)) {
            return List.of();
        }
        return switch (message.command()) {
            case Command.PRIVMSG, Command.NOTICE -> conversation(message, state).map(List::of).orElse(List.of());
            case Command.JOIN, Command.PART, Command.KICK, Command.TOPIC -> List.of(first);
            case Command.MODE -> IrcNames.isRoomName(first) ? List.of(first) : List.of();
            case Command.QUIT, Command.NICK -> whereSeen(source, state);
            default -> List.of();
        };
    }

    /**
     * The conversation a message is part of: the room, or the other person of a private one. A
     * NOTICE from a person (or the server) to me has its own window only if one is open already, as
     * in irssi: notices are usually answers to something just typed in the current window.
     */
    public static java.util.Optional<String> conversation(IrcMessage message, ClientState state) {
        String target = message.param(0);
        String source = message.sourceNick();
        boolean fromPerson = message.prefix() != null && message.prefix().indexOf('!') > 0;
        if (target == null) {
            return java.util.Optional.empty();
        }
        if (IrcNames.isRoomName(target)) {
            return java.util.Optional.of(target);
        }
        String other = state.isMe(source) ? target : source;
        if (other == null || !fromPerson && !state.isMe(source)) {
            return java.util.Optional.empty();
        }
        boolean notice = message.command().equals(Command.NOTICE);
        if ((notice || isCtcpRequest(message)) && !state.windows().has(other)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(other);
    }

    /**
     * Where my own message shows: in its conversation's window and, on a screen with windows when
     * that window is not the one shown, in the current window too (null in the list), as the
     * confirmation of what was just typed there.
     */
    public static List<String> forMine(String conversation, ClientState state, boolean windowed) {
        if (conversation == null) {
            return List.of();
        }
        if (!windowed || state.isCurrentTarget(conversation)) {
            return List.of(conversation);
        }
        return java.util.Arrays.asList(conversation, null);
    }

    /** A CTCP request (VERSION, PING...), which is answered, not read: every CTCP but ACTION. */
    public static boolean isCtcpRequest(IrcMessage message) {
        String text = message.lastParam();
        return message.command().equals(Command.PRIVMSG) && message.paramCount() >= 2 && text != null
                && text.startsWith(CTCP) && !text.startsWith(CTCP + "ACTION");
    }

    /** A person's QUIT or NICK shows in each room shared with them and in their own window. */
    private static List<String> whereSeen(String who, ClientState state) {
        if (who == null) {
            return List.of();
        }
        if (state.isMe(who)) {
            List<String> all = new ArrayList<>();
            state.windows().list().forEach(w -> all.add(w.name()));
            return all;
        }
        List<String> windows = new ArrayList<>(state.roomsWith(who));
        if (state.windows().has(who)) {
            windows.add(who);
        }
        return windows;
    }
}
