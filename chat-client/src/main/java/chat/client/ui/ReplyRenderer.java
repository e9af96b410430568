package chat.client.ui;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/**
 * Numeric replies as lines a person reads. The first parameter of every numeric is my own nick
 * (RFC 2812 section 2.4), so it is never shown. Registration chatter (002-005, LUSERS, MOTD
 * frames, 422 no MOTD) is left out; NAMES (353/366) is collected by the handler and shown once per room.
 */
public final class ReplyRenderer {
    private static final Set<String> QUIET = Set.of(Numeric.RPL_YOURHOST, Numeric.RPL_CREATED, Numeric.RPL_MYINFO,
            Numeric.RPL_ISUPPORT, Numeric.RPL_LUSERCLIENT, Numeric.RPL_LUSEROP, Numeric.RPL_LUSERUNKNOWN,
            Numeric.RPL_LUSERCHANNELS, Numeric.RPL_LUSERME, "265", "266", "250", Numeric.RPL_MOTDSTART,
            Numeric.RPL_ENDOFMOTD, Numeric.RPL_NAMREPLY, Numeric.RPL_ENDOFNAMES, Numeric.RPL_TOPICWHOTIME,
            Numeric.RPL_CREATIONTIME, Numeric.RPL_UMODEIS, "396",
            // A server without a message of the day is normal, not a problem worth a red line.
            Numeric.ERR_NOMOTD);

    private final MessageRenderer lines;

    ReplyRenderer(MessageRenderer lines) {
        this.lines = lines;
    }

    Optional<MessageRenderer.Rendered> render(IrcMessage reply, LocalTime at) {
        String code = reply.command();
        if (QUIET.contains(code)) {
            return Optional.empty();
        }
        String text = VisibleText.of(reply.lastParam());
        String subject = VisibleText.of(reply.param(1));
        return switch (code) {
            case Numeric.RPL_WELCOME, Numeric.RPL_MOTD, Numeric.RPL_UNAWAY, Numeric.RPL_NOWAWAY -> lines.dim(at, "--- " + text);
            case Numeric.RPL_TOPIC -> lines.dim(at, "--- topic of " + subject + ": " + text);
            case Numeric.RPL_NOTOPIC -> lines.dim(at, "--- " + subject + " has no topic");
            case Numeric.RPL_AWAY -> lines.dim(at, "--- " + subject + " is away: " + text);
            case Numeric.RPL_LISTSTART -> lines.dim(at, "--- rooms:");
            case Numeric.RPL_LIST -> lines.dim(at, "    " + subject + "  " + ("1".equals(reply.param(2)) ? "1 person"
                    : VisibleText.of(reply.param(2)) + " people") + "  " + (reply.paramCount() > 3 ? text : ""));
            case Numeric.RPL_LISTEND -> lines.dim(at, "--- end of the room list");
            // 352: <me> <room> <user> <host> <server> <nick> <H|G>[*][@|+] :<hops> <real name>
            case Numeric.RPL_WHOREPLY -> lines.dim(at, "    " + whoMark(reply.param(6)) + VisibleText.of(reply.param(5)) + " ("
                    + VisibleText.of(reply.param(2)) + "@" + VisibleText.of(reply.param(3)) + ")"
                    + " in " + subject + whoFlags(reply.param(6)));
            case Numeric.RPL_ENDOFWHO -> lines.dim(at, "--- end of who for " + subject);
            // 330 <me> <nick> <account> :is logged in as
            case "330" -> lines.dim(at, "--- " + subject + " is logged in as " + VisibleText.of(reply.param(2)));
            default -> Optional.of(reply.command().charAt(0) >= '4'
                    ? lines.problem(describe(reply), at) : lines.note(describe(reply), at));
        };
    }

    /** The room status a WHO line's flags give ("H@", "G*+"): "@" for an operator, "+" for voice, else nothing. */
    static String whoMark(String flags) {
        String f = flags == null ? "" : flags;
        return f.indexOf('@') >= 0 ? "@" : f.indexOf('+') >= 0 ? "+" : "";
    }

    /** What a WHO line's flags say in words: ": away, server operator, room operator". */
    static String whoFlags(String flags) {
        String f = flags == null ? "" : flags;
        java.util.List<String> words = new java.util.ArrayList<>();
        if (f.startsWith("G")) {
            words.add("away");
        }
        if (f.indexOf('*') >= 0) {
            words.add("server operator");
        }
        if (f.indexOf('@') >= 0) {
            words.add("room operator");
        } else if (f.indexOf('+') >= 0) {
            words.add("voiced");
        }
        return words.isEmpty() ? "" : ": " + String.join(", ", words);
    }

    /** "401 me bob :No such nick" reads "bob: No such nick". */
    private static String describe(IrcMessage reply) {
        int count = reply.paramCount();
        if (count <= 2) {
            return VisibleText.of(count == 2 ? reply.lastParam() : "");
        }
        String middle = VisibleText.of(String.join(" ", reply.params().subList(1, count - 1)));
        return middle + ": " + VisibleText.of(reply.lastParam());
    }
}
