package chat.server.cluster;

import chat.protocol.IrcEncoder;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import chat.server.model.Room;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.StampFields;
import chat.server.model.User;
import chat.server.net.Outbound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The events of the cluster and their fields. A relayed line travels as six fields (its time,
 * its sequence, the sender's account, whether the sender is a bot, the line with the sender's
 * client-only tags when it has any, the bare line as the sender's node encoded it), so every
 * node shows the same time and msgid and the same bytes, and encodes only its tagged shapes.
 */
final class Events {
    static final String HEARTBEAT = "HB";
    /** inc: the sender's incarnation; answered by every other node with its burst. */
    static final String HELLO = "HELLO";
    /** uid nick user host realname account away signon invisible bot operator */
    static final String USER = "USER";
    /** uid newnick LINE */
    static final String NICK = "NICK";
    /** uid LINE (LINE missing: the user never registered, nothing to show) */
    static final String QUIT = "QUIT";
    /** uid room flags LINE */
    static final String JOIN = "JOIN";
    /** uid room LINE */
    static final String PART = "PART";
    /** target-uid target-node room LINE */
    static final String KICK = "KICK";
    /** room topic setby setat LINE */
    static final String TOPIC = "TOPIC";
    /** room LINE (the MODE line says what changed) */
    static final String MODE = "MODE";
    /** room target-nick LINE */
    static final String INVITE = "INVITE";
    /** uid LINE */
    static final String AWAY = "AWAY";
    /** room created topic setby setat flags key limit bans excepts invex: a room's settings (burst) */
    static final String ROOM = "ROOM";
    /** uid LINE: a PRIVMSG, NOTICE or TAGMSG, to a room or a person */
    static final String MESSAGE = "MSG";
    /** A node stops: its users are gone (they were told already, one QUIT each). */
    static final String BYE = "BYE";

    /** uid killer-prefix killed-text: an operator elsewhere KILLed a user of the receiving node */
    static final String KILL = "KILL";
    /** LINE: a WALLOPS, for every node's +w users */
    static final String WALLOPS = "WALLOPS";
    /** text: a server notice for every node's operators (GLOBOPS, KILL, KLINE) */
    static final String OPERATORS = "OPERS";
    /** address account: a failed login on the sending node, for every node's throttle */
    static final String LOGIN_FAILED = "LOGINFAIL";
    /** address account: a login on the sending node, clearing every node's throttle for it */
    static final String LOGIN_OK = "LOGINOK";

    /**
     * time, sequence, account, bot ("B" or null), the line with the sender's client-only tags
     * (null without any), the bare line as encoded (without CRLF; never null, and last)
     */
    static final int LINE_FIELDS = 6;

    private Events() {
    }

    static Event of(String type, String node, String... fields) {
        return Event.of(type, node, Arrays.asList(fields));
    }

    /** An event whose last fields are {@code line}; the line's bytes go in as this node encoded them. */
    static Event withLine(String type, String node, Outbound line, String... fields) {
        Event.Writer event = new Event.Writer(type, node);
        for (String field : fields) {
            event.text(field);
        }
        StampFields stamp = ServerState.stampFields(line);
        if (stamp == null) {
            event.text(null).text(null).text(null).text(null).text(null);
        } else {
            IrcMessage bare = stamp.clientTags().isEmpty() ? null : line.bareMessage();
            event.number(stamp.epochMillis()).number(stamp.sequence()).text(stamp.account())
                    .text(stamp.bot() ? "B" : null)
                    .text(bare == null ? null
                            : IrcEncoder.format(new IrcMessage(stamp.clientTags(), bare.prefix(), bare.command(), bare.params())));
        }
        byte[] wire = line.bareLine(); // encoded for this node's own receivers anyway; the others reuse it
        return event.raw(wire, 0, wire.length - CRLF_BYTES).event();
    }

    private static final int CRLF_BYTES = 2;

    /**
     * The line carried from field {@code at} on, stamped as its sender's node stamped it. Its bytes
     * are checked ({@link NodeLine}) and relayed as they came; the line is parsed only if a receiver
     * here needs it parsed.
     */
    static Outbound line(ServerState state, Event event, int at) throws MalformedMessageException {
        byte[] wire = event.line(at + 5);
        String command = NodeLine.command(wire);
        if (!event.has(at)) {
            return state.stamped(command, wire, null);
        }
        String tagged = event.field(at + 4);
        Map<String, String> clientTags = tagged == null ? Map.of() : IrcParser.parse(tagged).tags();
        return state.stamped(command, wire, new StampFields(event.number(at), event.number(at + 1),
                event.field(at + 2), clientTags, event.has(at + 3)));
    }

    /** The sequence (msgid) of the line from field {@code at} on, or -1 without a stamp. */
    static long sequence(Event event, int at) {
        return event.has(at + 1) ? event.number(at + 1) : -1;
    }

    static Event user(String node, String uid, User user) {
        return of(USER, node, uid, user.nick(), user.userName(), user.host(), user.realName(), user.account(),
                user.away(), Long.toString(user.signonEpochSeconds()), user.isInvisible() ? "1" : "0",
                user.isBot() ? "1" : "0", user.isServerOperator() ? "1" : "0");
    }

    /** A room's settings, for a burst: topic, flags, key, limit and the three lists. */
    static Event room(String node, Room room) {
        RoomModes modes = room.modes();
        return of(ROOM, node, room.name(), Long.toString(room.createdEpochSeconds()), room.topic(), room.topicSetBy(),
                Long.toString(room.topicSetEpochSeconds()), flags(modes), modes.key(), Integer.toString(modes.limit()),
                entries(modes.list('b')), entries(modes.list('e')), entries(modes.list('I')));
    }

    private static String flags(RoomModes modes) {
        StringBuilder flags = new StringBuilder();
        for (char flag : "imnst".toCharArray()) {
            if (modes.hasFlag(flag)) {
                flags.append(flag);
            }
        }
        return flags.toString();
    }

    /** A mode list as "mask setby setat" entries, tab-separated (masks and sources hold no spaces). */
    private static String entries(List<RoomModes.Entry> list) {
        StringBuilder out = new StringBuilder();
        for (RoomModes.Entry entry : list) {
            if (out.length() > 0) {
                out.append('\t');
            }
            out.append(entry.mask()).append(' ').append(entry.setBy()).append(' ').append(entry.setAtEpochSeconds());
        }
        return out.toString();
    }

    static List<RoomModes.Entry> parseEntries(String text) {
        List<RoomModes.Entry> entries = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return entries;
        }
        for (String entry : text.split("\t")) {
            String[] parts = entry.split(" ");
            if (parts.length == 3) {
                entries.add(new RoomModes.Entry(parts[0], parts[1], Long.parseLong(parts[2])));
            }
        }
        return entries;
    }
}
