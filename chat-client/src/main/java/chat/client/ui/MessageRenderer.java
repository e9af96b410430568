package chat.client.ui;

import chat.client.session.ClientState;

import chat.protocol.Command;
import chat.protocol.IrcMessage;
import chat.protocol.ModeWords;
import chat.protocol.TerminalText;
import chat.protocol.IrcNames;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns a message from the server into one styled line: "12:34 <bob> hi". Every piece of text that
 * came over the network passes through {@link VisibleText} first, so what is shown can never act
 * on the terminal. Pure: the same message, state and time always give the same line.
 */
public final class MessageRenderer {
    /** A line to show, and whether it deserves the terminal bell (a mention or a private message). */
    public record Rendered(AttributedString text, boolean bell) {
        String plain() {
            return text.toString();
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final String CTCP = "\u0001";

    private final Styles styles;
    private final ReplyRenderer replies;
    private final NickMarks marks;

    public MessageRenderer(Styles styles) {
        this(styles, NickMarks.NONE);
    }

    /** With a mark after the nick of each sender who is logged in to an account ("alice✓"). */
    public MessageRenderer(Styles styles, NickMarks marks) {
        this.styles = styles;
        this.replies = new ReplyRenderer(this);
        this.marks = marks;
    }

    public Optional<Rendered> render(IrcMessage message, ClientState state, LocalTime at) {
        String from = VisibleText.of(message.sourceNick());
        String first = VisibleText.of(message.param(0));
        String last = VisibleText.of(TerminalText.collapseSpaceRuns(message.lastParam()));
        if (message.isNumeric()) {
            return replies.render(message, at);
        }
        return switch (message.command()) {
            case Command.PRIVMSG -> chat(message, state, at);
            case Command.NOTICE -> Optional.of(notice(message, state, at));
            case Command.JOIN -> dim(at, "--> " + (state.isMe(message.sourceNick()) ? "you" : from + userHost(message))
                    + " joined " + first);
            case Command.PART -> dim(at, "<-- " + (state.isMe(message.sourceNick()) ? "you" : from) + " left " + first
                    + reason(message, 2));
            case Command.QUIT -> dim(at, "<-- " + from + " quit" + reason(message, 1));
            case Command.NICK -> dim(at, "--- " + (state.isMe(message.param(0)) ? "you are" : from + " is")
                    + " now known as " + first);
            case Command.KICK -> dim(at, "<-- " + VisibleText.of(message.param(1)) + " was kicked from " + first
                    + " by " + from + reason(message, 3));
            case Command.TOPIC -> dim(at, "--- " + from + " set the topic of " + first + ": " + last);
            case Command.MODE -> dim(at, IrcNames.isRoomName(message.param(0))
                    ? "--- " + from + " set " + VisibleText.of(ModeWords.describe(message.params().subList(1,
                            message.paramCount()))) + " (" + first + ")"
                    : "--- " + from + " sets mode " + rest(message, 1) + " on " + first);
            case "INVITE" -> Optional.of(line(at, styles.privateMark(), "--- " + from + " invites you to " + last, false));
            case Command.ERROR -> dim(at, "--- the server closed the link: " + last);
            case "ACCOUNT" -> dim(at, "--- " + from + ("*".equals(message.param(0)) ? " logged out"
                    : " logged in as " + first));
            // TAGMSG carries only tags (typing), which the status area shows, never a line.
            // and BATCH only frames lines that are shown on their own.
            case Command.PING, Command.PONG, Command.CAP, Command.TAGMSG, "BATCH" -> Optional.empty();
            default -> dim(at, "--- " + VisibleText.of(message.command()) + " " + VisibleText.of(String.join(" ", message.params())));
        };
    }

    /** A note from the client itself (help, hints, connection news). */
    public Rendered note(String text, LocalTime at) {
        return line(at, AttributedStyle.DEFAULT, "--- " + text, false);
    }

    /** Heads the replies to one command, shown together: "── /whois bob ──". */
    public Rendered header(String command, LocalTime at) {
        return line(at, AttributedStyle.BOLD, "\u2500\u2500 " + command + " \u2500\u2500", false);
    }

    /**
     * Frames lines from history: "── earlier ──" above them, "── now ──" below. No time of its own:
     * the lines between carry the times they were said.
     */
    public Rendered separator(String text) {
        return new Rendered(new AttributedStringBuilder().styled(styles.dim(), "\u2500\u2500 " + VisibleText.of(text)
                + " \u2500\u2500").toAttributedString(), false);
    }

    /** A line from history: dim all through so it reads as the past, and never ringing. */
    public Rendered historic(Rendered line) {
        return new Rendered(new AttributedStringBuilder().styled(styles.dim(), line.plain()).toAttributedString(), false);
    }

    /** The same line without its bell: news missed while away is read, not rung for, line by line. */
    public Rendered quiet(Rendered line) {
        return new Rendered(line.text(), false);
    }

    /** One of my lines waiting for the server's echo: as it will read, but dim and marked as on its way. */
    public Rendered pending(IrcMessage own, ClientState state, LocalTime at) {
        String line = render(own, state, at).map(Rendered::plain).orElse(VisibleText.of(own.lastParam()));
        return new Rendered(new AttributedStringBuilder().styled(styles.dim(), line + " …").toAttributedString(), false);
    }

    /** One of my lines the server refused, or that was lost with the connection. */
    public Rendered notDelivered(IrcMessage own, String reason, LocalTime at) {
        String text = own.lastParam() == null ? "" : own.lastParam();
        if (text.startsWith(CTCP + "ACTION ")) {
            text = "* " + text.substring(8).replace(CTCP, "");
        }
        return line(at, styles.error(), "\u2717 not delivered (" + VisibleText.of(reason) + "): "
                + VisibleText.of(TerminalText.collapseSpaceRuns(text)), false);
    }

    /** Who is typing in the current conversation; no time, it is about now. */
    public Rendered typing(String who) {
        return new Rendered(new AttributedStringBuilder().styled(styles.dim(), VisibleText.of(who)).toAttributedString(),
                false);
    }

    public Rendered problem(String text, LocalTime at) {
        return line(at, styles.error(), "!!! " + text, false);
    }

    Optional<Rendered> dim(LocalTime at, String text) {
        return Optional.of(line(at, styles.dim(), text, false));
    }

    private Optional<Rendered> chat(IrcMessage message, ClientState state, LocalTime at) {
        String target = message.param(0);
        // Long runs of spaces collapsed: padding to the terminal's width must not fake a new line.
        String text = TerminalText.collapseSpaceRuns(message.lastParam());
        if (target == null || text == null) {
            return Optional.empty();
        }
        boolean action = text.startsWith(CTCP + "ACTION ") || text.equals(CTCP + "ACTION" + CTCP);
        if (!action && text.startsWith(CTCP)) {
            return dim(at, "--- " + VisibleText.of(message.sourceNick()) + " sent a CTCP "
                    + VisibleText.of(text.replace(CTCP, "")) + " request");
        }
        if (action) {
            text = text.substring(Math.min(text.length(), 8));
            text = text.endsWith(CTCP) ? text.substring(0, text.length() - 1) : text;
        }
        String nick = message.sourceNick() == null ? "?" : message.sourceNick();
        boolean own = state.isMe(nick);
        boolean room = IrcNames.isRoomName(target);
        AttributedStringBuilder out = stamp(at);
        if (room && !state.isCurrentTarget(target)) {
            out.styled(styles.room(), "[" + VisibleText.of(target) + "] ");
        }
        if (!room) {
            out.styled(styles.privateMark(), own ? "-> *" + VisibleText.of(target) + "* " : "*private* ");
        }
        AttributedStyle nickStyle = own ? styles.ownNick() : styles.nick(nick);
        String mark = marks.after(nick, message);
        if (action) {
            out.append("* ").styled(nickStyle, VisibleText.of(nick)).styled(styles.dim(), mark).append(" ");
        } else {
            out.append("<").styled(nickStyle, VisibleText.of(nick)).styled(styles.dim(), mark).append("> ");
        }
        boolean mentioned = !own && appendHighlighted(out, VisibleText.of(text), state.nick(), own);
        if (own) {
            out.styled(styles.ownText(), VisibleText.of(text));
        }
        return Optional.of(new Rendered(out.toAttributedString(), mentioned || (!room && !own)));
    }

    private Rendered notice(IrcMessage message, ClientState state, LocalTime at) {
        String target = message.param(0);
        String from = message.sourceNick() == null ? "server" : VisibleText.of(message.sourceNick());
        String body = message.lastParam() == null ? "" : message.lastParam();
        if (body.startsWith(CTCP) && body.length() > 1) {
            // A CTCP answer (to a /quote PRIVMSG bob :\001VERSION\001): "bob answers VERSION: ...".
            String answer = body.substring(1).replace(CTCP, "");
            int space = answer.indexOf(' ');
            return line(at, styles.dim(), "--- " + from + " answers " + VisibleText.of(space < 0 ? answer
                    : answer.substring(0, space) + ":" + answer.substring(space)), false);
        }
        String where = target != null && IrcNames.isRoomName(target) ? ":" + VisibleText.of(target) : "";
        AttributedStringBuilder out = stamp(at);
        out.styled(styles.privateMark(), "-" + from + where + "- ");
        appendHighlighted(out, VisibleText.of(TerminalText.collapseSpaceRuns(message.lastParam())), state.nick(), false);
        return new Rendered(out.toAttributedString(), false);
    }

    /** Appends text with each whole-word occurrence of my nick highlighted; true when there was one. */
    private boolean appendHighlighted(AttributedStringBuilder out, String text, String myNick, boolean own) {
        boolean found = false;
        int from = 0;
        String folded = IrcNames.fold(text);
        String foldedNick = IrcNames.fold(myNick);
        int at = foldedNick.isEmpty() ? -1 : folded.indexOf(foldedNick);
        while (at >= 0) {
            int end = at + foldedNick.length();
            if (!isNickChar(folded, at - 1) && !isNickChar(folded, end)) {
                out.append(text.substring(from, at)).styled(styles.mention(), text.substring(at, end));
                from = end;
                found = true;
            }
            at = folded.indexOf(foldedNick, end);
        }
        out.append(text.substring(from));
        return found && !own;
    }

    private static boolean isNickChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || "-[]\\`_^{|}".indexOf(c) >= 0;
    }

    Rendered line(LocalTime at, AttributedStyle style, String text, boolean bell) {
        return new Rendered(stamp(at).styled(style, text).toAttributedString(), bell);
    }

    private AttributedStringBuilder stamp(LocalTime at) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(styles.timestamp(), CLOCK.format(at)).append(" ");
        return out;
    }

    /** Parameters from index on, joined by spaces and made safe. */
    static String rest(IrcMessage message, int from) {
        return from >= message.paramCount() ? ""
                : VisibleText.of(String.join(" ", message.params().subList(from, message.paramCount())));
    }

    private static String userHost(IrcMessage message) {
        String prefix = message.prefix();
        int bang = prefix == null ? -1 : prefix.indexOf('!');
        return bang < 0 ? "" : " (" + VisibleText.of(prefix.substring(bang + 1)) + ")";
    }

    private static String reason(IrcMessage message, int paramsWithReason) {
        String why = message.paramCount() >= paramsWithReason ? message.lastParam() : null;
        return why == null || why.isEmpty() ? "" : " (" + VisibleText.of(why) + ")";
    }
}
