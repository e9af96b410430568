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
            // 311/314 <me> <nick> <user> <host> * :<real name>
            case Numeric.RPL_WHOISUSER -> lines.dim(at, "--- " + subject + userAtHost(reply) + ": " + text);
            case Numeric.RPL_WHOWASUSER -> lines.dim(at, "--- " + subject + " was" + userAtHost(reply) + ": " + text);
            // 312 <me> <nick> <server> :<server info>
            case Numeric.RPL_WHOISSERVER -> lines.dim(at, "--- " + subject + " is on " + VisibleText.of(reply.param(2))
                    + (reply.paramCount() > 3 && !text.isBlank() ? " (" + text + ")" : ""));
            case Numeric.RPL_WHOISIDLE -> lines.dim(at, "--- " + idleAndSignOn(reply));
            // 319 <me> <nick> :{[@|+]<room>}
            case Numeric.RPL_WHOISCHANNELS -> lines.dim(at, "--- " + subject + " is in " + text);
            case Numeric.RPL_WHOISOPERATOR -> lines.dim(at, "--- " + subject + " is a server operator");
            case Numeric.RPL_WHOISSECURE -> lines.dim(at, "--- " + subject + " is connected with TLS");
            case Numeric.RPL_WHOISBOT -> lines.dim(at, "--- " + subject + " is a bot");
            case Numeric.RPL_ENDOFWHOIS -> lines.dim(at, "--- end of whois for " + subject);
            case Numeric.RPL_ENDOFWHOWAS -> lines.dim(at, "--- end of whowas for " + subject);
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

    /** " (bob@host)" from a 311 or 314 reply. */
    private static String userAtHost(IrcMessage reply) {
        return reply.paramCount() > 4
                ? " (" + VisibleText.of(reply.param(2)) + "@" + VisibleText.of(reply.param(3)) + ")" : "";
    }

    /**
     * 317 {@code <me> <nick> <idle seconds> [<signon epoch seconds>] :seconds idle, signon time}:
     * "bob has been idle 3 min 20 s, signed on 2026-12-05 22:24". The sign-on time is optional
     * (RFC 2812 has only the idle time), and a reply that is not numbers is shown as it came.
     */
    static String idleAndSignOn(IrcMessage reply) {
        try {
            long idle = Long.parseLong(reply.param(2));
            String words = VisibleText.of(reply.param(1)) + " has been idle " + duration(idle);
            if (reply.paramCount() > 4) {
                long signOn = Long.parseLong(reply.param(3));
                words += ", signed on " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                        java.time.Instant.ofEpochSecond(signOn).atZone(java.time.ZoneId.systemDefault()));
            }
            return words;
        } catch (NumberFormatException | IndexOutOfBoundsException | java.time.DateTimeException e) {
            return describe(reply);
        }
    }

    /** 6 -> "6 s", 200 -> "3 min 20 s", 7500 -> "2 h 5 min", 277200 -> "3 d 5 h": the two largest units. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
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
