package chat.bench;

import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import java.nio.charset.StandardCharsets;

/**
 * Turns one line from the server into an event for the loop. Relayed room messages, which are
 * nearly all the traffic, are recognised by a byte scan without building a String; every other
 * line (numerics, JOIN, PING, ERROR) goes through the project's {@link IrcParser}.
 */
final class LineDispatcher {
    /** What the loop does with the lines that matter to a bench. */
    interface Events {
        void registered(SimClient client);

        void joined(SimClient client);

        /** The server showed {@code client} these members of its room (nicks without @ or +). */
        void membersSeen(SimClient client, String... nicks);

        void delivered(SimClient receiver, Payload.Fields payload);

        void pinged(SimClient client, String token);

        void refused(SimClient client, String line);
    }

    /** " PRIVMSG ": its first eight bytes as one little-endian long, then a last space. */
    private static final int PRIVMSG_BYTES = " PRIVMSG ".length();
    private static final long SPACE_PRIVMSG = ByteScan.longAt(" PRIVMSG".getBytes(StandardCharsets.US_ASCII), 0);

    private final Events events;
    private final Payload.Fields payload = new Payload.Fields();

    LineDispatcher(Events events) {
        this.events = events;
    }

    /** Handles {@code bytes[from, to)}, one line without its LF (a trailing CR is dropped here). */
    void dispatch(SimClient client, byte[] bytes, int from, int to) {
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return;
        }
        int trailing = privmsgTrailing(bytes, from, to);
        if (trailing >= 0) {
            if (Payload.decode(bytes, trailing, to, payload)) {
                events.delivered(client, payload);
            }
            return;
        }
        String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        try {
            handle(client, IrcParser.parse(line), line);
        } catch (MalformedMessageException ignored) {
            // A line we cannot read is not one the bench waits for; the run goes on.
        }
    }

    private void handle(SimClient client, IrcMessage message, String line) {
        switch (message.command()) {
            case "001" -> events.registered(client);
            case "366" -> {
                if (message.param(1) != null && IrcNames.equalsFolded(client.roomName, message.param(1))) {
                    events.joined(client);
                }
            }
            // RPL_NAMREPLY: "353 me = #room :a @b +c", possibly split over several lines.
            case "353" -> {
                String room = message.param(2);
                String names = message.lastParam();
                if (message.paramCount() >= 4 && IrcNames.equalsFolded(client.roomName, room) && !names.isBlank()) {
                    String[] nicks = names.trim().split(" +");
                    for (int i = 0; i < nicks.length; i++) {
                        nicks[i] = nicks[i].replaceFirst("^[~&@%+]+", "");
                    }
                    events.membersSeen(client, nicks);
                }
            }
            case "JOIN" -> {
                if (message.param(0) != null && message.sourceNick() != null
                        && IrcNames.equalsFolded(client.roomName, message.param(0))) {
                    events.membersSeen(client, message.sourceNick());
                }
            }
            // A refused capability would measure lines of another shape than asked for.
            case "CAP" -> {
                if ("NAK".equals(message.param(1))) {
                    events.refused(client, line);
                }
            }
            case "PING" -> events.pinged(client, message.lastParam() == null ? "" : message.lastParam());
            // Nick and join refusals (RFC 2812 5.2) and ERROR end the run: its numbers would be wrong.
            case "ERROR", "431", "432", "433", "436", "437", "451", "461", "403", "405",
                    "471", "473", "474", "475", "477" -> events.refused(client, line);
            default -> {
                // Notices, MOTD, topics: nothing the bench needs.
            }
        }
    }

    /**
     * For {@code [@tags ]:prefix PRIVMSG target :text}, the index where text starts; -1 for other lines.
     * The target is not compared here: the sender id in the payload tells the room it came from.
     * RFC 1459 2.3.1 lets a one-word last parameter go without its ':', and some servers (ours among
     * them) write it so; both forms are read.
     */
    static int privmsgTrailing(byte[] bytes, int from, int to) {
        if (bytes[from] == '@') { // IRCv3 tags (server-time, msgid): the relayed line follows them
            int afterTags = ByteScan.indexOf(bytes, from, to, (byte) ' ') + 1;
            if (afterTags <= 0 || afterTags >= to) {
                return -1;
            }
            from = afterTags;
        }
        if (bytes[from] != ':') {
            return -1;
        }
        int space = ByteScan.indexOf(bytes, from, to, (byte) ' ');
        // One comparison of eight bytes and one of a ninth: a byte loop here would give the JIT one
        // branch per byte, each a separate guess that a new kind of line can overturn mid-run.
        if (space < 0 || to - space < PRIVMSG_BYTES
                || ByteScan.longAt(bytes, space) != SPACE_PRIVMSG || bytes[space + Long.BYTES] != ' ') {
            return -1;
        }
        int targetEnd = ByteScan.indexOf(bytes, space + PRIVMSG_BYTES, to, (byte) ' ');
        if (targetEnd < 0 || targetEnd + 1 >= to) {
            return -1;
        }
        return bytes[targetEnd + 1] == ':' ? targetEnd + 2 : targetEnd + 1;
    }
}
