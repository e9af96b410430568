package chat.server.plain;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.ModeWords;
import chat.protocol.Numeric;
import chat.protocol.TerminalText;
import chat.server.net.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a protocol message looks to someone at nc or telnet: "[#lobby] <bob> hi",
 * "* bob joined #lobby", "[private] <bob> hi", "*** ..." for the server. A pure function; its
 * result is stripped of control characters because no client stands between it and a terminal.
 */
public final class PlainTextRenderer extends WireFormat {
    /** The one instance; a format has no state. */
    public static final PlainTextRenderer FORMAT = new PlainTextRenderer();
    private static final char CTCP = '\u0001';
    private static final byte[] NOTHING = new byte[0];
    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private PlainTextRenderer() {
        super(1);
    }

    /** The CRLF-terminated line, or an empty array when a plain-text user should see nothing of it. */
    @Override
    public byte[] encode(IrcMessage message) {
        String text = message.isNumeric() ? numeric(message) : command(message);
        return text == null ? NOTHING : line(text);
    }

    /**
     * A line from the server to a plain-text user: "*** text". Not stripped: the server's own text
     * may hold line breaks on purpose (the help), and holds nothing of anyone else's.
     */
    public static byte[] tell(String text) {
        return ("*** " + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] farewell(String text) {
        return tell(text);
    }

    private static byte[] line(String text) {
        return (TerminalText.strip(text) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String command(IrcMessage m) {
        String who = m.sourceNick();
        boolean fromServer = m.prefix() == null || m.prefix().indexOf('!') < 0;
        return switch (m.command()) {
            case Command.PRIVMSG -> chat(m, "<" + who + ">");
            case Command.NOTICE -> fromServer ? "*** " + m.lastParam() : chat(m, "-" + who + "-");
            case Command.JOIN -> "* " + who + " joined " + m.param(0);
            case Command.PART -> "* " + who + " left " + m.param(0) + reason(m, 1);
            case Command.QUIT -> "* " + who + " quit" + reason(m, 0);
            case Command.NICK -> "* " + who + " is now known as " + m.param(0);
            case Command.KICK -> "* " + m.param(1) + " was kicked from " + m.param(0) + " by " + who + reason(m, 2);
            case Command.TOPIC -> "* " + who + " set the topic of " + m.param(0) + " to: " + IrcFormatting.strip(m.param(1));
            case Command.MODE -> IrcNames.isRoomName(m.param(0))
                    ? "* " + who + " set " + ModeWords.describe(m.params().subList(1, m.paramCount())) + " (" + m.param(0) + ")"
                    : "* " + who + " sets mode " + String.join(" ", m.params().subList(1, m.paramCount())) + " on " + m.param(0);
            case Command.ERROR, Command.FAIL -> "*** " + m.lastParam();
            case Command.INVITE -> "* " + who + " invites you to " + m.param(1) + " (type /join " + m.param(1) + ")";
            // The only batch a plain-text user is sent: the history replayed when joining a room.
            case Command.BATCH -> m.param(0).startsWith("+") ? "--- history ---" : "--- now ---";
            default -> null; // PING, PONG, CAP: protocol plumbing
        };
    }

    private static String chat(IrcMessage m, String speaker) {
        String target = m.param(0);
        // A line from history carries the time it was said: "[#lobby 10:42]", in the server's zone.
        String time = m.tags().get("time");
        String when = time == null ? "" : " " + HISTORY_TIME.format(Instant.parse(time));
        // A private line names whom it went to: the sender's own copy (echo-message) reads right too.
        String where = IrcNames.isRoomName(target) ? "[" + target + when + "] " : "[private to " + target + when + "] ";
        String text = IrcFormatting.strip(TerminalText.collapseSpaceRuns(m.param(1)));
        if (text.length() > 1 && text.charAt(0) == CTCP) {
            // CTCP ACTION (/me) is the only CTCP a person should see; the rest is client plumbing.
            String action = "ACTION ";
            return text.startsWith(action, 1)
                    ? where + "* " + m.sourceNick() + " " + text.substring(1 + action.length()).replace("" + CTCP, "")
                    : null;
        }
        return where + speaker + " " + text;
    }

    private static String reason(IrcMessage m, int index) {
        String reason = IrcFormatting.strip(m.param(index));
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }

    private static String numeric(IrcMessage m) {
        return switch (m.command()) {
            case Numeric.RPL_NAMREPLY -> "*** Users in " + m.param(2) + ": " + m.param(3);
            case Numeric.RPL_LISTSTART -> "*** Rooms:";
            case Numeric.RPL_LIST -> "***   " + m.param(1) + " (" + people(m.param(2)) + ")"
                    + (m.param(3).isEmpty() ? "" : " " + m.param(3));
            case Numeric.RPL_TOPIC -> "*** Topic of " + m.param(1) + ": " + m.param(2);
            case Numeric.RPL_NOTOPIC -> "*** " + m.param(1) + " has no topic";
            case Numeric.RPL_AWAY -> "*** " + m.param(1) + " is away: " + m.param(2);
            case Numeric.RPL_ENDOFNAMES, Numeric.RPL_LISTEND, Numeric.RPL_TOPICWHOTIME, Numeric.RPL_ENDOFWHO,
                    Numeric.RPL_ENDOFWHOIS, Numeric.RPL_WHOREPLY -> null;
            default -> generic(m);
        };
    }

    /** A count of people in words: "1 person", "2 people". */
    static String people(String count) {
        return "1".equals(count) ? "1 person" : count + " people";
    }

    /** "*** <params after the target>: <text>", e.g. "*** zed: No such nick/channel". */
    private static String generic(IrcMessage m) {
        StringBuilder out = new StringBuilder("*** ");
        for (int i = 1; i < m.paramCount() - 1; i++) {
            out.append(m.param(i)).append(i < m.paramCount() - 2 ? " " : ": ");
        }
        return out.append(m.lastParam()).toString();
    }
}
