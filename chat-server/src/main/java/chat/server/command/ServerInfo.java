package chat.server.command;


import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.server.model.Monitors;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The replies that describe the server: the welcome burst (001-005), LUSERS, MOTD, VERSION, TIME. */
public final class ServerInfo {
    public static final String VERSION = "chat-server-" + versionNumber();
    static final String NETWORK = "chat";
    /** What clients may rely on (Modern IRC docs, RPL_ISUPPORT); each token is true of this server. */
    static final String[] ISUPPORT = {
        "CASEMAPPING=rfc1459", "CHANTYPES=#", "PREFIX=(ov)@+", "CHANMODES=beI,k,l,imnst",
        "NICKLEN=" + ProtocolLimits.MAX_NICK_CHARS, "CHANNELLEN=" + ProtocolLimits.MAX_ROOM_NAME_CHARS,
        "TOPICLEN=" + ProtocolLimits.MAX_TOPIC_CHARS, "AWAYLEN=" + ProtocolLimits.MAX_AWAY_CHARS,
        "KICKLEN=" + ProtocolLimits.MAX_KICK_REASON_CHARS, "NETWORK=" + NETWORK,
        "MAXTARGETS=" + ProtocolLimits.MAX_MESSAGE_TARGETS, "MODES=" + ProtocolLimits.MAX_MODES_WITH_PARAMS,
        "MAXLIST=beI:" + RoomModes.MAX_LIST_ENTRIES, "EXCEPTS=e", "INVEX=I", "EXTBAN=$,a", "ELIST=U",
        "MONITOR=" + Monitors.MAX_PER_USER, "WHOX", "BOT=B",
        "CHANLIMIT=#:" + ProtocolLimits.MAX_ROOMS_PER_USER, "NAMELEN=" + ProtocolLimits.MAX_REAL_NAME_CHARS,
        "TARGMAX=PRIVMSG:" + ProtocolLimits.MAX_MESSAGE_TARGETS + ",NOTICE:" + ProtocolLimits.MAX_MESSAGE_TARGETS
                + ",WHOIS:" + ProtocolLimits.MAX_WHOIS_TARGETS,
    };
    private static final int ISUPPORT_TOKENS_PER_LINE = 13;
    /** With history: the most lines one CHATHISTORY answers, and the references it takes (draft/chathistory). */
    static final String[] HISTORY_ISUPPORT = {"CHATHISTORY=" + HistoryCommands.MAX_LIMIT, "MSGREFTYPES=msgid,timestamp"};

    private String[] isupport() {
        if (!state.history().enabled()) {
            return ISUPPORT;
        }
        String[] all = Arrays.copyOf(ISUPPORT, ISUPPORT.length + HISTORY_ISUPPORT.length);
        System.arraycopy(HISTORY_ISUPPORT, 0, all, ISUPPORT.length, HISTORY_ISUPPORT.length);
        return all;
    }
    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("EEE MMM d yyyy HH:mm:ss z", Locale.ROOT);

    private final ServerState state;
    /** Formatted on the first welcome and kept: formatting a date per registration was a visible part of connecting. */
    private String createdText;

    ServerInfo(ServerState state) {
        this.state = state;
    }

    private static String versionNumber() {
        String version = ServerInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** RFC 2812 5.1: 001-004, then 005, LUSERS and MOTD, which clients take as "registration done". */
    void welcome(Replies to) {
        to.numeric(Numeric.RPL_WELCOME, "Welcome to the " + NETWORK + " network, " + to.session().user().prefix());
        to.numeric(Numeric.RPL_YOURHOST, "Your host is " + state.serverName() + ", running version " + VERSION);
        if (createdText == null) {
            createdText = "This server was created " + humanTime(state.startedEpochMillis());
        }
        to.numeric(Numeric.RPL_CREATED, createdText);
        to.numeric(Numeric.RPL_MYINFO, state.serverName(), VERSION, "Biow", "beIiklmnostv");
        String[] tokens = isupport();
        // At most 13 tokens per 005 line: with the nick and the trailing text, 15 parameters (RFC 2812 2.3).
        for (int from = 0; from < tokens.length; from += ISUPPORT_TOKENS_PER_LINE) {
            int count = Math.min(ISUPPORT_TOKENS_PER_LINE, tokens.length - from);
            String[] line = new String[count + 1];
            System.arraycopy(tokens, from, line, 0, count);
            line[count] = "are supported by this server";
            to.numeric(Numeric.RPL_ISUPPORT, line);
        }
        lusers(to);
        motd(to);
    }

    // LUSERS: counts of users, connections and rooms (RFC 2812 3.4.2).
    void lusers(User user, IrcMessage message, Replies to) {
        lusers(to);
    }

    // RFC 2812 3.4.2: 251 and 255 always; 252, 253 and 254 only when their count is not zero.
    private void lusers(Replies to) {
        int users = state.registeredCount();
        int invisible = state.invisibleCount();
        Map<String, Integer> perNode = state.network().usersPerNode();
        int servers = Math.max(1, perNode.size());
        int all = users + state.remoteCount();
        to.numeric(Numeric.RPL_LUSERCLIENT, "There are " + (all - invisible) + " users and " + invisible
                + " invisible on " + servers + " servers");
        optionalCount(to, Numeric.RPL_LUSEROP, state.operatorsOnline().size(), "operator(s) online");
        optionalCount(to, Numeric.RPL_LUSERUNKNOWN, state.unregisteredCount(), "unknown connection(s)");
        optionalCount(to, Numeric.RPL_LUSERCHANNELS, state.rooms().count(), "channels formed");
        to.numeric(Numeric.RPL_LUSERME, "I have " + users + " clients and " + (servers - 1) + " servers");
        if (!perNode.isEmpty()) {
            // A cluster: this node's users, the network's, then each node's (in the order this one knows them).
            to.numeric(Numeric.RPL_LOCALUSERS, Integer.toString(users), Integer.toString(users),
                    "Current local users " + users);
            to.numeric(Numeric.RPL_GLOBALUSERS, Integer.toString(all), Integer.toString(all),
                    "Current global users " + all);
            perNode.forEach((node, count) -> to.numeric(Numeric.RPL_GLOBALUSERS, Integer.toString(count),
                    Integer.toString(count), "Users on node " + node + ": " + count));
        }
    }

    private static void optionalCount(Replies to, String numeric, int count, String words) {
        if (count > 0) {
            to.numeric(numeric, Integer.toString(count), words);
        }
    }

    // MOTD: the message of the day, or 422 without one (RFC 2812 3.4.1).
    void motd(User user, IrcMessage message, Replies to) {
        motd(to);
    }

    private void motd(Replies to) {
        if (state.config().motdLines().isEmpty()) {
            to.numeric(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        to.numeric(Numeric.RPL_MOTDSTART, "- " + state.serverName() + " Message of the day - ");
        for (String line : state.config().motdLines()) {
            to.numeric(Numeric.RPL_MOTD, "- " + line);
        }
        to.numeric(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    // VERSION (RFC 2812 3.4.3)
    // ADMIN: who runs this server (RFC 2812 3.4.9); the operator's details are not configured, so it
    // says where to ask.
    void admin(User user, IrcMessage message, Replies to) {
        to.numeric(Numeric.RPL_ADMINME, state.serverName(), "Administrative info");
        to.numeric(Numeric.RPL_ADMINLOC1, "This chat server is run by the person at its console");
        to.numeric(Numeric.RPL_ADMINLOC2, "Ask in " + state.config().defaultRoom());
        to.numeric(Numeric.RPL_ADMINEMAIL, "-");
    }

    // INFO: what this server is (RFC 2812 3.4.10).
    void info(User user, IrcMessage message, Replies to) {
        for (String line : new String[] {VERSION + ": a full-duplex terminal chat in Java",
            "One java.nio selector loop serves every connection; history is kept in SQLite.",
            "Speaks IRC (RFC 1459/2812 and IRCv3) and plain text for nc.",
            "Up since " + humanTime(state.startedEpochMillis())}) {
            to.numeric(Numeric.RPL_INFO, line);
        }
        to.numeric(Numeric.RPL_ENDOFINFO, "End of INFO list");
    }

    void version(User user, IrcMessage message, Replies to) {
        to.numeric(Numeric.RPL_VERSION, VERSION, state.serverName(), "a selector chat server");
    }

    // TIME: the server's local time (RFC 2812 3.4.6)
    void time(User user, IrcMessage message, Replies to) {
        to.numeric(Numeric.RPL_TIME, state.serverName(), humanTime(state.clock().epochMillis()));
    }

    private static String humanTime(long epochMillis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault()).format(HUMAN_TIME);
    }
}
