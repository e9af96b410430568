package chat.server.command;

import chat.protocol.Numeric;
import chat.server.model.Room;
import chat.server.model.ServerState;
import chat.server.model.User;
import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line WHO gives for one user: RFC 2812's 352, or with WHOX ({@code WHO <mask> %<fields>[,<token>]},
 * IRCv3 whox and the modern docs) a 354 holding exactly the fields asked for, in the spec's order
 * {@code t c u i h s n f d l a o r} whatever order they were asked in. Also RFC 2812's
 * {@code WHO <mask> o} (operators only), which the part before {@code %} may hold.
 */
final class WhoLines {
    /** Every field in the order 354 gives them (modern docs: token, channel ... real name). */
    private static final String FIELD_ORDER = "tcuihsnfdlaor";
    private static final Pattern TOKEN = Pattern.compile("\\d{1,3}");
    /** The 'i' field when the asker may not see the address (the spec's placeholder). */
    private static final String HIDDEN_IP = "255.255.255.255";

    private final ServerState state;
    private final Replies replies;
    /** The WHOX fields asked for, in 354 order, or null for a plain 352. */
    private final String fields;
    private final String token;
    private final boolean operatorsOnly;

    private WhoLines(ServerState state, Replies replies, String fields, String token, boolean operatorsOnly) {
        this.state = state;
        this.replies = replies;
        this.fields = fields;
        this.token = token;
        this.operatorsOnly = operatorsOnly;
    }

    /** The lines for {@code WHO <mask> [<options>]}; options null or {@code "o"}, {@code "%cnf"}, {@code "o%tna,7"}. */
    static WhoLines of(ServerState state, Replies replies, String options) {
        if (options == null) {
            return new WhoLines(state, replies, null, null, false);
        }
        int percent = options.indexOf('%');
        boolean operatorsOnly = options.substring(0, percent < 0 ? options.length() : percent).indexOf('o') >= 0;
        if (percent < 0) {
            return new WhoLines(state, replies, null, null, operatorsOnly);
        }
        String asked = options.substring(percent + 1);
        int comma = asked.indexOf(',');
        String token = comma < 0 ? null : asked.substring(comma + 1);
        String letters = comma < 0 ? asked : asked.substring(0, comma);
        StringBuilder ordered = new StringBuilder();
        for (char field : FIELD_ORDER.toCharArray()) {
            if (letters.indexOf(field) >= 0) {
                ordered.append(field); // unknown letters are ignored, as the spec asks
            }
        }
        return new WhoLines(state, replies, ordered.toString(),
                token != null && TOKEN.matcher(token).matches() ? token : "0", operatorsOnly);
    }

    /** False for a user this WHO leaves out (RFC 2812 "o": operators only). */
    boolean keeps(User user) {
        return !operatorsOnly || user.isServerOperator();
    }

    /** The line for {@code user}, seen through {@code room} (its prefix there), or outside any room (null). */
    IrcMessage line(Room room, User user) {
        String roomPrefix = room == null ? "" : replies.memberPrefix(room, user);
        String flags = (user.away() == null ? "H" : "G") + (user.isServerOperator() ? "*" : "") + roomPrefix
                + (user.isBot() ? "B" : "");
        if (fields == null) {
            return replies.numericMessage(Numeric.RPL_WHOREPLY, room == null ? "*" : room.name(), user.userName(),
                    user.host(), state.network().nodeOf(user, state.serverName()), user.nick(), flags, "0 " + user.realName());
        }
        User asker = replies.session().user();
        List<String> params = new ArrayList<>(fields.length());
        for (char field : fields.toCharArray()) {
            params.add(switch (field) {
                case 't' -> token;
                case 'c' -> room != null ? room.name() : anyVisibleRoom(user, asker);
                case 'u' -> user.userName();
                case 'i' -> asker == user || asker.isServerOperator() ? user.host() : HIDDEN_IP;
                case 'h' -> user.host();
                case 's' -> state.network().nodeOf(user, state.serverName());
                case 'n' -> user.nick();
                case 'f' -> flags;
                case 'd' -> user.isRemote() ? "1" : "0"; // hops: another node of the cluster is one away
                case 'l' -> Long.toString(Math.max(0, (state.clock().now() - user.lastMessageAtMillis()) / 1000));
                case 'a' -> user.account() == null ? "0" : user.account();
                case 'o' -> "n/a"; // op levels are a feature of ircu's +A/+U rooms; none here
                default -> user.realName(); // 'r', the last
            });
        }
        return replies.numericMessage(Numeric.RPL_WHOSPCRPL, params.toArray(new String[0]));
    }

    /** WHOX 'c' outside a room: one of the user's rooms the asker may know of, or "*". */
    private static String anyVisibleRoom(User user, User asker) {
        for (Room room : user.rooms()) {
            if (ReplyStreams.visibleTo(room, asker)) {
                return room.name();
            }
        }
        return "*";
    }
}
